import { msg } from '../i18n/catalog.js';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, statSync, realpathSync, rmSync, writeSync, type Stats } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { rememberWritten, writtenByEcsop } from './written-log.js';
import { sameSave, savedOf, statOrNone, type Saved } from './stat-or-none.js';
import { format, type Localized, type Lang } from '../i18n/format.js';
import path, { basename, dirname, extname, join, resolve } from 'node:path';

export type { ContentKind } from '../encode/content-kind.js';
import { extensionFits, extensionOfKind, type ContentKind } from '../encode/content-kind.js';

/**
 * The one way ecsop writes a file — a template, a copy, a queue, a report: into a temporary file
 * beside the target, flushed to the disk, then renamed over it, so the target is always either
 * the old file or the whole new one. Never onto a file the run reads (by real path, through
 * links); never content of another kind than the name says; not while Excel, WPS or LibreOffice
 * has the target open (unless --force); not after an input changed under the run. An existing
 * target is kept as a numbered backup that never replaces an older one; a lock keeps two runs
 * from losing each other's backup. Temporary files go on every failure, on Ctrl-C and at exit.
 */
export type WriteProblem = keyof typeof WRITE_PROBLEMS;

/** Why a file was not written, and what to do: one line for the user, exit 2. */
export const WRITE_PROBLEMS = {
  'is-input': msg('write.is-input'),
  'not-regular': msg('write.not-regular'),
  exists: msg('write.exists'),
  'not-a-report': msg('write.not-a-report'),
  'is-folder': msg('write.is-folder'),
  'open-elsewhere': msg('write.open-elsewhere'),
  'wrong-kind': msg('write.wrong-kind'),
  'csv-one-sheet': msg('write.csv-one-sheet'),
  'input-changed': msg('write.input-changed'),
  'input-unsafe': msg('write.input-unsafe'),
  'input-unreadable': msg('write.input-unreadable'),
  'not-folder': msg('write.not-folder'),
  'no-folder': msg('write.no-folder'),
  'no-space': msg('write.no-space'),
  permission: msg('write.permission'),
  locked: msg('write.locked'),
  'copy-unreadable': msg('write.copy-unreadable'),
  'copy-differs': msg('write.copy-differs'),
  failed: msg('write.failed'),
} satisfies Record<string, Localized>;

export class WriteError extends Error {
  constructor(readonly problem: WriteProblem, readonly target: string, readonly data: Record<string, unknown> = {}) {
    super(`${problem}: ${target}`);
  }

  /** The message for the user, in `lang`; `shown` names the target the way the user gave it. */
  text(lang: Lang, shown = this.target): string {
    return format(WRITE_PROBLEMS[this.problem][lang], { detail: '', ...this.data, target: shown }, lang);
  }
}

/** The real path of a file, or of where it would be (a file not written yet: its folder's real path). */
async function realOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * A run's inputs by file identity (device and inode), worked out once per list (a folder of
 * 10,000 files has 10,000 targets), and by real path where a file system gives no inode (0): a
 * target that exists is an input when it is the same file under either. The real paths of the
 * rest are worked out only for a target without an inode of its own.
 */
interface KnownInputs { byInode: Map<string, string>; byPath: Map<string, string>; allByPath(): Promise<Map<string, string>> }

const inputLists = new WeakMap<readonly string[], Promise<KnownInputs>>();

function inputsOf(inputs: readonly string[], statInput: (path: string) => Pick<Stats, 'dev' | 'ino'> | undefined = statOrNone): Promise<KnownInputs> {
  let known = inputLists.get(inputs);
  if (!known) {
    known = (async () => {
      const byInode = new Map<string, string>();
      const byPath = new Map<string, string>();
      // synchronous: ten thousand inputs of a drive take 40 ms this way, a second through the thread pool
      for (const input of inputs) {
        const s = statInput(input);
        if (s && s.ino !== 0) byInode.set(`${s.dev}:${s.ino}`, input);
        else if (s) byPath.set(await realPathOf(input), input);
      }
      let all: Promise<Map<string, string>> | undefined;
      const allByPath = () => (all ??= (async () => {
        const m = new Map<string, string>();
        for (const input of inputs) m.set(await realPathOf(input), input);
        return m;
      })());
      return { byInode, byPath, allByPath };
    })();
    inputLists.set(inputs, known);
  }
  return known;
}

async function realPathOf(input: string): Promise<string> {
  try { return realpathSync.native(input); } catch { return realOf(input); }
}

/** Excel and WPS (`~$name`) and LibreOffice (`.~lock.name#`) leave these beside a workbook they have open. */
export function ownerFiles(target: string, p: Pick<typeof path, 'dirname' | 'basename' | 'join'> = path): string[] {
  const dir = p.dirname(target);
  const name = p.basename(target);
  return [p.join(dir, `~$${name}`), p.join(dir, `~$${name.slice(2)}`), p.join(dir, `.~lock.${name}#`)];
}

/**
 * When a file was seen (its save: stat-or-none.ts), to tell whether it changed before a copy of it
 * is written (outsider helper-69: a copy of the version before a same-size, time-restored save was
 * said written).
 */
export interface Stamp extends Saved { path: string }

export async function stampOf(path: string): Promise<Stamp> {
  return { path, ...savedOf(await stat(path)) };
}

export interface WriteOptions {
  kind: ContentKind;
  /** the files the run reads: never written over */
  inputs?: readonly string[];
  /** an input's `stat` as the run takes it (once a run for each: the cache's lookup asks too); looked at now when not given */
  statInput?: (path: string) => Pick<Stats, 'dev' | 'ino'> | undefined;
  /** replace an existing target (kept as a numbered backup), and write even when it is open elsewhere */
  force?: boolean;
  /** false: a replaced target is not kept (a report written over the last one) */
  backup?: boolean;
  /** a report: it may replace an earlier report without --force, never a workbook */
  report?: boolean;
  /** the review queue: it may replace an earlier queue of ecsop's without --force (kept as a numbered .bak), never another file */
  queue?: boolean;
  /** the replaced target is kept as `name.bak`, yesterday's backup replaced (a file ecsop keeps itself: suppressions) */
  singleBackup?: boolean;
  /** inputs the content was made from, as they were read: refused if one changed since */
  stamps?: readonly Stamp[];
}

/** Checks a target before any work is done for it; throws WriteError with what is wrong. */
export async function checkTarget(target: string, opts: WriteOptions): Promise<void> {
  const real = await realOf(target);
  const here = await stat(target).catch(() => undefined);
  // a target that is not there is no input (an input deleted since is not written over either)
  if (opts.inputs?.length && here) {
    const known = await inputsOf(opts.inputs, opts.statInput);
    // the same file (by its real path, or under another name: a hard link) is the same device and inode
    const input = here.ino !== 0 ? known.byInode.get(`${here.dev}:${here.ino}`) ?? known.byPath.get(real) : (await known.allByPath()).get(real);
    if (input !== undefined) throw new WriteError('is-input', target, { input });
  }
  if (here?.isDirectory()) throw new WriteError('is-folder', target);
  // a device (/dev/full), a pipe, a socket or a link is never replaced by a regular file
  const link = await lstat(target).catch(() => undefined);
  if (link && !link.isFile() && !link.isDirectory()) throw new WriteError('not-regular', target);
  if (!extensionFits(target, opts.kind)) throw new WriteError('wrong-kind', target, { kind: extensionOfKind(opts.kind), ext: extname(target) || '(none)' });
  if (!existsSync(dirname(resolve(target)))) throw new WriteError('no-folder', target, { folder: dirname(target) });
  if (existsSync(target)) {
    if (opts.report && !opts.force && isWorkbook(target)) throw new WriteError('not-a-report', target);
    // a report replaces an earlier report of ecsop's; any other file only with --force (kept as a backup)
    if (!opts.force && (!(opts.report || opts.queue) || !writtenByEcsop(target))) throw new WriteError('exists', target);
  }
  if (!opts.force) {
    const owner = ownerFiles(target).find((f) => existsSync(f));
    if (owner) throw new WriteError('open-elsewhere', target, { owner: basename(owner) });
  }
}

/** Whether a file's first bytes are a workbook's (zip or OLE): a report never replaces one. */
function isWorkbook(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(4);
      readSync(fd, b, 0, 4, 0);
      return b.readUInt32LE(0) === 0x04034b50 || b.readUInt32LE(0) === 0xe011cfd0;
    } finally { closeSync(fd); }
  } catch {
    return false;
  }
}

/** Temporary files and locks of this process, removed however it ends. */
const live = new Set<string>();
process.once('exit', () => { for (const p of live) { try { rmSync(p, { force: true }); } catch { /* gone */ } } });

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** Temporary files that a process killed outright (SIGKILL) left beside the target: removed. */
function sweep(dir: string, name: string): void {
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return; }
  const prefix = `.${name}.`;
  for (const e of entries) {
    if (!e.startsWith(prefix) || !e.endsWith('.tmp')) continue;
    const pid = Number(e.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(dir, e), { force: true });
  }
}

/** A file's identity: its inode and when it was made (an inode freed a moment ago may be the next file's). */
const idOf = (st: { ino: bigint; ctimeNs: bigint }) => `${st.ino}:${st.ctimeNs}`;

/** Whether `path` is still the file of that identity. */
function sameFile(path: string, id: string): boolean {
  try { return idOf(statSync(path, { bigint: true })) === id; } catch { return false; }
}

/** Who holds a lock, read from the lock file itself (the pid in it, and the file's identity); 'gone' when it was let go, undefined while it is being written. */
function heldBy(path: string): { pid: number; id: string } | 'gone' | undefined {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'; throw e; }
  try {
    const buf = Buffer.alloc(32);
    const pid = Number(buf.toString('utf8', 0, readSync(fd, buf, 0, 32, 0)).trim() || NaN);
    return Number.isInteger(pid) ? { pid, id: idOf(fstatSync(fd, { bigint: true })) } : undefined;
  } finally {
    closeSync(fd);
  }
}

/** A lock beside the target so that two runs writing it take turns; a lock of a dead process is taken over. */
async function lock(target: string): Promise<string> {
  const path = join(dirname(target), `.${basename(target)}.ecsop-lock`);
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      live.add(path);
      try { writeSync(fd, String(process.pid)); } finally { closeSync(fd); }
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // the holder may let go between our attempt and this read: then the lock is free, try again at once
      const held = heldBy(path);
      if (held === 'gone') continue;
      // a dead holder's lock is removed — that very file: a holder that let go and ended a moment ago
      // leaves its name to the next run's lock, which is never taken from it (two runs writing at once)
      if (held && !alive(held.pid)) { if (sameFile(path, held.id)) rmSync(path, { force: true }); continue; }
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 25));
    }
  }
  throw new WriteError('locked', target);
}

/** The first free backup name: `name.bak`, then `name.1.bak`, `name.2.bak` …; an older backup is never replaced. */
export function backupName(target: string): string {
  if (!existsSync(`${target}.bak`)) return `${target}.bak`;
  for (let n = 1; ; n++) if (!existsSync(`${target}.${n}.bak`)) return `${target}.${n}.bak`;
}

/** Any failure of writing `target`, as a WriteError. */
export function asWriteError(err: unknown, target: string): WriteError {
  return err instanceof WriteError ? err : new WriteError(problemOf(err), target, { detail: systemDetail(err) });
}

/** What the file system said, as a problem a person can act on. */
/** What the system said of a failed write, as its code (EIO, EBUSY): its words are English, the message around it is in the run's language. */
function systemDetail(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

function problemOf(err: unknown): WriteProblem {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no-space';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no-folder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission';
  return 'failed';
}

/**
 * Makes a folder and the missing ones above it, each with its own mkdir (node's recursive mkdir
 * never returns for a path under /proc), failing as a WriteError a person can act on.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    const found = await stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw new WriteError(err.code === 'ENOTDIR' ? 'not-folder' : problemOf(err), dir, { detail: systemDetail(err) });
    });
    if (found) {
      if (!found.isDirectory()) throw new WriteError('not-folder', dir);
      break;
    }
    const up = dirname(at);
    if (up === at) throw new WriteError('no-folder', dir);
    missing.push(at);
    at = up;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST' && (await stat(d).catch(() => undefined))?.isDirectory()) return; // made meanwhile
      throw new WriteError(err.code === 'EEXIST' || err.code === 'ENOTDIR' ? 'not-folder' : problemOf(err), dir, { detail: systemDetail(err) });
    });
  }
}

let serial = 0;

/** A write in progress: content goes to `tmp`; `commit` moves it into place, `abort` removes it. */
/** What a write left besides its file. */
export interface Written {
  /** the old target, kept under this name */
  backup?: string;
  /** a report that could not be noted as ecsop's (the system's reason): replacing it later needs --force */
  unremembered?: string;
}

export interface PendingWrite {
  readonly tmp: string;
  commit(): Promise<Written>;
  abort(): Promise<void>;
}

/**
 * Starts a write of `target`: checks it, takes its lock, and names the temporary file beside it
 * (stray ones of killed runs are removed first). Nothing is written to the target until commit.
 */
export async function openSafely(target: string, opts: WriteOptions): Promise<PendingWrite> {
  const abs = resolve(target);
  const wrap = (err: unknown) => (err instanceof WriteError ? err : new WriteError(problemOf(err), target, { detail: systemDetail(err) }));
  await checkTarget(abs, opts);
  const dir = dirname(abs);
  const name = basename(abs);
  sweep(dir, name);
  const held = await lock(abs).catch((err) => { throw wrap(err); });
  const tmp = join(dir, `.${name}.${process.pid}.${++serial}.tmp`);
  live.add(tmp);
  let done = false;
  const release = async () => {
    done = true;
    await rm(tmp, { force: true });
    live.delete(tmp);
    await rm(held, { force: true });
    live.delete(held);
  };
  try {
    // checked again under the lock: another run may have written it meanwhile
    await checkTarget(abs, opts);
  } catch (err) {
    await release();
    throw wrap(err);
  }
  return {
    tmp,
    async commit() {
      if (done) throw new WriteError('failed', target, { detail: 'written twice' });
      try {
        const fd = openSync(tmp, 'r+');
        try { fsyncSync(fd); } finally { closeSync(fd); }
        for (const s of opts.stamps ?? []) {
          const now = await stat(s.path).catch(() => undefined);
          if (!now || !sameSave(s, now)) throw new WriteError('input-changed', target, { input: s.path });
        }
        let backup: string | undefined;
        if (existsSync(abs) && (opts.force || opts.queue) && opts.backup !== false) {
          // yesterday's queue, replaced by today's, is kept once (name.bak), not one more file a day
          backup = (opts.queue && !opts.force) || opts.singleBackup ? `${abs}.bak` : backupName(abs);
          if (backup === `${abs}.bak`) await rm(backup, { force: true });
          await rename(abs, backup);
        }
        await rename(tmp, abs);
        live.delete(tmp);
        const unremembered = opts.report || opts.queue ? rememberWritten(abs) : undefined;
        try { const d = openSync(dir, 'r'); try { fsyncSync(d); } finally { closeSync(d); } } catch { /* not every system syncs folders */ }
        return { backup, unremembered };
      } catch (err) {
        throw wrap(err);
      } finally {
        await release();
      }
    },
    abort: async () => { if (!done) await release(); },
  };
}

/**
 * Ends a stream writing a temporary file and waits until its file is closed: a stream destroyed
 * while it still opens its file creates the file after that, and a temporary file removed before
 * then was left behind (a run stopped by Ctrl-C as it began: `.q.csv.…tmp` beside the queue). Every
 * abort of a write destroys its stream through here before the temporary file is removed.
 */
export function destroyed(stream: { destroy(): void; once(event: 'close', listener: () => void): unknown; closed?: boolean }): Promise<void> {
  if (stream.closed) return Promise.resolve();
  const closed = new Promise<void>((resolve) => stream.once('close', resolve));
  stream.destroy();
  return closed;
}

/**
 * Writes `target` through a temporary file: `produce` writes the content to the path it is given.
 * Returns the backup made of the old target, if any.
 */
export async function writeSafely(target: string, opts: WriteOptions, produce: (tmp: string) => Promise<void>): Promise<Written> {
  const pending = await openSafely(target, opts);
  try {
    await produce(pending.tmp);
  } catch (err) {
    await pending.abort();
    throw err instanceof WriteError || isReadError(err) ? err : new WriteError(problemOf(err), target, { detail: systemDetail(err) });
  }
  return pending.commit();
}

/** An error of reading the input (it is said as such, not as a failed write). */
function isReadError(err: unknown): boolean {
  return err instanceof Error && err.name === 'UnreadableFileError';
}
