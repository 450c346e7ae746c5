import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { fileSystemError, UnreadableFileError } from '../workbook/types.js';
import { statOrNone } from '../workbook/stat-or-none.js';
import { STAT_FIELDS, STAT_FILE, STAT_NONE } from './stat-values.js';

/** Extensions a folder scan picks up; .xls, .xlsb and .ods are picked up to be reported (save as .xlsx), not read. */
const SCANNED = new Set(['.xlsx', '.xlsm', '.csv', '.xls', '.xlsb', '.ods']);

/** A path the user gave that names nothing: said with its catalog key (`error.no-path`, `error.no-match`). */
/**
 * A glob as fast-glob reads it: on Windows the user types `D:\共享盘\**\*.xlsx`, and a backslash
 * is an escape to a glob, so path separators become `/` (a drive letter stays).
 */
export function globPattern(input: string, separator: string = sep): string {
  return separator === '\\' ? input.replace(/\\/g, '/') : input;
}

export class PathError extends Error {
  constructor(readonly key: 'error.no-path' | 'error.no-match' | 'error.no-workbooks', readonly path: string) {
    super(`${key}: ${path}`);
  }
}

/**
 * Excel/WPS (`~$x.xlsx`) and LibreOffice (`.~lock.x.xlsx#`) lock files, hidden files and folders,
 * and the folders a NAS or the system keeps deleted files and snapshots in (SYSTEM_FOLDERS): a
 * workbook deleted from the drive is not checked, counted and drawn in the trend from its recycle
 * bin (outsider helper-115). A path named on the command line is checked wherever it is.
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.') || name.startsWith('.') || SYSTEM_FOLDERS.has(name.toLowerCase()) || SHADOW_COPY.test(name);
}

/**
 * The recycle bins and snapshot folders of shared drives, as their makers' manuals name them
 * (lower case): Synology DSM's `#recycle` in each shared folder, its `#snapshot` (a shared folder's
 * snapshots, browsable over SMB) and `@eaDir` (its indexer's copies); QNAP QTS's `@Recycle` and
 * `@Recently-Snapshot`; Windows' `$RECYCLE.BIN`, `RECYCLER` (before Vista) and `System Volume
 * Information`; a Linux disk's `lost+found`. Samba's `vfs_recycle` (`.recycle`), macOS's
 * `.Trashes` and a Linux desktop's `.Trash-1000` are hidden already. NetApp's `~snapshot` (its snapshots as
 * SMB shows them), the `Network Trash Folder` and `Temporary Items` of a drive shared over AFP (Netatalk, a
 * Mac server), Windows 95/98's `RECYCLED`, and the `@GMT-2024.06.01-10.00.00` folders of Windows' previous
 * versions as Samba's `shadow_copy2` shows them (outsider helper-117 named these).
 */
const SYSTEM_FOLDERS = new Set(['#recycle', '#snapshot', '@eadir', '@recycle', '@recently-snapshot', '$recycle.bin', 'recycler', 'recycled', 'system volume information', 'lost+found', '~snapshot', 'network trash folder', 'temporary items']);

/** A previous version's folder as Samba's shadow_copy2 names it (`@GMT-YYYY.MM.DD-HH.MM.SS`). */
const SHADOW_COPY = /^@gmt-\d{4}\.\d{2}\.\d{2}-\d{2}\.\d{2}\.\d{2}$/i;

const GLOB_CHARS = /[*?[\]{}]/;

export interface FoundFile {
  path: string;
  display: string;
  /** a folder or file that could not even be listed or looked at (no permission): reported, not read */
  problem?: UnreadableFileError;
  /** named on the command line itself (not found in a folder or by a pattern) */
  named?: boolean;
  /** the folder it was found in, as given (copies keep the path under it when it is outside the current folder) */
  base?: string;
}

/**
 * Files' `stat`s as one run takes them, each once: the output's check (is a target one of the
 * inputs?) and the cache's lookups (did the file change?) both ask, before the files are read.
 * Made for each run: a later run looks again.
 */
export function statsOnce(): StatsOnce {
  const taken = new Map<string, FileStat | null>();
  const statOf = (path: string) => {
    let st = taken.get(path);
    if (st === undefined) {
      const full = statOrNone(path);
      taken.set(path, (st = full ? new KeptStat(full.dev, full.ino, full.size, full.mtimeMs, full.ctimeMs, full.isFile()) : null));
    }
    return st ?? undefined;
  };
  statOf.fill = (paths: readonly string[], values: Float64Array) => {
    for (let i = 0, at = 0; i < paths.length; i++, at += STAT_FIELDS) {
      if (taken.has(paths[i])) continue;
      const kind = values[at + 5];
      taken.set(paths[i], kind === STAT_NONE ? null : new KeptStat(values[at], values[at + 1], values[at + 2], values[at + 3], values[at + 4], kind === STAT_FILE));
    }
  };
  return statOf;
}

/** A run's one `stat` per path; `fill` gives it the `stat`s of many paths taken elsewhere (statValues, in a worker). */
export interface StatsOnce {
  (path: string): FileStat | undefined;
  fill(paths: readonly string[], values: Float64Array): void;
}

/** What a run compares of a file's `stat` (a Stats is one). */
export interface FileStat {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  isFile(): boolean;
}

/**
 * The part of a Stats a run keeps to its end: a Stats with its four Dates weighs ~0.5 KB, and a
 * drive's 10,000 of them were copied by every young-generation collection of a re-check.
 */
class KeptStat implements FileStat {
  constructor(readonly dev: number, readonly ino: number, readonly size: number, readonly mtimeMs: number, readonly ctimeMs: number, private readonly file: boolean) {}
  isFile(): boolean { return this.file; }
}

/**
 * Expands files, folders (recursively) and globs into a list of files, in the order given,
 * each once (by real path). Directory symlinks are not followed; a path that does not exist and
 * a glob that matches nothing are errors.
 */
export async function findFiles(inputs: string[], cwd: string): Promise<FoundFile[]> {
  const seen = new Set<string>();
  const out: FoundFile[] = [];
  // a file whose real path is known is added at once (a folder's 10,000 files are no 10,000 awaits)
  const addReal = (abs: string, real: string, problem?: UnreadableFileError, base?: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    const f: FoundFile = { path: abs, display: displayPath(abs, cwd) };
    if (problem) f.problem = problem;
    if (base) f.base = base;
    out.push(f);
  };
  const add = async (abs: string, problem?: UnreadableFileError, base?: string) => addReal(abs, await realpath(abs).catch(() => abs), problem, base);
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let denied: UnreadableFileError | undefined;
    const st = await stat(abs).catch((err) => { denied = (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : fileSystemError(err); return undefined; });
    if (denied) { await add(abs, denied); continue; }
    if (!st) {
      if (!GLOB_CHARS.test(input)) throw new PathError('error.no-path', input);
      const matches = (await glob(globPattern(input), { cwd, absolute: true, dot: false, followSymbolicLinks: false, onlyFiles: true })).map((m) => normalize(m)).sort(naturalOrder);
      // the folder the pattern starts from (its parts before the first wildcard): copies keep the path under it
      const parts = globPattern(input).split('/');
      const fixed = parts.slice(0, Math.max(0, parts.findIndex((part) => GLOB_CHARS.test(part))));
      const base = resolve(cwd, fixed.join('/') || '.');
      // lock files, hidden files and recycle bins the pattern's wildcards reach; a folder it names is read (`#recycle/*.xlsx`, outsider helper-117)
      const files = matches.filter((m) => !relative(base, m).split(/[\\/]/).some((part) => isSkippedName(part)));
      if (!files.length) throw new PathError('error.no-match', input);
      for (const f of files) await add(f, undefined, base);
      continue;
    }
    if (st.isDirectory()) {
      const found = await walk(abs);
      // a folder with no workbook in it is a wrong path (an unmounted drive, a typo), never a clean pass
      if (!found.length) throw new PathError('error.no-workbooks', input);
      // the walk follows no folder link: a file under the folder that is no link itself is where the folder really is
      const realRoot = await realpath(abs).catch(() => abs);
      for (const f of found) {
        if (f.link || f.problem) await add(f.path, f.problem, abs);
        else addReal(f.path, realRoot + f.path.slice(abs.length), undefined, abs);
      }
    } else if (!st.isFile()) {
      // a pipe, a socket or a device would block the run or never end: refused, never opened
      await add(abs, new UnreadableFileError('not-a-file'));
    } else {
      await add(abs);
      const last = out[out.length - 1];
      if (last?.path === abs) last.named = true;
    }
  }
  return out;
}

const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/**
 * Names in the order a person numbers them: 2 before 10 (01, 02 … 10, 11), whatever the machine's
 * locale; names the collator holds equal (01 and 1) by their code units, so the order is total.
 */
export function naturalOrder(a: string, b: string): number {
  return NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** When the walk last let the event loop in (see listFolder). */
let yielded = 0;

/**
 * A folder's entries, listed on this thread: through the thread pool, a drive's folder of 10,000
 * files waited 40–70 ms for a turn on a machine busy starting a worker and reading the cache. The
 * event loop is let in between folders every 50 ms, so that Ctrl-C and the progress line are heard
 * while a large tree of a network drive is walked.
 */
async function listFolder(dir: string): Promise<Array<Dirent | Misnamed>> {
  if (Date.now() - yielded > 50) { await new Promise(setImmediate); yielded = Date.now(); }
  const list = readdirSync(dir, { withFileTypes: true });
  // a name that is not UTF-8 reads with U+FFFD in it, and is no path of the file (nor two such names each
  // another's): those names are read again as bytes, to be said for what they are
  return list.some((e) => e.name.includes('\uFFFD')) ? misnamedIn(dir, list) : list;
}

/** A name in a folder that is not UTF-8 (a GBK name from a zip unpacked on Linux): never opened, said as what it is. */
interface Misnamed { name: string; misnamed: { gbk: string; folder: boolean } }

/** The folder's entries with each name that is not UTF-8 as a Misnamed (the others as they were listed). */
function misnamedIn(dir: string, list: Dirent[]): Array<Dirent | Misnamed> {
  const raws = readdirSync(dir, { encoding: 'buffer' });
  const bad = raws.filter((raw) => !isUtf8(raw));
  // a name with U+FFFD in it that is valid UTF-8 (U+FFFD itself) is an ordinary name
  const ordinary = new Set(raws.filter((raw) => isUtf8(raw)).map((raw) => raw.toString('utf8')));
  const out: Array<Dirent | Misnamed> = list.filter((e) => !e.name.includes('\uFFFD') || ordinary.has(e.name));
  for (const raw of bad) {
    // the bytes that are not UTF-8 as \xHH (each such name its own path: two are never one file)
    const shown = escapeBytes(raw);
    let gbk = shown;
    try { gbk = new TextDecoder('gb18030', { fatal: true }).decode(raw); } catch { /* not GBK either */ }
    // a folder's name too (what is in it cannot be named either); looked at by its bytes, the one name it has
    const folder = lstatSync(Buffer.concat([Buffer.from(dir.endsWith(sep) ? dir : dir + sep), raw]), { throwIfNoEntry: false })?.isDirectory() ?? false;
    out.push({ name: shown, misnamed: { gbk, folder } });
  }
  return out;
}

/** A file name's bytes with those that are not UTF-8 as \xHH (the rest as they read). */
function escapeBytes(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    let n = raw[i] < 0x80 ? 1 : raw[i] >= 0xf0 ? 4 : raw[i] >= 0xe0 ? 3 : raw[i] >= 0xc2 ? 2 : 0;
    if (n > 1 && !isUtf8(raw.subarray(i, i + n))) n = 0;
    if (n === 0) { out += `\\x${raw[i].toString(16).toUpperCase().padStart(2, '0')}`; i += 1; continue; }
    out += raw.toString('utf8', i, i + n);
    i += n;
  }
  return out;
}

async function walk(dir: string): Promise<Array<{ path: string; problem?: UnreadableFileError; link?: boolean }>> {
  let list;
  try {
    list = await listFolder(dir);
  } catch (err) {
    // a folder that cannot be listed is one finding; its neighbours are still checked
    return [{ path: dir, problem: fileSystemError(err) ?? new UnreadableFileError('gone', { detail: (err as Error).message }) }];
  }
  const entries = list.sort((a, b) => naturalOrder(a.name, b.name));
  const out: Array<{ path: string; problem?: UnreadableFileError; link?: boolean }> = [];
  for (const e of entries) {
    if (isSkippedName(e.name)) continue;
    // `dir` is normalised and a name has no separator: joined without `join`'s normalising (10,000 names of a drive)
    const full = dir.endsWith(sep) ? dir + e.name : dir + sep + e.name;
    if ('misnamed' in e) {
      // a workbook's name, or a folder's
      if (e.misnamed.folder || SCANNED.has(extname(e.name).toLowerCase())) out.push({ path: full, problem: new UnreadableFileError('name-encoding', { gbk: e.misnamed.gbk }) });
      continue;
    }
    if (e.isDirectory()) for (const f of await walk(full)) out.push(f);
    else if (e.isSymbolicLink()) {
      if (!SCANNED.has(extname(e.name).toLowerCase())) continue;
      let failed: unknown;
      const target = await stat(full).catch((err: unknown) => { failed = err; return undefined; });
      if (target?.isFile()) out.push({ path: full, link: true }); // file links yes, folder links no
      // a workbook's link whose file is gone (or a loop of links): one finding naming it, not passed over in silence (outsider helper-73)
      else if (failed) out.push({ path: full, problem: fileSystemError(failed) ?? new UnreadableFileError('gone', { detail: (failed as Error).message }) });
    } else if (e.isFile() && SCANNED.has(extname(e.name).toLowerCase())) out.push({ path: full });
  }
  return out;
}
/** The folders among the paths a run was given (absolute): what a cache or a suppressions file may find gone under. */
export function foldersIn(paths: readonly string[], cwd: string): string[] {
  return paths.map((p) => resolve(cwd, p)).filter((p) => statOrNone(p)?.isDirectory());
}

let plainCwd: string | undefined;
/** A folder named as `relative` would name it: absolute, normalised, no separator at its end (the last one asked is remembered). */
function isPlain(cwd: string): boolean {
  if (cwd === plainCwd) return true;
  const plain = isAbsolute(cwd) && normalize(cwd) === cwd && !cwd.endsWith(sep);
  if (plain) plainCwd = cwd;
  return plain;
}

/** An absolute path `normalize` leaves as it is: on POSIX, one with no `//`, `/./` or `/../` (a test, not a copy of it: 10,000 files a drive). */
const isNormal = (abs: string) => (sep === '/' ? !/\/\/|\/\.\.?(?:\/|$)/.test(abs) : normalize(abs) === abs);

export function displayPath(abs: string, cwd: string): string {
  // under the current folder (a drive's 10,000 files): the rest of the path, as `relative` gives it, without its work
  if (abs.length > cwd.length + 1 && abs[cwd.length] === sep && abs.startsWith(cwd) && !abs.endsWith(sep) && isPlain(cwd) && isNormal(abs)) {
    const rel = abs.slice(cwd.length + 1);
    if (!rel.startsWith('..')) return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
}

