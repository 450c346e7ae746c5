import { whenAborted } from './when-aborted.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PrintedSection } from '../report/file-sections.js';
import type { FileSummary } from '../report/types.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Severity } from '../rules/types.js';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { UnreadableFileError } from '../workbook/types.js';
import { statOrNone } from '../workbook/stat-or-none.js';
import { checkFile, reportFileError, type Contribution, type EngineOptions, type FileOutcome, type FileSink, type SkippedFindings, type SoFar } from './engine.js';
import { findFiles, type FileStat, type FoundFile } from './files.js';
import { FindingBuilder } from './findings.js';
import { WorkerPool, type PoolLimits } from './pool.js';
import type { WorkerEvent } from './worker.js';
import type { SheetDigest } from '../workbook/row-digest.js';

/**
 * Where a run's results go, in report order: each file's findings and records, then the file;
 * after every file, the findings of the rules' `finish`.
 */
export interface RunSink extends FileSink {
  /**
   * The file is done: its summary, per rule the findings only counted, and whether a rule's
   * `finish` may still report on it (it handed data to a join with other files); `digests`, each
   * sheet's rows as read, when EngineOptions.digest asked.
   */
  fileDone(summary: FileSummary, counted: Record<string, Record<Severity, number>>, held: boolean, skipped?: SkippedFindings[], digests?: SheetDigest[]): Uint8Array | void;
  /** every file is done; what follows comes from the rules' `finish` */
  filesDone?(): void;
  /**
   * What a file's printed section depends on besides its result, when the report is one the
   * store may keep sections of (plain text): `fileDone` then returns the file's section, and a file
   * whose stored result has its section of this key is handed on by `filePrinted`, its findings
   * left unread.
   */
  readonly printKey?: string;
  /**
   * A file done, as `fileDone` after its findings, from its stored section: `tally` counts its
   * findings per rule and severity, `events` reads them should a join report on the file after all.
   */
  filePrinted?(summary: FileSummary, counted: Record<string, Record<Severity, number>>, held: boolean, skipped: SkippedFindings[] | undefined, printed: PrintedResult): void;
}

/** A file's section of the text report as an earlier run of the same result and options printed it. */
export interface PrintedResult extends PrintedSection {
  /** its findings per rule and severity, flat: `[rule, errors, warnings, infos, …]` */
  readonly tally: ReadonlyArray<string | number>;
  /** the file's outcome, without its findings and records */
  outcome(): FileOutcome;
}

/** Where a run is: files done, and the file and sheet being read with the share read. */
export interface RunProgress {
  done: number;
  total: number;
  file?: string;
  sheet?: string;
  fraction?: number;
}

/** What a store's lookup answers: the file's stored result, read when asked for; undefined when it has none that holds. */
export type Lookup = (() => StoredResult) | undefined;

/** A file's result as the workers hand it on: its findings and records in order, and its outcome. */
export interface StoredResult {
  events: WorkerEvent[];
  outcome: FileOutcome;
}

/**
 * Results of earlier runs (`check --cache`, src/drive/result-cache.ts): a file whose result is
 * there is not read again, and its result is handed on exactly as the workers would.
 */
export interface ResultStore {
  /**
   * the file's stored result, when nothing it depends on changed since (read when it is handed on);
   * at once when that is known without waiting (a drive's 10,000 lookups, each awaited, were 10,000
   * turns of the microtask queue), else a promise (the file's content hashed)
   */
  lookup(file: FoundFile): Lookup | Promise<Lookup>;
  /** this run's result of a file it looked up and checked */
  keep(file: FoundFile, result: StoredResult): void;
  /** findings and records of one file it keeps at most: a bigger file is not recorded (it is checked each run) */
  readonly maxEvents: number;
  /** the file's section as printed with `key` by a run of the result its lookup answered with */
  printed?(file: FoundFile, key: string): PrintedResult | undefined;
  /** the file's section as this run printed it with `key`, and its findings' tally (kept with its result) */
  keepPrint?(file: FoundFile, key: string, bytes: Uint8Array, tally: Array<string | number>): void;
}

/** A file's findings per rule and severity, flat (`[rule, errors, warnings, infos, …]`), rules in the order they first came. */
export function tallyOf(events: readonly WorkerEvent[]): Array<string | number> {
  const out: Array<string | number> = [];
  const at = new Map<string, number>();
  const place = { error: 1, warning: 2, info: 3 } as const;
  for (const e of events) {
    if (e[0] !== 'finding') continue;
    let i = at.get(e[1].ruleId);
    if (i === undefined) { at.set(e[1].ruleId, (i = out.length)); out.push(e[1].ruleId, 0, 0, 0); }
    (out[i + place[e[1].severity]] as number) += 1;
  }
  return out;
}

export interface RunOptions extends Omit<EngineOptions, 'onProgress'> {
  cwd: string;
  jobs: number;
  /** called as files finish and as a large sheet is read */
  onProgress?(p: RunProgress): void;
  /** false: read the files in this thread (tests that watch the settings being read) */
  isolate?: boolean;
  /** the files, when the caller found them already (the paths are then not searched again) */
  files?: FoundFile[];
  /** earlier results to reuse, and where this run's go */
  store?: ResultStore;
  /** a file's `stat` as the run took it already (the output's check, the cache's lookups): its size decides how files are shared out */
  statOf?: (path: string) => FileStat | undefined;
  /** the cores the run's threads share (default: the machine's); how many workers are worth starting depends on it */
  cores?: number;
  /**
   * what files not in this run give the rules that join files (`finish`), as their own last checks gave it, in
   * the order of the files before and after this run's: the run's joins are then the folder's (ecsop watch)
   */
  joinWith?: JoinWith;
  /** each file's outcome, in the files' order, before the joins (ecsop watch keeps what each gives them) */
  onOutcome?(file: FoundFile, outcome: FileOutcome): void;
}

/** What other files give the rules that join files: those before the run's files in the folder's order, and those after. */
export interface JoinWith { before: Contribution[]; after: Contribution[] }

/**
 * Checks every file the paths name and hands the results to `sink` in the order the files were
 * found, whatever order they finish in: the report never depends on timing. Files are checked
 * up to `jobs` at a time, each in a worker thread with a heap cap and a time limit; a file that
 * breaks one (or trips a bug) becomes one finding and the run goes on. Findings stream on as they
 * are made; the sink slows the run down when its reader is behind.
 */
export async function runCheck(paths: string[], opts: RunOptions, sink: RunSink): Promise<void> {
  const files = opts.files ?? await findFiles(paths, opts.cwd);
  // stopped before the first file (Ctrl-C while the files were found, the output opened, the cache read)
  opts.signal?.throwIfAborted();
  const script = workerScript();
  // every file is read in a worker (a heap cap and a time limit of its own); in this thread only
  // when there is no bundled worker (sources run directly) or a test traces the findings
  const outcomes = script && !opts.trace && opts.isolate !== false ? await inWorkers(files, opts, script, sink) : await inProcess(files, opts, sink);
  if (opts.onOutcome) for (const [i, o] of outcomes.entries()) opts.onOutcome(files[i], o);
  sink.filesDone?.();
  const own = outcomes.flatMap((o) => o.contributions);
  await finishRules(opts.joinWith ? [...opts.joinWith.before, ...own, ...opts.joinWith.after] : own, opts, sink);
}

/** Hands one event on to the sink. */
function deliver(sink: Pick<FileSink, 'finding' | 'record'>, e: WorkerEvent): void {
  if (e[0] === 'finding') sink.finding(e[1]);
  else sink.record(e[1], e[2]);
}

/**
 * A file's stored result, read into its batch and outcome (once; the pump and the read-ahead both
 * ask); only its outcome when its section is printed already. `tally`: its findings are counted
 * for the section the store will keep.
 */
function materialize(p: Pending, tally: boolean): void {
  if (!p.stored) return;
  if (p.printed) {
    p.outcome = p.printed.outcome();
    p.stored = undefined;
    return;
  }
  const { events, outcome } = p.stored();
  p.stored = undefined;
  p.batches.push({ events, ack: () => {} });
  p.outcome = outcome;
  if (tally) p.tally = tallyOf(events);
}

/**
 * Hands a file's end on: from its printed section when it has one, else after its findings (the
 * section the sink printed then kept with its result, when the store keeps sections).
 */
function fileDone(sink: RunSink, p: Pending, file: FoundFile, store: ResultStore | undefined): void {
  const o = p.outcome!;
  if (p.printed) sink.filePrinted!(o.summary, o.counted, held(o), o.skipped, p.printed);
  else {
    const bytes = sink.fileDone(o.summary, o.counted, held(o), o.skipped, o.digests);
    if (bytes && p.tally) store!.keepPrint!(file, sink.printKey!, bytes, p.tally);
  }
  p.printed = undefined;
  p.tally = undefined;
}

/** The key of the sections a run's store keeps with results, when both the sink and the store keep them. */
const printKeyOf = (sink: RunSink, store: ResultStore | undefined) => (store?.printed && store.keepPrint && sink.filePrinted ? sink.printKey : undefined);

/** Whether a rule's `finish` may still report on the file. */
const held = (o: FileOutcome) => o.held ?? o.contributions.some((c) => c.findingsHere);

async function inProcess(files: FoundFile[], opts: RunOptions, sink: RunSink): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const printKey = printKeyOf(sink, opts.store);
  for (const [i, f] of files.entries()) {
    const handle = f.problem ? undefined : await opts.store?.lookup(f);
    const p: Pending = { batches: [], stored: handle, printed: handle && printKey !== undefined ? opts.store!.printed!(f, printKey) : undefined };
    materialize(p, printKey !== undefined);
    for (const { events } of p.batches) for (const e of events) deliver(sink, e);
    let events: WorkerEvent[] | undefined = opts.store && !handle ? [] : undefined;
    const record = (e: WorkerEvent) => { if (events && events.push(e) > opts.store!.maxEvents) events = undefined; };
    const recording: RunSink = events ? { ...sink, finding: (x) => { record(['finding', x]); sink.finding(x); }, record: (kind, r) => { record(['record', kind, r]); sink.record(kind, r); } } : sink;
    const outcome = p.outcome ?? (f.problem ? failedFile(f, f.problem, opts, sink) : await checkFile(f.path, f.display, { ...opts, onProgress: (fraction, sheet) => opts.onProgress?.({ done: i, total: files.length, file: f.display, sheet, fraction }) }, recording));
    if (events && !f.problem) {
      opts.store!.keep(f, { events, outcome });
      if (printKey !== undefined) p.tally = tallyOf(events);
    }
    p.outcome = outcome;
    fileDone(sink, p, f, opts.store);
    outcomes.push(outcome);
    opts.onProgress?.({ done: i + 1, total: files.length });
  }
  return outcomes;
}

/** A file that could not be read at all (no permission) or whose worker failed: its one finding. */
function failedFile(f: FoundFile, err: UnreadableFileError, opts: Pick<EngineOptions, 'config' | 'lang' | 'trace'>, sink: Pick<FileSink, 'finding'>): FileOutcome {
  reportFileError(new FindingBuilder(opts.config, opts.lang, sink.finding, opts.trace), f.display, err, opts.lang);
  return { summary: { path: f.display, status: 'error', sheets: [] }, contributions: [], counted: {} };
}

/** Runs the `finish` of every rule that received contributions; its findings go to the sink. */
export async function finishRules(contributions: Contribution[], opts: Pick<EngineOptions, 'config' | 'now' | 'lang' | 'trace'>, sink: Pick<FileSink, 'finding'>): Promise<void> {
  const builder = new FindingBuilder(opts.config, opts.lang, sink.finding, opts.trace);
  for (const rule of RULES) {
    if (!rule.finish) continue;
    const resolved = opts.config.rules.get(rule.id);
    if (!resolved || resolved.severity === 'off') continue;
    const mine = contributions.filter((c) => c.ruleId === rule.id).map((c) => c.data);
    if (!mine.length) continue;
    await rule.finish({
      options: resolved.options, settings: opts.config.settings, now: opts.now, lang: opts.lang,
      report: ({ sheet, ...input }) => builder.report(rule.id, { file: sheet.file, sheet: sheet.sheet, kind: sheet.kind, columns: sheet.columns }, input),
    }, mine);
  }
}

/** The bundled worker (dist/worker.js), beside the bundled CLI or found from the sources in tests. */
export function workerScript(): string | undefined {
  for (const rel of ['./worker.js', '../../dist/worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

let shared: WorkerPool | undefined;

/** The process's pool of workers, kept between runs (in-process tests run many); a new one when the config's limits change. */
async function poolFor(script: string, config: Pick<EngineOptions['config'], 'limits'>): Promise<WorkerPool> {
  const { workerHeapMB, fileSeconds } = { ...DEFAULT_LIMITS, ...config.limits };
  const limits: PoolLimits = { heapMB: workerHeapMB, seconds: fileSeconds };
  if (shared && (shared.limits.heapMB !== limits.heapMB || shared.limits.seconds !== limits.seconds)) { await shared.close(); shared = undefined; }
  return (shared ??= new WorkerPool(script, Math.max(1, availableParallelism()), limits));
}

/** The process's pool, when there is a worker's script to run. */
async function workerPool(config: Pick<EngineOptions['config'], 'limits'>): Promise<WorkerPool | undefined> {
  const script = workerScript();
  return script ? poolFor(script, config) : undefined;
}

/**
 * The `stat`s of many paths (statValues), taken by a worker of the pool that reads no file (see
 * WorkerPool.statFiles): while this thread does something else (reads its cache); then, when
 * `warmUp` names a workbook, the worker warms up on it. Undefined when there is no such worker
 * (the caller takes them itself).
 */
export async function statInWorkers(config: EngineOptions['config'], paths: string[], warmUp?: string): Promise<Float64Array | undefined> {
  const pool = await workerPool(config);
  if (!pool) return undefined;
  const asked = pool.statFiles(paths);
  // the warm-up after the stats: asked first, they are answered first (asked during it, they waited for one of its
  // steps, and this thread with them)
  if (warmUp) pool.warmUp(warmUp, config);
  return asked;
}

/** Has a worker read `path` and forget it while no file comes (see WorkerPool.warmUp). */
export async function warmUpWorkers(config: EngineOptions['config'], path: string): Promise<void> {
  (await workerPool(config))?.warmUp(path, config);
}

/** Workers the process's pool has started since it was made (it is kept between runs). */
export const workersStarted = (): number => shared?.started ?? 0;

/** Ends the process's pool of workers (the next run makes a new one). */
export async function closeWorkers(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/**
 * Starts one worker ahead of a run (its start-up, about half a second, then overlaps finding the
 * files, opening the output and reading the cache); the run starts more as it needs them.
 */
export function warmWorkers(config: Pick<EngineOptions['config'], 'limits'>): void {
  const script = workerScript();
  if (!script) return;
  void poolFor(script, config).then((pool) => pool.warm(1));
}

/** A file's results held back until every file before it has been handed on. */
interface Pending {
  batches: Array<{ events: WorkerEvent[]; ack: () => void }>;
  outcome?: FileOutcome;
  /** the file's result from the store, read when the file's turn comes */
  stored?: () => StoredResult;
  /** its section as printed before (its findings are then never read) */
  printed?: PrintedResult;
  /** its findings per rule and severity, for the section the store will keep */
  tally?: Array<string | number>;
  /** what its worker had counted and not built when it last said (kept should the file be stopped part-way) */
  soFar?: SoFar;
}

/** A file of this many rows or more: its worker is not kept for later runs (see inWorkers). */
const BIG_FILE_ROWS = 50_000;

/** Stored results read ahead of the file being handed on, at most (their objects held meanwhile). */
const PREFETCH = 4000;

/** The longest the hand-on keeps the thread before it lets the workers' messages in (ms). */
const SLICE_MS = 8;

/** Batches a file that is not yet being handed on may hold before its worker waits. */
const AHEAD = 32;

/**
 * With a store, files come to the workers as their lookups miss: one worker checks them until
 * the work not yet done (files waiting and being read) is this many bytes. A worker's start costs
 * a quarter of a second of a core — on two cores, time the thread handing on 10,000 stored results
 * needs: ten changed exports of a drive were checked 0.25 s sooner by one worker than by two.
 */
const MORE_WORKERS_BYTES = 1 << 20;

/**
 * On two cores or fewer, with a store or without: one worker until the small files to read (each
 * under SMALL_BYTES) come to this many bytes. Each worker compiles the checking code for itself (V8's
 * optimising compiler, on threads of its own: ~2 s of CPU over 480 small exports), and on two cores
 * the first worker's compiling already takes the second core. Measured here, one worker against two
 * (3–7 rounds): 60 small exports (1.6 MB) 1.17 against 1.46 s, 240 (6.2 MB) 2.18 against 2.56 s,
 * 480 (13 MB) 3.70 against 3.60 s, 2,000 small workbooks (26 MB) within the noise; at 10,000 (130 MB)
 * two win, 5.85 against 7.05 s. A file of SMALL_BYTES or more left makes a worker more worth it at
 * once, as before: its compiling is repaid by the file alone, and a CSV is read by one thread
 * (outsider helper-108: two orders exports and a CSV of 50,000 rows, 12 MB, took 6.08 s with one
 * worker against 5.43 s with two). Files of some hundreds of KB are each enough work to repay it
 * soon (outsider helper-109: 32 CSVs of 512 KB, 16 MB, 3.78 s with one worker against 3.25 s with
 * two), so the line is where one worker was still clearly ahead on small files, not where two
 * caught up: 4 MB (60 small exports, 1.6 MB: 1.17 against 1.46 s).
 */
const FEW_CORES_MORE_WORKERS_BYTES = 4 << 20;

/**
 * The bytes of small files given and not done that make a worker more worth starting, on `cores`
 * cores, with a store (files come as its lookups miss) or without (a file of SMALL_BYTES or more does
 * at once); undefined: each job starts its worker at once (many cores, no store).
 */
export function moreWorkersBytes(cores: number, stored: boolean): number | undefined {
  if (cores <= 2) return FEW_CORES_MORE_WORKERS_BYTES;
  return stored ? MORE_WORKERS_BYTES : undefined;
}

/**
 * Files given to one worker at a time: the one it reads and, behind a small one, the next, so that
 * it starts the next as soon as it is done instead of waiting for this thread to hear of it and
 * answer (a round trip of half a millisecond on an idle thread, 5–20 ms on one handing on stored
 * results: 15% of a worker's time on 2,000 small workbooks).
 */
const DEPTH = 2;

/** A file this small may have the next one wait behind it in its worker. */
const SMALL_BYTES = 1 << 20;

/**
 * A file this large is read while no other such file is (the files after it wait their turn): each
 * holds a reading thread and a checking thread busy already, and two at once held both in memory
 * (outsider helper-98: a million orders beside a million shipments, 469–589 MB in every format).
 */
const LARGE_BYTES = 16 << 20;

async function inWorkers(files: FoundFile[], opts: RunOptions, script: string, sink: RunSink): Promise<FileOutcome[]> {
  const pool = await poolFor(script, opts.config);
  const { onProgress, cwd: _cwd, jobs, trace: _t, signal, isolate: _i, store, files: _f, statOf, cores, joinWith: _j, onOutcome: _o, ...engine } = opts;
  /** A file's size, 0 when it cannot be looked at (it is then reported when read); the run's stat when it took one. */
  const sizeOf = (path: string) => (statOf ?? statOrNone)(path)?.size ?? 0;
  pool.begin({ opts: engine });
  const printKey = printKeyOf(sink, store);
  const pending: Pending[] = files.map(() => ({ batches: [] }));
  let head = 0;
  let failed: unknown;
  // hands on what the file at the head has so far, at the sink's pace; moves on while files are complete
  const pumpOnce = async () => {
    // a long stretch of stored results lets the workers' messages in every few milliseconds: a
    // worker that finished is given its next file while the results before it are handed on
    let until = performance.now() + SLICE_MS;
    while (head < files.length) {
      const p = pending[head];
      materialize(p, printKey !== undefined);
      while (p.batches.length) {
        const { events, ack } = p.batches.shift()!;
        for (const e of events) deliver(sink, e);
        ack();
        const wait = sink.ready?.();
        if (wait) await wait;
      }
      if (performance.now() > until) { await new Promise(setImmediate); until = performance.now() + SLICE_MS; continue; }
      if (!p.outcome) return;
      fileDone(sink, p, files[head], store);
      head += 1;
      onProgress?.({ done: head, total: files.length });
    }
  };
  // one pump at a time; asked while one runs (it may be waiting for a slow sink), it runs again
  // after, and the caller waits for both: the last call returns only when all there is was handed on
  let running: Promise<void> | undefined;
  let again = false;
  const pump = (): Promise<void> => {
    if (running) { again = true; return running; }
    running = (async () => {
      try {
        do { again = false; await pumpOnce(); } while (again);
      } catch (err) {
        // the sink failed (a full disk under --queue): the workers stop too, or one waits forever for this batch's ack
        failed ??= err;
        pool.abort(err);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  // Ctrl-C stops the files being read now, not after them
  const offAbort = whenAborted(signal, () => pool.abort(signal!.reason));
  let big = false;
  // the files a worker reads: all but those that could not be opened and those the store answers for
  const work: number[] = [];
  const readable: number[] = [];
  for (const [i, f] of files.entries()) {
    if (f.problem) {
      const p = pending[i];
      p.outcome = failedFile(f, f.problem, opts, { finding: (x) => p.batches.push({ events: [['finding', x]], ack: () => {} }) });
    } else readable.push(i);
  }
  // every file's place is known (with a store, when its lookups are done); runners wait meanwhile for the next file
  let listed = !store;
  const waiters: Array<() => void> = [];
  const wake = () => { for (const w of waiters.splice(0)) w(); };
  if (!store) work.push(...readable);
  // the store first: each file it does not have goes to a worker as soon as its lookup says so, while its results are handed on
  const lookups = store && (async () => {
    for (const i of readable) {
      const answer = store.lookup(files[i]);
      const stored = answer instanceof Promise ? await answer : answer;
      if (stored) {
        pending[i].stored = stored;
        if (printKey !== undefined) pending[i].printed = store.printed!(files[i], printKey);
      }
      else { work.push(i); wake(); }
    }
    listed = true;
    wake();
    // while the head waits for a worker, the stored results after it are read ahead (in slices, at most PREFETCH files ahead)
    let ahead = 0;
    const prefetch = () => {
      if (failed !== undefined || signal?.aborted) return;
      const until = performance.now() + 8;
      // the clock looked at every 16 results (each is a few microseconds; the clock is one)
      while (ahead < files.length && ahead < head + PREFETCH && ((ahead & 15) !== 0 || performance.now() < until)) materialize(pending[ahead++], printKey !== undefined);
      if (ahead < files.length) setTimeout(prefetch, ahead < head + PREFETCH ? 0 : 5).unref();
    };
    // once the workers have their first files: the stored results before the first of them are handed on meanwhile
    setImmediate(() => { void pump(); prefetch(); });
  })();
  let next = 0;
  // with a store, or on few cores: the files given the workers (by the store's lookups, else all at once) and those done,
  // small ones by their bytes and larger ones by their number (a second worker when the rest is worth it)
  const worthBytes = moreWorkersBytes(cores ?? availableParallelism(), store !== undefined);
  const sized = worthBytes !== undefined;
  const sizes: number[] = [];
  let given = 0;
  let givenBytes = 0;
  let doneBytes = 0;
  let givenLarge = 0;
  let doneLarge = 0;
  let active = 0;
  /** Whether the files given and not done are worth a worker more: a large one, or small ones of worthBytes. */
  const worthMoreWorkers = () => {
    for (; given < work.length; given++) {
      const size = (sizes[work[given]] = sizeOf(files[work[given]].path));
      if (size < SMALL_BYTES) givenBytes += size;
      else givenLarge += 1;
    }
    return givenLarge > doneLarge || givenBytes - doneBytes >= worthBytes!;
  };
  /** Whether a runner that has not started yet should (on many cores without a store, each does at once; else a worker's pair, then as the work is worth it). */
  const worthAnother = () => !sized || active < DEPTH || worthMoreWorkers();
  /** A file's task: its events wait at the head of the line (and are kept for the store). */
  const taskFor = (i: number) => {
    const p = pending[i];
    const f = files[i];
    const task = {
      // what the file hands on, kept for the store; a file too big to keep stops being recorded
      recorded: store ? [] as WorkerEvent[] : undefined,
      id: i, path: f.path, display: f.display, small: (sizes[i] ??= sizeOf(f.path)) < SMALL_BYTES,
      handlers: {
        events(events: WorkerEvent[], ack: () => void) {
          if (task.recorded) { if (task.recorded.length + events.length > store!.maxEvents) task.recorded = undefined; else for (const e of events) task.recorded.push(e); }
          // a file ahead of the head keeps its worker going until it holds AHEAD batches
          if (i !== head && p.batches.length < AHEAD) { ack(); ack = () => {}; }
          p.batches.push({ events, ack });
          if (i === head) void pump();
        },
        progress: (fraction: number, sheet: string) => onProgress?.({ done: head, total: files.length, file: f.display, sheet, fraction }),
        soFar: (counts: SoFar) => { p.soFar = counts; },
      },
    };
    return task;
  };
  /** large files being read (at most one), and the runners waiting for it to end */
  let large = 0;
  const largeWaiters: Array<() => void> = [];
  const largeDone = () => { large--; for (const w of largeWaiters.splice(0)) w(); };
  const runOne = async (): Promise<void> => {
    let started = false;
    while (!signal?.aborted && failed === undefined) {
      if (next >= work.length || (!started && !worthAnother())) {
        if (listed && (next >= work.length || active > 0)) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
        continue;
      }
      if (!started) { started = true; active++; }
      // the file is chosen when a worker is free for it: none waits for a worker still starting while another is free
      let task: ReturnType<typeof taskFor> | undefined;
      let waitForLarge = false;
      let isLarge = false;
      const pick = () => {
        if (next >= work.length || signal?.aborted || failed !== undefined) return undefined;
        const i = work[next];
        isLarge = (sizes[i] ??= sizeOf(files[i].path)) >= LARGE_BYTES;
        // a large file while another is read: this runner waits for that one to end (its worker is set free meanwhile)
        if (isLarge && large > 0) { waitForLarge = true; return undefined; }
        if (isLarge) large++;
        next++;
        return (task = taskFor(i));
      };
      // never more workers than --jobs; with a store or on few cores, a worker more only when the work waiting is worth its start
      const grow = pool.workers < jobs && (!sized || worthMoreWorkers());
      const outcome = await pool.runNext(pick, { grow, queue: true, maxBusy: jobs }).finally(() => { if (task && isLarge) largeDone(); }).catch((err: unknown) => {
        // the file cost its worker (memory, time, a bug): one finding for it, the run goes on
        if (!(err instanceof UnreadableFileError)) throw err;
        // a worker that could not start fails the next file in its place (the next one tries again)
        if (!task) {
          task = pick();
          // failed in a worker's place, never read: another large file may start
          if (task && isLarge) largeDone();
        }
        if (!task) return undefined;
        // never kept: the next run tries the file again
        task.recorded = undefined;
        const p = pending[task.id];
        // the file keeps what its worker found before it was stopped: the findings it built (handed on
        // already) and those it only counted, as reference.md says (the run does not depend on the format)
        return { ...failedFile(files[task.id], err, opts, { finding: (x) => p.batches.push({ events: [['finding', x]], ack: () => {} }) }), ...p.soFar };
      });
      if (waitForLarge) {
        if (large > 0) await new Promise<void>((resolve) => largeWaiters.push(resolve));
        continue;
      }
      if (!task || !outcome) continue;
      const i = task.id;
      if ((sizes[i] ?? 0) < SMALL_BYTES) doneBytes += sizes[i] ?? 0;
      else doneLarge += 1;
      pending[i].outcome = outcome;
      if (task.recorded) {
        store!.keep(files[i], { events: task.recorded, outcome });
        if (printKey !== undefined) pending[i].tally = tallyOf(task.recorded);
      }
      if (outcome.summary.sheets.reduce((n, sh) => n + sh.rows, 0) >= BIG_FILE_ROWS) big = true;
      // the worker goes on to its next file while this one (and what follows it) is handed on
      if (i === head) void pump();
    }
  };
  try {
    await Promise.all([lookups, ...Array.from({ length: Math.max(1, Math.min(jobs * DEPTH, store ? readable.length : work.length)) }, runOne)]);
    // every file is read: workers that read a big one hold its heap (100 MB and more) while the
    // last files are handed on and their copies written; they go, and the next run starts new ones
    if (big) await pool.close();
    await pump();
  } catch (err) {
    failed ??= err;
  } finally {
    offAbort();
  }
  if (signal?.aborted) { await pool.close(); throw signal.reason; }
  if (failed !== undefined) { await pool.close(); throw failed; }
  return pending.map((p) => p.outcome!);
}

export type { Finding };
