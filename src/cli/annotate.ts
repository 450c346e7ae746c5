import { notStdout } from './copy.js';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { AnnotatedCopies, type AnnotateJob } from '../annotate/copies.js';
import { displayPath, type FoundFile } from '../check/files.js';
import { t } from '../i18n/catalog.js';
import { escapeControls as inert } from '../report/layout.js';
import { checkCopyTarget } from '../workbook/write-copy.js';
import { makeFolder, stampOf } from '../workbook/safe-write.js';
import { statOrNone } from '../workbook/stat-or-none.js';
import { encodingOf, type CheckFlags, type CheckSetup } from './flags.js';
import { UsageError, type Io } from './io.js';
import { sayWritten } from './output.js';

/** Where the copy of `file` goes in `dir` as it would be named alone: its path relative to here, as .xlsx (an .xlsm stays .xlsm). */
function naturalTarget(dir: string, file: FoundFile, cwd: string): { stem: string; ext: string } {
  const under = (from: string) => { const r = relative(from, file.path); return r && !r.startsWith('..') && !isAbsolute(r) ? r : undefined; };
  // a file outside the current folder keeps its path under the folder it was found in, that folder's name first
  // (店铺A/x.xlsx and 店铺B/x.xlsx of /mnt/共享盘 are two copies, never one over the other)
  const inside = under(cwd) ?? (file.base ? under(dirname(file.base)) : undefined) ?? basename(file.path);
  const ext = extname(inside).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  return { stem: join(dir, dirname(inside), basename(inside, extname(inside))), ext };
}

/**
 * The copies' names: each input keeps its own name when no other input takes it; when two
 * would share one (a.csv and a.xlsx), the later takes the first `name (n)` that no input's own
 * name is (an input really called `a (2).xlsx` keeps that name).
 */
function targetsIn(dir: string, files: readonly FoundFile[], cwd: string): string[] {
  const natural = files.map((f) => naturalTarget(dir, f, cwd));
  const own = new Set(natural.map((n) => `${n.stem}${n.ext}`.toLowerCase()));
  const taken = new Set<string>();
  return natural.map(({ stem, ext }) => {
    let target = `${stem}${ext}`;
    if (taken.has(target.toLowerCase())) {
      for (let i = 2; taken.has(target.toLowerCase()) || own.has(target.toLowerCase()); i++) target = `${stem} (${i})${ext}`;
    }
    taken.add(target.toLowerCase());
    return target;
  });
}

/** Copies confirmed one line each; past them, one line says how many more were written. */
const CONFIRMED_ONE_BY_ONE = 20;

/**
 * The annotated copies a run is asked for, checked before any file is read: one input for
 * `--annotate`; a copy of each in `--annotate-dir` (made if missing; the copies already there
 * are not read as inputs). Each target is checked the way every write is.
 */
export async function prepareAnnotations(io: Io, files: FoundFile[], flags: CheckFlags, setup: CheckSetup): Promise<{ copies: AnnotatedCopies; files: FoundFile[] } | undefined> {
  if (!flags.annotate && !flags.annotateDir) return undefined;
  if (flags.annotate && flags.annotateDir) throw new UsageError('error.annotate-both');
  notStdout(flags.annotate, '--annotate');
  notStdout(flags.annotateDir, '--annotate-dir');
  let inputs = files;
  const jobs: AnnotateJob[] = [];
  if (flags.annotate) {
    if (files.length !== 1) throw new UsageError('error.annotate-one-input', { count: files.length });
    const target = resolve(io.cwd, flags.annotate);
    if (!files[0].problem) jobs.push({ input: files[0].path, display: files[0].display, target, shown: displayPath(target, io.cwd), stamp: await stampOf(files[0].path) });
  } else {
    const dir = resolve(io.cwd, flags.annotateDir!);
    // copies written by an earlier run (found in the folder) are not inputs of this one; a file named on the command line always is.
    // The folder is compared as a folder, not a name: the inputs' folder reached under another name (a
    // link to it, a second mount of it) is the same folder
    const inDir = insideOf(dir);
    inputs = files.filter((f) => f.named || !inDir(dirname(f.path)));
    // the folder holds every input (--annotate-dir .): nothing would be checked, which is never a pass
    if (!inputs.length && files.length) throw new UsageError('error.annotate-dir-inputs', { dir: displayPath(dir, io.cwd) });
    const targets = targetsIn(dir, inputs, io.cwd);
    for (const [i, f] of inputs.entries()) {
      if (f.problem) continue;
      const target = targets[i];
      await makeFolder(dirname(target));
      jobs.push({ input: f.path, display: f.display, target, shown: displayPath(target, io.cwd), stamp: await stampOf(f.path) });
    }
  }
  const all = inputs.map((f) => f.path);
  for (const job of jobs) await checkCopyTarget(job.input, job.target, { force: Boolean(flags.force || flags.refresh), inputs: all, workbook: true });
  const lang = setup.lang;
  // a line a copy for the first ones, then one line for the rest (a folder may hold 10,000 files)
  let written = 0;
  const copies = new AnnotatedCopies(jobs, {
    lang, force: Boolean(flags.force || flags.refresh), singleBackup: flags.refresh, inputs: all, encoding: encodingOf(flags.encoding), limits: setup.config.limits, signal: io.signal,
    onWritten: (job, backup) => {
      written++;
      if (written > CONFIRMED_ONE_BY_ONE) return;
      // a copy whose name took a number (a.csv and a.xlsx both copy to a.xlsx) says which input it is
      const own = basename(job.target, extname(job.target)) === basename(job.input, extname(job.input));
      const path = own ? job.shown : t(lang, 'annotate.copy-of', { path: job.shown, input: job.display });
      sayWritten(io, lang, path, { backup });
    },
    onEnd: () => {
      if (written > CONFIRMED_ONE_BY_ONE) io.stderr(`${inert(t(lang, 'annotate.wrote-more', { count: (written - CONFIRMED_ONE_BY_ONE), dir: displayPath(resolve(io.cwd, flags.annotateDir ?? '.'), io.cwd) }))}\n`);
    },
    onSkipped: (display, reason) => io.stderr(`ecsop: ${inert(t(lang, 'annotate.skipped', { file: display, reason }))}\n`),
  });
  for (const f of inputs) if (f.problem) io.stderr(`ecsop: ${inert(t(lang, 'annotate.skipped', { file: f.display, reason: f.problem.text(lang) }))}\n`);
  return { copies, files: inputs };
}

/** Which folder a path names (device and inode), whatever path reaches it; undefined when it is not there. */
function folderId(path: string): string | undefined {
  const st = statOrNone(path);
  return st?.isDirectory() && st.ino !== 0 ? `${st.dev}:${st.ino}` : undefined;
}

/**
 * Whether a folder is `dir` or inside it, by what the folders are (a link to `dir`, or a second
 * mount of it, is `dir`); by path where the file system gives no inode. Each folder is looked at once.
 */
export function insideOf(dir: string): (folder: string) => boolean {
  const target = folderId(dir);
  const known = new Map<string, boolean>();
  const inside = (folder: string): boolean => {
    let v = known.get(folder);
    if (v === undefined) {
      const r = relative(dir, folder);
      const byPath = !r || !(r.startsWith('..') || isAbsolute(r));
      const parent = dirname(folder);
      v = byPath || (target !== undefined && folderId(folder) === target) || (parent !== folder && inside(parent));
      known.set(folder, v);
    }
    return v;
  };
  return inside;
}
