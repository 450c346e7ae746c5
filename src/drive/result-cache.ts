import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Contribution, FileOutcome } from '../check/engine.js';
import type { FileStat, FoundFile } from '../check/files.js';
import type { Lookup, PrintedResult, ResultStore, StoredResult } from '../check/run.js';
import type { WorkerEvent } from '../check/worker.js';
import type { Finding } from '../rules/types.js';
import type { Clock } from '../rules/types.js';
import { openSafely } from '../workbook/safe-write.js';
import { sameSave, savedOf, saveKey, statOrNone, type Saved } from '../workbook/stat-or-none.js';
import { emptyState, journalInTheWay, journalOf, readCache, writeCache, writeJournal, type CacheProblem, type CacheState, type Entry } from './cache-file.js';
import { hashFile } from './fingerprint.js';
import { CodecTable, decodeValue, encodeValues, NotEncodable } from '../check/value-codec.js';
import { joinArrays } from '../check/event-wire.js';
import type { BuildFiles } from '../check/build-stamp.js';

export { looksLikeCache, type CacheProblem } from './cache-file.js';

/**
 * The cache of `check --cache` (issue #26): each file's result (its findings, records and
 * summary, as the workers hand them on) under what it depends on — the file's content (sha-256),
 * the run's options (config, rule options, format, language, ecsop's build: `key`) and --now to
 * the grain its rules read it (a deadline's day, "recent"'s month; the instant for "no update in
 * 48 hours"). A file is hashed again only when its size, times or inode changed since (git's
 * index does the same), or when it was saved within two seconds of being checked.
 *
 * One file and its journal (cache-file.ts), each with its checksum at the end — anything else
 * (truncated, corrupt, foreign) is ignored with one line and rebuilt, never trusted. Both are
 * written through the safe-write path, under the cache's lock, merged with what another run wrote
 * meanwhile: two runs sharing it never corrupt it.
 */

/** A file with more findings and records than this is not kept (it is checked each time). */
const MAX_EVENTS = 50_000;

/** Results kept in all, most recently checked first: a cache never grows without bound. */
const MAX_BYTES = 512 * 1024 * 1024;
/** Results kept per file (a text run and a JSON run of the same drive both hit). */
const PER_FILE = 4;
/** A file saved this close to its check may have changed within the same timestamp: hashed again. */
const RACY_MS = 2000;

/** A table this much larger than it was made is rebuilt from the results it still serves at the next save. */
const TABLE_SLACK = 10_000;

export interface CacheOptions {
  /** the run's options, ecsop's build and everything else a result depends on but the file and --now */
  key: string;
  /** ecsop's version and build */
  build: string;
  /** how the build was told (check/build-stamp.ts), kept in the cache for the next run */
  buildFiles?: BuildFiles;
  now: Date;
  /** the cache file (or its journal, `file`) could not be used: it is ignored and rebuilt */
  onProblem(problem: CacheProblem, detail?: string, file?: string): void;
  /** a file's `stat` as the run takes it (once a run: the output's check asks too); looked at now when not given */
  statOf?: (path: string) => FileStat | undefined;
}

/** --now to a grain: `2026`, `2026-12`, `2026-12-03`, or the instant. */
export function clockAt(now: Date, clock: Clock): string {
  const iso = now.toISOString();
  return clock === 'year' ? iso.slice(0, 4) : clock === 'month' ? iso.slice(0, 7) : clock === 'day' ? iso.slice(0, 10) : iso;
}

/** The cache's files being read (started while the run's files are found), with their stamps from before. */
export interface CacheRead { seen: string; read: ReturnType<typeof readCache> }

/** Starts reading the cache at `location`: `open` takes it when the run knows what its results depend on. */
export function readAhead(location: string): CacheRead {
  const abs = resolve(location);
  const seen = stampsOf(abs);
  const read = readCache(abs);
  // read before anyone awaits it: a failure is the one `open` says, not an unhandled rejection meanwhile
  read.catch(() => {});
  return { seen, read };
}

interface Seen extends Saved { hash?: string }

export class ResultCache implements ResultStore {
  private readonly entries = new Map<string, Entry[]>();
  /** what this run saw of each file before checking it */
  private readonly seen = new Map<string, Seen>();
  private readonly pending: Array<Promise<void>> = [];
  /** paths this run changed the entries of, with the name it checked each under (its own entry: this run's key and that name) */
  private readonly touched = new Map<string, string>();
  /** the entry each file's lookup answered with */
  private readonly answered = new Map<string, Entry>();
  /** the printed sections this run made, to keep with the files' results at the save */
  private readonly prints = new Map<string, { display: string; key: string; bytes: Uint8Array; tally: Array<string | number> }>();
  /** the file at the location is not a cache of ecsop's: kept as a backup when it is replaced */
  private foreign = false;
  /** what is at the location is no regular file: never written */
  private unusable = false;
  hits = 0;
  misses = 0;

  /** Whether the cache's place is a regular file (or nothing yet): a run with no usable cache neither reads nor writes one. */
  get usable(): boolean {
    return !this.unusable;
  }
  readonly maxEvents = MAX_EVENTS;

  /** the cache's files as this run read them: unchanged at the save, they need not be read again to merge */
  private read?: string;
  /** what this run read: the results' table (this run adds to it), the base file and its journal */
  private state: CacheState = emptyState();
  private readonly grains = new Map<Clock, string>();

  private constructor(readonly location: string, private readonly opts: CacheOptions) {}

  /** The cache at `location` (a file that does not exist yet is an empty cache), or as `ahead` read it. */
  static async open(location: string, opts: CacheOptions, ahead: CacheRead = readAhead(location)): Promise<ResultCache> {
    const cache = new ResultCache(resolve(location), opts);
    const { seen } = ahead;
    const read = await ahead.read;
    if ('problem' in read) {
      opts.onProblem(read.problem, read.detail);
      cache.foreign = read.problem === 'foreign' || read.problem === 'newer';
      // a folder, a device or a pipe at the cache's name is left as it is: nothing is written there
      cache.unusable = read.problem === 'not-regular';
      return cache;
    }
    // a damaged journal: its results are not trusted (the base's still are), and the next save writes the cache whole
    if (read.journalProblem) opts.onProblem(read.journalProblem, read.journalDetail, journalOf(cache.location));
    // a file of the user's (or a folder) under the journal's name: left as it is, said once a run; the cache is written whole
    if (read.journalForeign) opts.onProblem('in-the-way', undefined, journalOf(cache.location));
    cache.read = seen;
    cache.state = read;
    for (const e of read.entries) cache.add(e);
    return cache;
  }

  private add(e: Entry): void {
    const list = this.entries.get(e.path) ?? [];
    this.entries.set(e.path, list);
    list.push(e);
  }

  lookup(file: FoundFile): Lookup | Promise<Lookup> {
    // one stat a file, synchronously (10,000 of them are 30 ms this way, most of a second through the thread
    // pool), shared with the output's check when that asked first
    const st = (this.opts.statOf ?? statOrNone)(file.path);
    if (!st?.isFile()) return undefined;
    const seen: Seen = savedOf(st);
    // the file's entries of this run's key, name and clock; the one with the same stat (a loop, not a
    // filter and a find: 10,000 lookups a re-check, most with one entry)
    let sameSize = false;
    for (const e of this.entries.get(file.path) ?? []) {
      if (!this.fits(e, file)) continue;
      if (sameSave(e, seen) && e.checkedAt - e.mtimeMs > RACY_MS) return this.hit(file, e);
      sameSize ||= e.size === seen.size;
    }
    // touched, copied or moved: the same content is still the same result (its hash, waited for)
    if (sameSize) return this.byContent(file, seen);
    return this.miss(file, seen);
  }

  /** Whether an entry of the file is of this run: its key, the name the file is checked under, and --now to the entry's grain. */
  private fits(e: Entry, file: FoundFile): boolean {
    return e.key === this.opts.key && e.display === file.display && (!e.clock || e.at === this.nowAt(e.clock));
  }

  /** The file's lookup answered by `entry`. */
  private hit(file: FoundFile, entry: Entry): Lookup {
    this.hits++;
    this.answered.set(file.path, entry);
    // the whole file's checksum held: the entry reads as it was written
    return () => decodeResult(entry);
  }

  /** The file's lookup not answered: what keep() compares with after the file is checked is kept. */
  private miss(file: FoundFile, seen: Seen): undefined {
    this.seen.set(file.path, seen);
    this.misses++;
    return undefined;
  }

  /** The file's lookup by its content, when an entry of its size is there but its times or inode changed. */
  private async byContent(file: FoundFile, seen: Seen): Promise<Lookup> {
    seen.hash = await hashFile(file.path).catch(() => undefined);
    const entry = (this.entries.get(file.path) ?? []).find((e) => this.fits(e, file) && e.hash === seen.hash);
    if (!entry) return this.miss(file, seen);
    // the content is known as of now: the next run trusts the new times (unless the file is saved again within RACY_MS)
    Object.assign(entry, { mtimeMs: seen.mtimeMs, ctimeMs: seen.ctimeMs, ino: seen.ino, checkedAt: Date.now() });
    this.touched.set(file.path, file.display);
    return this.hit(file, entry);
  }

  /** The file's section as a run of the same result printed it, when its lookup answered and the entry has one of `key`. */
  printed(file: FoundFile, key: string): PrintedResult | undefined {
    const e = this.answered.get(file.path);
    if (!e?.print || e.print.key !== key || e.v8) return undefined;
    return new StoredPrint(e);
  }

  /** The file's section as this run printed it, kept with its result (unless that has it already). */
  keepPrint(file: FoundFile, key: string, bytes: Uint8Array, tally: Array<string | number>): void {
    const e = this.answered.get(file.path);
    if (e?.print?.key === key) return;
    this.prints.set(file.path, { display: file.display, key, bytes, tally });
  }

  keep(file: FoundFile, result: StoredResult): void {
    const before = this.seen.get(file.path);
    if (!before) return;
    this.pending.push((async () => {
      const st = statOrNone(file.path);
      // changed while it was read: its result is of neither version
      if (!st || !sameSave(st, before)) return;
      const hash = before.hash ?? await hashFile(file.path).catch(() => undefined);
      if (!hash) return;
      const { key } = this.opts;
      const clock = result.outcome.clock;
      const entry: Entry = {
        path: file.path, display: file.display, ...savedOf(st), hash, key, build: this.opts.build,
        ...(clock ? { clock, at: this.nowAt(clock) } : {}),
        checkedAt: Date.now(), ...encodeResult(result, this.state.table),
      };
      const others = (this.entries.get(file.path) ?? []).filter((e) => e.key !== key || e.display !== file.display);
      this.entries.set(file.path, [entry, ...others].slice(0, PER_FILE));
      this.touched.set(file.path, file.display);
    })());
  }

  /** --now to a grain (worked out once a grain: a lookup a file asks). */
  private nowAt(clock: Clock): string {
    let at = this.grains.get(clock);
    if (at === undefined) this.grains.set(clock, (at = clockAt(this.opts.now, clock)));
    return at;
  }

  /**
   * Writes the cache: what this run changed, over what the file holds now (another run may
   * have written it since this one read it); entries of files that were under `roots` and are
   * gone are dropped. Returns false when there was nothing to write.
   */
  async save(found: ReadonlySet<string>, roots: readonly string[]): Promise<boolean> {
    await Promise.all(this.pending);
    // the sections printed this run, with the results they were printed from (a file kept by no entry, or changed meanwhile, keeps none)
    for (const [path, p] of this.prints) {
      const e = this.answered.get(path) ?? (this.touched.has(path) ? this.entries.get(path)?.find((x) => x.key === this.opts.key && x.display === p.display) : undefined);
      if (!e || e.v8) continue;
      withPrint(e, p.key, p.bytes, p.tally);
      this.touched.set(path, p.display);
    }
    if (this.unusable) return false;
    const inRoots = (p: string) => roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
    const gone = [...this.entries.keys()].filter((p) => !found.has(p) && inRoots(p) && !existsSync(p));
    if (!this.touched.size && !gone.length) return false;
    // the name says it is no workbook nor report (kind `data`), so it is no input of the run; its lock is the journal's too
    const pending = await openSafely(this.location, { kind: 'data', force: true, backup: this.foreign });
    try {
      // under the write's lock: another run may have written the cache since this one read it
      const unchanged = this.read !== undefined && stampsOf(this.location) === this.read;
      // unchanged: what it holds is what this run read (each file's entries, as they are grouped here already)
      const read = unchanged ? this.state : await readCache(this.location);
      const now = 'problem' in read ? emptyState() : read;
      const merged = unchanged ? new Map(this.entries) : new Map<string, Entry[]>();
      if (!unchanged) for (const e of now.entries) merged.set(e.path, [...(merged.get(e.path) ?? []), e]);
      // a file this run changed: this run's own entry first, then what the file holds of it now under other options
      // or names — another run's, written since this one read the cache (a text run and a JSON run of one folder
      // at once: the second to save dropped the first's results, outsider helper-37)
      for (const [p, display] of this.touched) {
        const own = (e: Entry) => e.key === this.opts.key && e.display === display;
        merged.set(p, [...(this.entries.get(p) ?? []).filter(own), ...(merged.get(p) ?? []).filter((e) => !own(e))].slice(0, PER_FILE));
      }
      for (const p of gone) merged.delete(p);
      const all = [...merged.values()].flat();
      const kept = bounded(all.filter((e) => e.build === this.opts.build));
      // one table for the file: the one it holds now, or a new one when results were dropped or it grew far past what it served
      const fresh = kept.length < all.length || now.table.strings.length > 2 * now.madeAt + TABLE_SLACK;
      const table = fresh ? new CodecTable() : now.table;
      for (const e of kept) {
        if (e.v8 || e.table === table) continue;
        const print = e.print && { ...e.print, bytes: e.result.subarray(e.print.at) };
        Object.assign(e, encodeResult(decodeResult(e, true), table), { print: undefined });
        if (print) withPrint(e, print.key, print.bytes, print.tally);
      }
      const madeAt = fresh || now.madeAt === 0 ? table.strings.length : now.madeAt;
      // what changed since the base was written, beside it, when that is small: the base (most of the cache) is not written again
      const paths = new Set([...now.journal, ...this.touched.keys(), ...gone]);
      const changed = kept.filter((e) => paths.has(e.path));
      const journalBytes = changed.reduce((n, e) => n + e.result.byteLength + 400, 0) + 64 * (table.strings.length - (now.base?.strings ?? 0));
      if (!fresh && now.base && !now.journalProblem && !now.journalForeign && journalBytes <= now.base.bytes / 4) {
        const journal = await openSafely(journalOf(this.location), { kind: 'data', force: true, backup: false });
        try {
          await writeJournal(journal.tmp, now.base, table, [...paths], changed, this.opts.buildFiles);
        } catch (err) {
          await journal.abort();
          throw err;
        }
        await journal.commit();
        await pending.abort();
        return true;
      }
      await writeCache(pending.tmp, kept, table, madeAt, this.opts.buildFiles);
      // the journal's results are in the base now; removed under the lock, before the base is replaced (a journal of the old base would be ignored anyway)
      if (!now.journalForeign && !journalInTheWay(journalOf(this.location))) await rm(journalOf(this.location), { force: true });
    } catch (err) {
      await pending.abort();
      throw err;
    }
    await pending.commit();
    return true;
  }
}

/** The cache's files as they are on disk now (size and time of each), to tell whether another run wrote them. */
function stampsOf(location: string): string {
  return [location, journalOf(location)].map(saveKey).join('|');
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
 * A result in the codec's form against `table`, in three parts: the file's outcome (its summary,
 * and whether a join may report on it), its findings and records (what is handed on as the file's
 * turn comes; a run that has the file's printed section needs only the outcome), then the data rules
 * join files with (read only when they do, at the end: 10,000 files' of it are not held through the
 * run meanwhile). In v8's form when it holds what the codec does not.
 */
function encodeResult(result: StoredResult, table: CodecTable): Pick<Entry, 'result' | 'v8' | 'eventsAt' | 'split' | 'table'> {
  try {
    const { contributions, ...outcome } = result.outcome;
    // whether a join may report on the file is known without reading the join data; the three parts in one buffer, sized
    // for the join data's arrays (a million orders' are ~80 MB: encoded in parts and joined, they were held three times)
    const size = joinArrays(contributions).reduce((n, a) => n + a.byteLength + 8, 1024 + 96 * result.events.length);
    const { bytes, ends } = encodeValues([{ ...outcome, held: contributions.some((c) => c.findingsHere) }, result.events, contributions], table, size);
    return { result: bytes, eventsAt: ends[0], split: ends[1], table };
  } catch (err) {
    if (!(err instanceof NotEncodable)) throw err;
    const bytes = serialize(result);
    return { result: bytes, eventsAt: 0, split: bytes.byteLength, v8: true };
  }
}

/** Where an entry's join data ends: at its printed section, or at its end. */
const joinEnd = (e: Entry) => e.print?.at ?? e.result.byteLength;

/** An entry's result; its join data read when first asked for (`now`: at once). */
function decodeResult(e: Entry, now = false): StoredResult {
  if (e.v8) return deserialize(e.result) as StoredResult;
  return { events: decodeValue(e.result, e.table!, e.eventsAt, e.split) as WorkerEvent[], outcome: decodeOutcome(e, now) };
}

/** An entry's outcome alone (not its findings and records); its join data read when first asked for (`now`: at once). */
function decodeOutcome(e: Entry, now = false): FileOutcome {
  const outcome = decodeValue(e.result, e.table!, 0, e.eventsAt) as FileOutcome;
  if (now) outcome.contributions = joinDataOf(e);
  else {
    Object.defineProperty(outcome, ENTRY, { value: e });
    Object.defineProperty(outcome, 'contributions', LATER);
  }
  return outcome;
}

/** An entry with its printed section `bytes` (in place of the one it had). */
function withPrint(e: Entry, key: string, bytes: Uint8Array, tally: Array<string | number>): void {
  const end = joinEnd(e);
  const result = new Uint8Array(end + bytes.byteLength);
  result.set(e.result.subarray(0, end));
  result.set(bytes, end);
  e.result = result;
  e.print = { key, at: end, tally };
}

const joinDataOf = (e: Entry) => decodeValue(e.result, e.table!, e.split, joinEnd(e)) as Contribution[];

/** An entry's printed section; its outcome and findings read from the entry when asked for (no closure a file). */
class StoredPrint implements PrintedResult {
  constructor(private readonly e: Entry) {}
  get bytes(): Uint8Array { return this.e.result.subarray(this.e.print!.at); }
  get tally(): ReadonlyArray<string | number> { return this.e.print!.tally; }
  outcome(): FileOutcome { return decodeOutcome(this.e); }
  findings(): Finding[] {
    const events = decodeValue(this.e.result, this.e.table!, this.e.eventsAt, this.e.split) as WorkerEvent[];
    return events.flatMap((x) => (x[0] === 'finding' ? [x[1]] : []));
  }
}

const ENTRY = Symbol('entry');
type LaterOutcome = FileOutcome & { [ENTRY]: Entry };

/**
 * A stored outcome's join data, read from its entry when a rule's `finish` first asks. The same
 * two functions for every outcome: 10,000 outcomes keep one shape and hold no closure each.
 */
const LATER: PropertyDescriptor = {
  configurable: true, enumerable: true,
  get(this: LaterOutcome) {
    const value = joinDataOf(this[ENTRY]);
    Object.defineProperty(this, 'contributions', { value, configurable: true, enumerable: true, writable: true });
    return value;
  },
  set(this: LaterOutcome, value: Contribution[]) {
    Object.defineProperty(this, 'contributions', { value, configurable: true, enumerable: true, writable: true });
  },
};
