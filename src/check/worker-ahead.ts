import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_WORKER_HEAP_MB } from '../config/worker-heap.js';
import { stopWorker } from '../workbook/stop-worker.js';

/**
 * The V8 setting the command and its workers run with. Rows stream through in batches; V8's
 * allocation-site pretenuring takes a batch still being checked for long-lived data and from then
 * on allocates every row in the old generation, where each must be collected by a full
 * mark-compact: on a million-row orders sheet that is ~1 s of 5 and 120 MB of peak memory. Turning
 * it off before any row is read is safe (it only stops that decision). Set before the CLI's bundle
 * is loaded (its code cache is made with it, scripts/build.mjs) rather than in the shebang, which
 * would need `env -S` (not in every `env`, e.g. BusyBox).
 */
export function tuneV8(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

/** A worker started before the command has loaded, until the pool takes it. */
export interface WorkerAhead {
  worker: Worker;
  /** the script it runs, and its heap cap: the pool takes it only when both are its own */
  script: string;
  heapMB: number;
  /** it has loaded its code (its `ready` came before the pool listened) */
  ready: boolean;
  /** it ended before it was taken */
  gone: boolean;
  /** takes away the listeners it was started with (the pool puts its own first) */
  detach(): void;
}

const AHEAD = Symbol.for('ecsop.worker-ahead');
type Holder = { [AHEAD]?: WorkerAhead };

/**
 * Starts one worker of the pool at once, before the command's code is loaded: its start-up
 * (a quarter of a second of a core: its code, its indexes) then overlaps the command's own
 * loading, reading its config and finding the files, instead of following it. With the default
 * heap cap; a config that sets another makes the pool end it and start its own.
 */
export function startWorkerAhead(script: URL): void {
  if ((globalThis as Holder)[AHEAD]) return;
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: DEFAULT_WORKER_HEAP_MB } });
  const onMessage = (msg: { type?: string }) => { if (msg?.type === 'ready') ahead.ready = true; };
  const onEnd = () => { ahead.gone = true; };
  const ahead: WorkerAhead = {
    worker, script: fileURLToPath(script), heapMB: DEFAULT_WORKER_HEAP_MB, ready: false, gone: false,
    detach: () => { worker.off('message', onMessage); worker.off('error', onEnd); worker.off('exit', onEnd); },
  };
  worker.on('message', onMessage);
  worker.on('error', onEnd);
  worker.on('exit', onEnd);
  // a command that never checks a file (a usage error, --help) ends as if it had not been started
  worker.unref();
  (globalThis as Holder)[AHEAD] = ahead;
}

/**
 * The worker started ahead, for the pool that runs `script` with `heapMB`: taken once. One that
 * ended, or was made for another script or heap cap, is let go (undefined: the pool starts its own).
 */
export function takeWorkerAhead(script: string, heapMB: number): WorkerAhead | undefined {
  const ahead = (globalThis as Holder)[AHEAD];
  if (!ahead) return undefined;
  delete (globalThis as Holder)[AHEAD];
  if (!ahead.gone && ahead.script === script && ahead.heapMB === heapMB) return ahead;
  ahead.detach();
  if (!ahead.gone) void stopWorker(ahead.worker);
  return undefined;
}
