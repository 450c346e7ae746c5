import { crc32 } from 'node:zlib';
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { CLOCKS, type Clock } from '../rules/types.js';
import { RowReader, RowWriter } from './index-rows.js';
import { CodecTable } from '../check/value-codec.js';
import type { BuildFiles } from '../check/build-stamp.js';

/**
 * The files of `check --cache` (issue #26) on disk: the cache, and the journal beside it.
 *
 * The cache: MAGIC, the format (u32), its index — the length (u32) and JSON of its lists (the
 * table of strings and keys results name, the run keys and builds entries name), then the length
 * (u32) of its rows and the rows (each entry's fields, in binary: index-rows.ts) — zeros to a
 * multiple of 8 bytes, the results one after another (each starting at a multiple of 8), and the
 * checksum of everything before it (TRAILER).
 *
 * The journal (`<cache>.journal`): what changed since the cache was last written whole, when that
 * is small — the base (most of the cache) is then not written again. JOURNAL_MAGIC, the format,
 * the checksum of the cache it continues (TRAILER), then an index, results and a checksum as the
 * cache's; its table continues the cache's, and a file it names has exactly its entries (none: the
 * file is gone). A journal of another cache (one written whole since) is no part of this one.
 */
const MAGIC = Buffer.from('ECSOP-CACHE\n', 'latin1');
const JOURNAL_MAGIC = Buffer.from('ECSOP-CACHE-JOURNAL\n', 'latin1');
const FORMAT = 6;
/**
 * The checksum every file ends with: the CRC-32 of everything before it and that length (mod
 * 2^32), 8 bytes. It tells a damaged, cut or changed file, and names the base a journal continues;
 * the sha-256 it replaced took 60–70 ms of every re-check of a 24 MB cache, CRC-32 5–10.
 */
const TRAILER = 8;

/** The checksum of `crc` so far over `length` bytes. */
function trailer(crc: number, length: number): Buffer {
  const b = Buffer.alloc(TRAILER);
  b.writeUInt32BE(crc >>> 0, 0);
  b.writeUInt32BE(length % 2 ** 32, 4);
  return b;
}

export interface Entry {
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
  /** the result: encoded against `table` (value-codec.ts), or in v8's form when `v8` says so */
  result: Uint8Array;
  v8?: boolean;
  /** where in `result` the file's findings and records begin (its outcome comes first: a printed result is handed on without them) */
  eventsAt: number;
  /** where in `result` the data rules join files with begins */
  split: number;
  /** the file's section of the text report as a run printed it, the last part of `result` (`--cache` on a plain text report) */
  print?: PrintedPart;
  /** the strings and keys `result` names (not written: the file's one table) */
  table?: CodecTable;
}

/**
 * A file's section of the text report, kept with its result: a later run of the same options
 * writes these bytes instead of reading its findings back and printing them again.
 */
export interface PrintedPart {
  /** what the bytes depend on besides the result (the report's language and limits: TextWriter's printKey) */
  key: string;
  /** where in `result` the bytes begin (they run to its end) */
  at: number;
  /** the file's findings per rule and severity, flat: `[rule, errors, warnings, infos, …]` (the run's totals) */
  tally: Array<string | number>;
}

/** Why a cache file could not be used, for the one line that says so. */
export type CacheProblem = 'truncated' | 'foreign' | 'corrupt' | 'unreadable' | 'newer' | 'older' | 'not-regular' | 'in-the-way';
type Problem = { problem: CacheProblem; detail?: string };

/** The base file as read: the journal beside it names it by its checksum and continues its table. */
export interface BaseInfo { digest: Buffer; strings: number; shapes: number; bytes: number }

/** A cache as read: its results (the base's, with the journal's over them), their table, and what a save needs to know. */
export interface CacheState {
  entries: Entry[];
  table: CodecTable;
  /** the table's size when it was last made afresh: it is rebuilt when it grows far past that */
  madeAt: number;
  base?: BaseInfo;
  /** the files the journal states the results of */
  journal: Set<string>;
  /** the journal could not be used (said once; the next save writes the cache whole) */
  journalProblem?: CacheProblem;
  journalDetail?: string;
  /** a file at the journal's name that is no journal of ecsop's: never written over nor removed */
  journalForeign?: boolean;
  /** ecsop's build as the run that wrote the cache (or its journal, the later) worked it out (check/build-stamp.ts) */
  buildFiles?: BuildFiles;
}

export const emptyState = (): CacheState => ({ entries: [], table: new CodecTable(), madeAt: 0, journal: new Set() });

/** The journal beside a cache. */
export const journalOf = (cache: string): string => `${cache}.journal`;

/** Whether the file at `path` begins as a cache of ecsop's (damaged or not). */
export function looksLikeCache(path: string): boolean {
  return headOf(path, MAGIC.length)?.equals(MAGIC) ?? false;
}

/** A file's first `n` bytes (fewer when it is shorter); undefined when it cannot be read. */
function headOf(path: string, n: number): Buffer | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(n);
      return head.subarray(0, readSync(fd, head, 0, n, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** The cache at `location`: its base file, and the journal beside it when it continues that base. */
export async function readCache(location: string): Promise<CacheState | Problem> {
  const base = await readBase(location);
  if ('problem' in base) return base;
  // no cache yet: a journal left alone is stale (removed at the save); anything else there is the user's, in the way
  if (!base.base) return journalInTheWay(journalOf(location)) ? { ...base, journalForeign: true } : base;
  const journal = await readJournal(journalOf(location), base.base, base.table);
  if (journal === 'none') return base;
  if (journal === 'foreign') return { ...base, journalForeign: true };
  if ('problem' in journal) return { ...base, journalProblem: journal.problem, journalDetail: journal.detail };
  const stated = new Set(journal.paths);
  return { ...base, entries: [...base.entries.filter((e) => !stated.has(e.path)), ...journal.entries], journal: stated, buildFiles: journal.buildFiles ?? base.buildFiles };
}

/** Whether what is at a journal's name is not a journal of ecsop's (a folder, a device, a pipe, a file of the user's). */
export function journalInTheWay(path: string): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return false;
  // a pipe is never opened; a file of ecsop's, whole or cut short, is no one else's (a damaged journal is removed at the save)
  const head = st.isFile() ? headOf(path, JOURNAL_MAGIC.length) : undefined;
  return !head?.equals(JOURNAL_MAGIC.subarray(0, head.length));
}

/** Writes a cache whole (with the build that wrote it, when known). */
export async function writeCache(path: string, entries: Entry[], table: CodecTable, madeAt: number, buildFiles?: BuildFiles): Promise<void> {
  await writeFile(path, [MAGIC, u32(FORMAT)], { strings: table.strings, shapes: table.shapes, madeAt, buildFiles }, entries);
}

/** Writes the journal of `base`: the entries of the files it names (`paths`), against the base's table and what it adds. */
export async function writeJournal(path: string, base: BaseInfo, table: CodecTable, paths: string[], entries: Entry[], buildFiles?: BuildFiles): Promise<void> {
  await writeFile(path, [JOURNAL_MAGIC, u32(FORMAT), base.digest], { from: [base.strings, base.shapes], strings: table.strings.slice(base.strings), shapes: table.shapes.slice(base.shapes), paths, buildFiles }, entries);
}

/** The build an index names, when it names one as written (anything else: none, the build is worked out again). */
function buildFilesOf(x: unknown): BuildFiles | undefined {
  const b = x as Partial<BuildFiles> | undefined;
  return typeof b === 'object' && b !== null && typeof b.files === 'string' && typeof b.stamp === 'string' ? { files: b.files, stamp: b.stamp } : undefined;
}

const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const align8 = (n: number) => (n + 7) & ~7;

/** The file: `lead`, its index (`head`'s fields and the entries' rows), zeros to 8, the results, the checksum. Written a piece at a time. */
async function writeFile(path: string, lead: Uint8Array[], head: Record<string, unknown>, entries: Entry[]): Promise<void> {
  // the run keys, builds, clocks and clocks' readings entries name, by their place in a list
  const keys: string[] = [];
  const builds: string[] = [];
  const place = (list: string[], x: string) => { const i = list.indexOf(x); return i >= 0 ? i : list.push(x) - 1; };
  const rows = new RowWriter();
  for (const e of entries) {
    rows.add({
      path: e.path, display: e.display, hash: e.hash, size: e.size, mtimeMs: e.mtimeMs, ctimeMs: e.ctimeMs, ino: e.ino, checkedAt: e.checkedAt,
      key: place(keys, e.key), build: place(builds, e.build), clock: e.clock ? place(keys, e.clock) : -1, at: e.at !== undefined ? place(keys, e.at) : -1,
      v8: Boolean(e.v8), split: e.split, length: e.result.byteLength, eventsAt: e.eventsAt,
      printKey: e.print ? place(keys, e.print.key) : -1, printAt: e.print?.at ?? e.result.byteLength, tally: e.print?.tally ?? [],
    });
  }
  const lists = Buffer.from(JSON.stringify({ ...head, keys, builds }));
  const body = rows.bytes();
  let crc = 0;
  const fh = await open(path, 'w');
  try {
    let pieces: Uint8Array[] = [];
    let bytes = 0;
    let offset = 0;
    const put = async (b: Uint8Array, last = false) => {
      crc = crc32(b, crc);
      pieces.push(b);
      bytes += b.byteLength;
      offset += b.byteLength;
      if (bytes >= 1 << 20 || last) { await fh.writev(pieces); pieces = []; bytes = 0; }
    };
    for (const b of lead) await put(b);
    await put(u32(lists.length));
    await put(lists);
    await put(u32(body.length));
    await put(body);
    for (const e of entries) {
      if (offset % 8) await put(Buffer.alloc(align8(offset) - offset));
      await put(e.result);
    }
    await put(Buffer.alloc(0), true);
    await fh.write(trailer(crc, offset));
  } finally {
    await fh.close();
  }
}

/** The index at `at` of `data` and the entries it lists (their results after it, up to `end`); throws when malformed. */
function readIndex(data: Buffer, at: number, end: number, table: CodecTable): { head: Record<string, unknown>; entries: Entry[] } {
  const length = data.readUInt32BE(at);
  const head = JSON.parse(data.toString('utf8', at + 4, at + 4 + length)) as Record<string, unknown> & { keys: unknown; builds: unknown };
  const { keys, builds } = head;
  if (!isStrings(keys) || !isStrings(builds)) throw new Error('index');
  at += 4 + length;
  const rowsLength = data.readUInt32BE(at);
  at += 4;
  const rows = new RowReader(data, at, at + rowsLength);
  at += rowsLength;
  const entries: Entry[] = [];
  while (!rows.done) {
    const { path, display, hash, size, mtimeMs, ctimeMs, ino, checkedAt, key, build, clock, at: when, v8, split, length: bytes, eventsAt, printKey, printAt, tally } = rows.next();
    if (keys[key] === undefined || builds[build] === undefined || (clock >= 0 && !(CLOCKS as readonly string[]).includes(keys[clock])) || (when >= 0 && keys[when] === undefined)
      || (printKey >= 0 && keys[printKey] === undefined)) throw new Error('row');
    at = align8(at);
    if (at + bytes > end || eventsAt > split || split > printAt || printAt > bytes) throw new Error('result');
    // one shape for every entry (a drive's 10,000 are made here at every run)
    const entry: Entry = {
      path, display, size, mtimeMs, ctimeMs, ino, hash, key: keys[key], build: builds[build], checkedAt, result: data.subarray(at, at + bytes), eventsAt, split,
      print: printKey >= 0 && !v8 ? { key: keys[printKey], at: printAt, tally } : undefined, table: v8 ? undefined : table,
    };
    if (clock >= 0) entry.clock = keys[clock] as Clock;
    if (when >= 0) entry.at = keys[when];
    if (v8) entry.v8 = true;
    entries.push(entry);
    at += bytes;
  }
  if (at !== end) throw new Error('trailing');
  return { head, entries };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isShapes = (x: unknown): x is string[][] => Array.isArray(x) && x.every(isStrings);

/**
 * Reads a whole file; undefined when there is none. In as few reads as the system gives it:
 * `readFile` asks for 512 KB at a time, each read waiting for this thread to ask for the next,
 * and this thread is busy finding the files meanwhile (a 24 MB cache took 250 ms to arrive).
 */
async function bytesOf(path: string): Promise<Buffer | undefined | Problem> {
  try {
    // a folder, a device or a pipe is never opened (a pipe would wait for a writer for good, /dev/zero never ends);
    // nor a link: a cache is never written through one, so it would be read every run and never kept (outsider
    // helper-73: a link to a file of the user's was "kept as a .bak and rebuilt" each run, and neither happened)
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (!st.isFile()) return { problem: 'not-regular' };
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const data = Buffer.allocUnsafe(size);
      let at = 0;
      for (let n = -1; at < size && n !== 0; at += n) ({ bytesRead: n } = await fh.read(data, at, size - at, at));
      // a cache is replaced whole (by a rename), never written in place: a file that changed as it was read fails its checksum
      return at < size ? data.subarray(0, at) : data;
    } finally {
      await fh.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { problem: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
}

/**
 * Whether the file ends with the checksum of the rest. Worked out here, synchronously (WebCrypto's
 * digest, meant for the thread pool, held this thread 90–140 ms in node 20).
 */
function checksumHolds(data: Buffer): boolean {
  const body = data.length - TRAILER;
  return trailer(crc32(data.subarray(0, body)), body).equals(data.subarray(body));
}

/** The cache file's entries, or why it cannot be used; a file that does not exist is an empty cache. */
async function readBase(path: string): Promise<CacheState | Problem> {
  const data = await bytesOf(path);
  if (data === undefined) return emptyState();
  if ('problem' in data) return data;
  const head = MAGIC.length + 4;
  // ecsop's when it begins as a cache does, however soon it ends (cut within its magic or its format: cut short, not foreign)
  const ours = data.length >= MAGIC.length ? data.subarray(0, MAGIC.length).equals(MAGIC) : MAGIC.subarray(0, data.length).equals(data);
  if (!ours) return { problem: 'foreign' };
  if (data.length < head) return { problem: 'truncated' };
  const format = data.readUInt32BE(MAGIC.length);
  // a format ecsop wrote is a small number; anything else after the magic is damage, not a version
  if (format !== FORMAT) return format >= 1000 ? { problem: 'corrupt' } : { problem: format < FORMAT ? 'older' : 'newer', detail: String(format) };
  if (data.length < head + 4 + TRAILER) return { problem: 'truncated' };
  if (!checksumHolds(data)) return { problem: 'corrupt' };
  try {
    const table = new CodecTable();
    const { head: fields, entries } = readIndex(data, head, data.length - TRAILER, table);
    const { strings, shapes, madeAt } = fields;
    if (!isStrings(strings) || !isShapes(shapes) || typeof madeAt !== 'number') return { problem: 'corrupt' };
    table.extend(strings, shapes);
    return { entries, table, madeAt, base: { digest: data.subarray(data.length - TRAILER), strings: strings.length, shapes: shapes.length, bytes: data.length }, journal: new Set(), buildFiles: buildFilesOf(fields.buildFiles) };
  } catch {
    return { problem: 'corrupt' };
  }
}

/**
 * The journal beside a base: 'none' when there is none or it continues another base (the cache
 * was written whole since), 'foreign' when the file there is not ecsop's, a problem when it is
 * damaged. Its entries are read against the base's table, which it extends.
 */
async function readJournal(path: string, base: BaseInfo, table: CodecTable): Promise<{ entries: Entry[]; paths: string[]; buildFiles?: BuildFiles } | Problem | 'none' | 'foreign'> {
  const data = await bytesOf(path);
  if (data === undefined) return 'none';
  // a folder, a device or a pipe under the journal's name is no journal (bytesOf never opens one)
  if ('problem' in data) return data.problem === 'not-regular' ? 'foreign' : data;
  const head = JOURNAL_MAGIC.length + 4 + TRAILER;
  if (!data.subarray(0, JOURNAL_MAGIC.length).equals(JOURNAL_MAGIC)) {
    return data.length < JOURNAL_MAGIC.length && JOURNAL_MAGIC.subarray(0, data.length).equals(data) ? { problem: 'truncated' } : 'foreign';
  }
  if (data.length < head + 4 + TRAILER) return { problem: 'truncated' };
  // another format's journal, or one of a cache that was written whole since: its results are in no cache this run has
  if (data.readUInt32BE(JOURNAL_MAGIC.length) !== FORMAT || !data.subarray(JOURNAL_MAGIC.length + 4, head).equals(base.digest)) return 'none';
  if (!checksumHolds(data)) return { problem: 'corrupt' };
  try {
    const { head: fields, entries } = readIndex(data, head, data.length - TRAILER, table);
    const { from, strings, shapes, paths } = fields;
    if (!Array.isArray(from) || from[0] !== base.strings || from[1] !== base.shapes || !isStrings(strings) || !isShapes(shapes) || !isStrings(paths)) return { problem: 'corrupt' };
    const named = new Set(paths);
    if (entries.some((e) => !named.has(e.path))) return { problem: 'corrupt' };
    // only now, when every part of it held: the base's table gains the journal's strings and keys
    table.extend(strings, shapes);
    return { entries, paths, buildFiles: buildFilesOf(fields.buildFiles) };
  } catch {
    return { problem: 'corrupt' };
  }
}
