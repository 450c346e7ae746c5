import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FoundFile } from '../check/files.js';
import type { ResultStore, StoredResult } from '../check/run.js';
import type { Clock } from '../rules/types.js';
import { openSafely } from '../workbook/safe-write.js';
import { hashFile } from './fingerprint.js';

/**
 * The cache of `check --cache` (issue #26): each file's result (its findings, records and
 * summary, as the workers hand them on) under what it depends on — the file's content (sha-256),
 * the run's options (config, rule options, format, language, ecsop's build: `key`) and --now to
 * the grain its rules read it (a deadline's day, "recent"'s month; the instant for "no update in
 * 48 hours"). A file is hashed again only when its size, times or inode changed since (git's
 * index does the same), or when it was saved within two seconds of being checked.
 *
 * One file (see writeCacheFile), its sha-256 at the end — anything else (truncated, corrupt, foreign) is
 * ignored with one line and rebuilt, never trusted. It is written through the safe-write path,
 * under its lock, merged with what another run wrote meanwhile: two runs sharing it never corrupt it.
 */
const MAGIC = Buffer.from('ECSOP-CACHE\n', 'latin1');
const FORMAT = 2;
/** A file with more findings and records than this is not kept (it is checked each time). */
const MAX_EVENTS = 50_000;

/** Results kept in all, most recently checked first: a cache never grows without bound. */
const MAX_BYTES = 512 * 1024 * 1024;
/** Results kept per file (a text run and a JSON run of the same drive both hit). */
const PER_FILE = 4;
/** A file saved this close to its check may have changed within the same timestamp: hashed again. */
const RACY_MS = 2000;

interface Entry {
  path: string;
  display: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  key: string;
  /** ecsop's version and build: results of another build are dropped at the next save */
  build: string;
  clock?: Clock;
  /** --now to the grain of `clock` */
  at?: string;
  checkedAt: number;
  result: Uint8Array;
}

/** Why a cache file could not be used, for the one line that says so. */
export type CacheProblem = 'truncated' | 'foreign' | 'corrupt' | 'unreadable' | 'newer';

export interface CacheOptions {
  /** the run's options, ecsop's build and everything else a result depends on but the file and --now */
  key: string;
  /** ecsop's version and build */
  build: string;
  now: Date;
  /** the cache file could not be used: it is ignored and rebuilt */
  onProblem(problem: CacheProblem, detail?: string): void;
}

/** Whether the file at `path` begins as a cache of ecsop's (damaged or not). */
export function looksLikeCache(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(MAGIC.length);
      const n = readSync(fd, head, 0, MAGIC.length, 0);
      return n === MAGIC.length && head.equals(MAGIC);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** --now to a grain: `2026`, `2026-12`, `2026-12-03`, or the instant. */
export function clockAt(now: Date, clock: Clock): string {
  const iso = now.toISOString();
  return clock === 'year' ? iso.slice(0, 4) : clock === 'month' ? iso.slice(0, 7) : clock === 'day' ? iso.slice(0, 10) : iso;
}

interface Seen { size: number; mtimeMs: number; ctimeMs: number; ino: number; hash?: string }

export class ResultCache implements ResultStore {
  private readonly entries = new Map<string, Entry[]>();
  /** what this run saw of each file before checking it */
  private readonly seen = new Map<string, Seen>();
  private readonly pending: Array<Promise<void>> = [];
  /** paths this run changed the entries of */
  private readonly touched = new Set<string>();
  /** the file at the location is not a cache of ecsop's: kept as a backup when it is replaced */
  private foreign = false;
  hits = 0;
  misses = 0;
  readonly maxEvents = MAX_EVENTS;

  /** the cache file as this run read it: unchanged at the save, it need not be read again to merge */
  private read?: { size: number; mtimeMs: number };

  private constructor(readonly location: string, private readonly opts: CacheOptions) {}

  /** The cache at `location` (a file that does not exist yet is an empty cache). */
  static async open(location: string, opts: CacheOptions): Promise<ResultCache> {
    const cache = new ResultCache(resolve(location), opts);
    const st = statOf(cache.location);
    const read = await readCacheFile(cache.location);
    if (st && !('problem' in read)) cache.read = { size: st.size, mtimeMs: st.mtimeMs };
    if ('problem' in read) { opts.onProblem(read.problem, read.detail); cache.foreign = read.problem === 'foreign' || read.problem === 'newer'; }
    else for (const e of read.entries) cache.add(e);
    return cache;
  }

  private add(e: Entry): void {
    const list = this.entries.get(e.path) ?? [];
    this.entries.set(e.path, list);
    list.push(e);
  }

  async lookup(file: FoundFile): Promise<(() => StoredResult) | undefined> {
    // one stat a file, synchronously: 10,000 of them are 30 ms this way, most of a second through the thread pool
    const st = statOf(file.path);
    if (!st?.isFile()) return undefined;
    const seen: Seen = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    this.seen.set(file.path, seen);
    const { key, now } = this.opts;
    const candidates = (this.entries.get(file.path) ?? []).filter((e) => e.key === key && e.display === file.display && (!e.clock || e.at === clockAt(now, e.clock)));
    if (!candidates.length) { this.misses++; return undefined; }
    const sameStat = (e: Entry) => e.size === seen.size && e.mtimeMs === seen.mtimeMs && e.ctimeMs === seen.ctimeMs && e.ino === seen.ino && e.checkedAt - e.mtimeMs > RACY_MS;
    let entry = candidates.find(sameStat);
    if (!entry && candidates.some((e) => e.size === seen.size)) {
      // touched, copied or moved: the same content is still the same result
      seen.hash = await hashFile(file.path).catch(() => undefined);
      entry = candidates.find((e) => e.hash === seen.hash);
      // the content is known as of now: the next run trusts the new times (unless the file is saved again within RACY_MS)
      if (entry) { Object.assign(entry, { mtimeMs: seen.mtimeMs, ctimeMs: seen.ctimeMs, ino: seen.ino, checkedAt: Date.now() }); this.touched.add(file.path); }
    }
    if (!entry) { this.misses++; return undefined; }
    this.hits++;
    // the whole file's checksum held: the entry reads as it was written
    const bytes = entry.result;
    return () => deserialize(bytes) as StoredResult;
  }

  keep(file: FoundFile, result: StoredResult): void {
    const before = this.seen.get(file.path);
    if (!before) return;
    this.pending.push((async () => {
      const st = statOf(file.path);
      // changed while it was read: its result is of neither version
      if (!st || st.size !== before.size || st.mtimeMs !== before.mtimeMs || st.ctimeMs !== before.ctimeMs) return;
      const hash = before.hash ?? await hashFile(file.path).catch(() => undefined);
      if (!hash) return;
      const { key, now } = this.opts;
      const clock = result.outcome.clock;
      const entry: Entry = {
        path: file.path, display: file.display, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash, key, build: this.opts.build,
        ...(clock ? { clock, at: clockAt(now, clock) } : {}),
        checkedAt: Date.now(), result: serialize(result),
      };
      const others = (this.entries.get(file.path) ?? []).filter((e) => e.key !== key || e.display !== file.display);
      this.entries.set(file.path, [entry, ...others].slice(0, PER_FILE));
      this.touched.add(file.path);
    })());
  }

  /**
   * Writes the cache: what this run changed, over what the file holds now (another run may
   * have written it since this one read it); entries of files that were under `roots` and are
   * gone are dropped. Returns false when there was nothing to write.
   */
  async save(found: ReadonlySet<string>, roots: readonly string[]): Promise<boolean> {
    await Promise.all(this.pending);
    const inRoots = (p: string) => roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
    const gone = [...this.entries.keys()].filter((p) => !found.has(p) && inRoots(p) && !existsSync(p));
    if (!this.touched.size && !gone.length) return false;
    // the name says it is no workbook nor report (kind `data`), so it is no input of the run
    const pending = await openSafely(this.location, { kind: 'data', force: true, backup: this.foreign });
    try {
      // under the write's lock: another run may have written the cache since this one read it
      const st = statOf(this.location);
      const unchanged = st && this.read && st.size === this.read.size && st.mtimeMs === this.read.mtimeMs;
      const now = unchanged ? { entries: [...this.entries.values()].flat() } : await readCacheFile(this.location);
      const merged = new Map<string, Entry[]>();
      if (!('problem' in now)) for (const e of now.entries) if (!this.touched.has(e.path)) merged.set(e.path, [...(merged.get(e.path) ?? []), e]);
      for (const p of this.touched) merged.set(p, this.entries.get(p) ?? []);
      for (const p of gone) merged.delete(p);
      await writeCacheFile(pending.tmp, bounded([...merged.values()].flat().filter((e) => e.build === this.opts.build)));
    } catch (err) {
      await pending.abort();
      throw err;
    }
    await pending.commit();
    return true;
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The most recently checked results, up to MAX_BYTES in all. */
function bounded(entries: Entry[]): Entry[] {
  entries.sort((a, b) => b.checkedAt - a.checkedAt);
  let bytes = 0;
  const out: Entry[] = [];
  for (const e of entries) {
    bytes += e.result.byteLength + 200;
    if (bytes > MAX_BYTES) break;
    out.push(e);
  }
  return out;
}

/**
 * The file: MAGIC, the format (u32), then per entry its fields as JSON and its result's bytes,
 * each after its length (u32), then the number of entries (u32) and the sha-256 of everything
 * before it. Written a piece at a time: no copy of the whole cache is made.
 */
async function writeCacheFile(path: string, entries: Entry[]): Promise<void> {
  const hash = createHash('sha256');
  const fh = await open(path, 'w');
  try {
    let pieces: Uint8Array[] = [];
    let bytes = 0;
    const put = async (b: Uint8Array, last = false) => {
      hash.update(b);
      pieces.push(b);
      bytes += b.byteLength;
      if (bytes >= 1 << 20 || last) { await fh.writev(pieces); pieces = []; bytes = 0; }
    };
    const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
    await put(MAGIC);
    await put(u32(FORMAT));
    for (const e of entries) {
      const { result, ...fields } = e;
      const meta = Buffer.from(JSON.stringify(fields));
      await put(u32(meta.length));
      await put(meta);
      await put(u32(result.byteLength));
      await put(result);
    }
    await put(u32(entries.length), true);
    await fh.write(hash.digest());
  } finally {
    await fh.close();
  }
}

/** The entries of a cache file, or why it cannot be used; a file that does not exist is empty. */
async function readCacheFile(path: string): Promise<{ entries: Entry[] } | { problem: CacheProblem; detail?: string }> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return { problem: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  const head = MAGIC.length + 4;
  if (data.length < head || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    return data.length < MAGIC.length && MAGIC.subarray(0, data.length).equals(data) ? { problem: 'truncated' } : { problem: 'foreign' };
  }
  const format = data.readUInt32BE(MAGIC.length);
  // a format ecsop wrote is a small number; anything else after the magic is damage, not a version
  if (format !== FORMAT) return format < 1000 ? { problem: 'newer', detail: String(format) } : { problem: 'corrupt' };
  if (data.length < head + 36) return { problem: 'truncated' };
  const body = data.length - 32;
  if (!createHash('sha256').update(data.subarray(0, body)).digest().equals(data.subarray(body))) return { problem: 'corrupt' };
  const count = data.readUInt32BE(body - 4);
  const entries: Entry[] = [];
  let at = head;
  try {
    while (at < body - 4) {
      const metaLength = data.readUInt32BE(at);
      const fields = JSON.parse(data.toString('utf8', at + 4, at + 4 + metaLength)) as Omit<Entry, 'result'>;
      at += 4 + metaLength;
      const resultLength = data.readUInt32BE(at);
      const entry = { ...fields, result: data.subarray(at + 4, at + 4 + resultLength) };
      at += 4 + resultLength;
      if (!isEntry(entry) || at > body - 4) return { problem: 'corrupt' };
      entries.push(entry);
    }
  } catch {
    return { problem: 'corrupt' };
  }
  return at === body - 4 && entries.length === count ? { entries } : { problem: 'corrupt' };
}

function isEntry(e: unknown): e is Entry {
  const x = e as Entry;
  return Boolean(x) && typeof x.path === 'string' && typeof x.display === 'string' && typeof x.hash === 'string' && typeof x.key === 'string'
    && typeof x.size === 'number' && typeof x.mtimeMs === 'number' && typeof x.checkedAt === 'number' && x.result instanceof Uint8Array;
}
