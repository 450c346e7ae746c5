import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FileOutcome } from './engine.js';
import type { FromWorker, ToWorker, WorkerEvent, WorkerInit } from './worker.js';

/** What a pool task reports while it runs: batches of findings and records, progress. */
export interface TaskHandlers {
  /** a batch of events; call `ack` when they are handed on (the worker waits for it) */
  events(events: WorkerEvent[], ack: () => void): void;
  progress?(fraction: number, sheet: string): void;
}

interface Slot {
  worker: Worker;
  busy?: { resolve(o: FileOutcome): void; reject(e: Error): void; handlers: TaskHandlers };
  runId?: number;
}

/**
 * Worker threads that check files, started once and reused for every file of a run (and of later
 * runs in the same process), so a thousand small files do not pay a thousand start-ups. The run's
 * options are sent once per run, not with each file.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private runs = 0;
  private current: { id: number; init: WorkerInit } | undefined;

  constructor(private readonly script: string, private readonly size: number, private readonly limits?: ResourceLimits) {}

  /** Starts a run: the options every task of it uses. */
  begin(init: WorkerInit): void {
    this.current = { id: ++this.runs, init };
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { resourceLimits: this.limits });
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (msg: FromWorker) => {
      const busy = slot.busy;
      if (!busy) return;
      if (msg.type === 'events') busy.handlers.events(msg.events, () => worker.postMessage({ type: 'ack' } satisfies ToWorker));
      else if (msg.type === 'progress') busy.handlers.progress?.(msg.fraction, msg.sheet);
      else if (msg.type === 'done') { slot.busy = undefined; this.release(slot); busy.resolve(msg.outcome); }
      else if (msg.type === 'error') { slot.busy = undefined; this.release(slot); busy.reject(new Error(msg.message)); }
    });
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => this.fail(slot, new Error(`worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  /** A worker that died takes its task with it; the pool replaces it on the next task. */
  private fail(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const j = this.idle.indexOf(slot);
    if (j >= 0) this.idle.splice(j, 1);
    const busy = slot.busy;
    slot.busy = undefined;
    busy?.reject(err);
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private async acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return slot;
    if (this.slots.length < this.size) return this.spawn();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Checks one file in a worker; its events arrive through `handlers` as it runs. */
  async run(id: number, path: string, display: string, handlers: TaskHandlers): Promise<FileOutcome> {
    const run = this.current!;
    const slot = await this.acquire();
    if (slot.runId !== run.id) {
      slot.worker.postMessage({ type: 'configure', init: run.init } satisfies ToWorker);
      slot.runId = run.id;
    }
    // a busy worker keeps the process alive; an idle one does not (the pool outlives runs)
    slot.worker.ref();
    const done = (o: () => void) => { slot.worker.unref(); o(); };
    return new Promise<FileOutcome>((resolve, reject) => {
      slot.busy = { resolve: (v) => done(() => resolve(v)), reject: (e) => done(() => reject(e)), handlers };
      slot.worker.postMessage({ type: 'task', id, path, display } satisfies ToWorker);
    });
  }

  /** Stops every worker (the pool can be used again: new ones start). */
  async close(): Promise<void> {
    const all = this.slots.splice(0);
    this.idle.length = 0;
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
