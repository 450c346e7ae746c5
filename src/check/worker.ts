import { statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { statValues } from './stat-values.js';
import { STOP } from '../workbook/stop-worker.js';
import { ownBuffersOf, toWires, transferOf, type EventWire, type WirePart } from './event-wire.js';
import type { Finding } from '../rules/types.js';
import { checkFile, type EngineOptions, type FileOutcome, type SoFar } from './engine.js';

/** What a worker is told once per run: the run's options. */
export interface WorkerInit {
  opts: Omit<EngineOptions, 'onProgress' | 'trace' | 'signal'>;
}

/** A finding or a record, as it crosses from the worker to the main thread. */
export type WorkerEvent = ['finding', Finding] | ['record', string, unknown];

export type ToWorker =
  | { type: 'configure'; init: WorkerInit }
  | { type: 'task'; id: number; path: string; display: string }
  | { type: 'ack' }
  /** the file `id` sent behind another is not to be read here (another worker is free for it) */
  | { type: 'take-back'; id: number }
  /** while no file has come: read this workbook with the run's config and forget it (see warmUp) */
  | { type: 'warm-up'; path: string; config: EngineOptions['config'] }
  /** look at these files (src/check/stat-values.ts) */
  | { type: 'stat'; id: number; paths: string[] }
  /** end now (src/workbook/stop-worker.ts) */
  | typeof STOP;

export type FromWorker =
  | { type: 'ready' }
  /** a batch of findings and records (src/check/event-wire.ts) */
  | ({ type: 'events'; id: number } & ({ wire: EventWire } | { events: WorkerEvent[] }))
  | { type: 'progress'; id: number; fraction: number; sheet: string }
  | { type: 'done'; id: number; outcome: FileOutcome; events?: WorkerEvent[]; wire?: EventWire }
  /** the file's findings counted and not built so far (kept should the file be stopped part-way) */
  | ({ type: 'so-far'; id: number } & SoFar)
  | { type: 'error'; id: number; message: string }
  /** the answer to a take-back: ok, the file will not be read here; not ok, it was started already */
  | { type: 'taken-back'; id: number; ok: boolean }
  /** the answer to a stat: STAT_FIELDS numbers a path (src/check/stat-values.ts) */
  | { type: 'stats'; id: number; values: Float64Array };


/** Events go back in batches: one message per this many, not one per finding. */
const BATCH = 1000;
/** Batches sent and not yet handed on by the main thread before the worker waits (backpressure). */
const WINDOW = 4;
/**
 * How often (ms) a file's findings built and not sent yet, and those it only counted, go to the main
 * thread while it is read: a file stopped at its time limit or its heap cap keeps what was found before,
 * whether the report builds its findings or counts them (at most this much of its reading is lost).
 */
const SO_FAR_MS = 250;

let opts: WorkerInit['opts'] | undefined;
let unacked = 0;
let waiter: (() => void) | undefined;

function post(msg: FromWorker): void {
  const moved = [...('wire' in msg ? transferOf(msg) : []), ...(msg.type === 'done' ? ownBuffersOf(msg.outcome.contributions) : [])];
  parentPort!.postMessage(msg, moved.length ? moved : undefined);
}

async function check(task: Extract<ToWorker, { type: 'task' }>): Promise<void> {
  let events: WorkerEvent[] = [];
  /** Batches of events, each a message the main thread acknowledges. */
  const postEvents = (parts: Array<WirePart<WorkerEvent>>) => {
    for (const part of parts) { post({ type: 'events', id: task.id, ...part }); unacked += 1; }
  };
  const send = () => {
    if (!events.length) return;
    postEvents(toWires(events));
    events = [];
  };
  const push = (e: WorkerEvent) => { events.push(e); if (events.length >= BATCH) send(); };
  let last = 0;
  let told = Date.now();
  try {
    const outcome = await checkFile(task.path, task.display, {
      ...opts!,
      onProgress: (fraction, sheet) => {
        const now = Date.now();
        if (now - last > 200) { last = now; post({ type: 'progress', id: task.id, fraction, sheet }); }
      },
    }, {
      finding: (f) => push(['finding', f]),
      record: (kind, r) => push(['record', kind, r]),
      // between batches of rows: wait while the main thread is behind
      ready: () => (unacked >= WINDOW ? new Promise<void>((resolve) => { waiter = resolve; }) : undefined),
      // what was found so far goes now and then: the findings built and not sent yet, and those only counted
      soFar: (counts) => {
        const now = Date.now();
        if (now - told < SO_FAR_MS) return;
        told = now;
        send();
        const c = counts();
        if (c.skipped || Object.keys(c.counted).length) post({ type: 'so-far', id: task.id, ...c });
      },
    });
    // the last batch goes with the outcome: one message, not two (most small files have one batch); a batch in parts, its last part
    const parts = events.length ? toWires(events) : [];
    postEvents(parts.slice(0, -1));
    post({ type: 'done', id: task.id, outcome, ...parts.at(-1) });
    events = [];
  } catch (err) {
    post({ type: 'error', id: task.id, message: (err as Error).stack ?? String(err) });
  }
}

/** Stops the warm-up (a message came). */
let stopWarmUp: (() => void) | undefined;

/**
 * Reads `path` with the run's config and throws away what it finds: the code that reads and
 * checks a workbook is then compiled and optimised before the first file of the run comes. For
 * the worker started ahead of a re-check from a big cache (src/cli/warm-up.ts), which would
 * otherwise wait idle while the command reads its cache and then read the first changed files
 * cold, on the run's path. Any other message stops it (between sheets or batches of rows); nothing
 * it does is kept. Only a regular file of at most WARM_UP_MAX_BYTES: a pipe at that path would
 * never open, a big file would hold the first real one.
 */
async function warmUp(path: string, config: EngineOptions['config']): Promise<void> {
  let st;
  try { st = statSync(path); } catch { return; }
  if (!st.isFile() || st.size > WARM_UP_MAX_BYTES) return;
  const stop = new AbortController();
  stopWarmUp = () => stop.abort();
  try {
    // the run's config as the command resolved it: a config made here would be ~75 ms of the warm-up's time (its schemas)
    const opts = { config, lang: DEFAULT_LANG, now: new Date(), signal: stop.signal };
    // a few times over: once compiles the code, the next rounds make it hot (a changed export of 200 rows then takes 10–15 ms, not 25–95)
    for (let round = 0; round < WARM_UP_ROUNDS && !stop.signal.aborted; round++) await checkFile(path, path, opts, { finding() {}, record() {} });
  } catch {
    // stopped, or no such file: nothing to keep either way
  } finally {
    stopWarmUp = undefined;
  }
}

/** How many times the warm-up reads its workbook, at most (each ~10–40 ms; any message stops it). */
const WARM_UP_ROUNDS = 4;
/** The biggest workbook it reads (the SOP's orders example is 13 KB). */
const WARM_UP_MAX_BYTES = 64 * 1024;
/** A file is being read (the warm-up is asked for only while none is). */
let checking = false;

/** The files sent, read one after another: the pool sends the next while one is read. */
let reading: Promise<void> = Promise.resolve();
/** Files sent and not started yet: the pool may take one back for a worker that is free. */
const queued = new Set<number>();

parentPort?.on('message', (msg: ToWorker) => {
  // here, between two steps of the work, no zlib stream is half made: the one place a worker may end safely
  if (msg.type === STOP.type) process.exit(0);
  if (msg.type === 'warm-up') {
    if (!checking && !queued.size && !stopWarmUp) reading = reading.then(() => warmUp(msg.path, msg.config));
    return;
  }
  // at once, between two steps of whatever is being read (a warm-up goes on after)
  if (msg.type === 'stat') {
    const values = statValues(msg.paths);
    parentPort!.postMessage({ type: 'stats', id: msg.id, values } satisfies FromWorker, [values.buffer as ArrayBuffer]);
    return;
  }
  stopWarmUp?.();
  // the run's options come before its first file, after the last file of the run before
  if (msg.type === 'configure') reading = reading.then(() => { opts = msg.init.opts; unacked = 0; });
  else if (msg.type === 'ack') {
    unacked -= 1;
    if (unacked < WINDOW && waiter) { const w = waiter; waiter = undefined; w(); }
  } else if (msg.type === 'take-back') {
    post({ type: 'taken-back', id: msg.id, ok: queued.delete(msg.id) });
  } else if (msg.type === 'task') {
    queued.add(msg.id);
    reading = reading.then(async () => {
      if (!queued.delete(msg.id)) return;
      checking = true;
      try { await check(msg); } finally { checking = false; }
    });
  }
});
// the code is loaded: the pool gives this worker files from now on
parentPort?.postMessage({ type: 'ready' } satisfies FromWorker);
