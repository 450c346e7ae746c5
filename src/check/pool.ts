import { Worker } from 'node:worker_threads';
import { UnreadableFileError } from '../workbook/types.js';
import { stopWorker } from '../workbook/stop-worker.js';
import { fromWire } from './event-wire.js';
import { takeWorkerAhead } from './worker-ahead.js';
import type { EngineOptions, FileOutcome, SoFar } from './engine.js';
import type { FromWorker, ToWorker, WorkerEvent, WorkerInit } from './worker.js';

/** A file for a worker, and what receives what it reports. */
export interface Task {
  id: number; path: string; display: string; handlers: TaskHandlers;
  /** a small file: the next file may be sent to its worker while it is read (see runNext) */
  small?: boolean;
}

/** What a pool task reports while it runs: batches of findings and records, progress. */
export interface TaskHandlers {
  /** a batch of events; call `ack` when they are handed on (the worker waits for it) */
  events(events: WorkerEvent[], ack: () => void): void;
  progress?(fraction: number, sheet: string): void;
  /** what the file's findings only counted are so far (kept should the file be stopped part-way) */
  soFar?(counts: SoFar): void;
}

/** A file given to a worker: what receives its events, and its outcome. */
interface Given {
  settle(outcome: FileOutcome | undefined, err?: unknown): void;
  handlers: TaskHandlers;
  /** the message that gives it (sent again to another worker when this one ends before it started) */
  message: Extract<ToWorker, { type: 'task' }>;
  /** a small file: another may wait behind it in its worker */
  small: boolean;
}

interface Slot {
  worker: Worker;
  /** the file the worker is reading */
  busy?: Given;
  /** the next one, sent already: the worker starts it without waiting for this thread (see runNext) */
  next?: Given;
  /** the time limit of the file being read */
  timer?: NodeJS.Timeout;
  /** a caller took it to send a next file (see acquire): no other does meanwhile */
  reserved?: boolean;
  /** the free worker its `next` is being taken back for (see takeBack) */
  takingBack?: Slot;
  runId?: number;
  /** the worker has loaded its code and can take a file at once */
  ready?: boolean;
  /** the pool has let it go (closed, or stopped at Ctrl-C): a message it had already sent changes nothing */
  gone?: boolean;
  /** why the pool stopped this worker (a time limit), to say so instead of "it exited": what it sends after is not heard */
  stopped?: UnreadableFileError;
  /** stats asked of it and not answered yet: it holds the process until they are */
  statting: number;
}

/** The heap and the time one file may take (config `limits`). */
export interface PoolLimits {
  heapMB: number;
  seconds: number;
}

/**
 * Worker threads that check files, each file in a worker with a heap cap and a time limit: a file
 * that exhausts memory, takes too long or trips a bug in ecsop costs that worker, which is
 * replaced, and becomes one finding for that file. Workers are started once and reused for every
 * file of a run (and of later runs in the same process), and the run's options are sent once per
 * run, so a thousand small files do not pay a thousand start-ups.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  /** callers waiting for a worker: served by the first that is started or set free */
  private readonly waiting: Array<{ resolve(slot: Slot): void; reject(err: unknown): void }> = [];
  private runs = 0;
  private current: { id: number; init: WorkerInit } | undefined;
  /** the run's --jobs: a file is taken back for a free worker only while fewer read */
  private maxBusy = Infinity;
  /** Workers being ended (Ctrl-C, a file's time limit): close() waits for them, so a process that exits after never tears one down */
  private readonly ending = new Set<Promise<unknown>>();
  /** workers started since the pool was made */
  started = 0;
  /** stat requests sent */
  private stats = 0;

  constructor(private readonly script: string, private readonly size: number, readonly limits: PoolLimits) {}

  /** Workers started or starting now. */
  get workers(): number {
    return this.slots.length;
  }

  /** Starts a run: the options every task of it uses. */
  begin(init: WorkerInit): void {
    this.current = { id: ++this.runs, init };
  }

  /**
   * Each path's `stat` (statValues), looked at by a worker that reads no file of a run (loaded or
   * still loading its code): undefined when none is free so (the caller looks itself), or when it
   * ends first.
   */
  statFiles(paths: string[]): Promise<Float64Array | undefined> | undefined {
    const slot = this.freeSlot();
    if (!slot) return undefined;
    const id = ++this.stats;
    return new Promise((resolve) => {
      const done = (values: Float64Array | undefined) => {
        slot.worker.off('message', onMessage);
        slot.worker.off('exit', onExit);
        slot.statting -= 1;
        // an idle worker never keeps the process alive (one given a file meanwhile is its run's)
        if (!slot.busy && !slot.statting) slot.worker.unref();
        resolve(values);
      };
      const onMessage = (msg: FromWorker) => { if (msg.type === 'stats' && msg.id === id) done(msg.values); };
      const onExit = () => done(undefined);
      slot.worker.on('message', onMessage);
      slot.worker.on('exit', onExit);
      // the process waits for the answer (its `ready`, if it comes meanwhile, leaves it referenced)
      slot.statting += 1;
      slot.worker.ref();
      slot.worker.postMessage({ type: 'stat', id, paths } satisfies ToWorker);
    });
  }

  /**
   * Asks a worker that reads no file (loaded, or still loading its code) to read `path` and forget it
   * while no file comes (`warmUp` in worker.ts): the code that checks a workbook is then hot for the
   * first one.
   */
  warmUp(path: string, config: EngineOptions['config']): void {
    this.freeSlot()?.worker.postMessage({ type: 'warm-up', path, config } satisfies ToWorker);
  }

  /**
   * A worker that reads no file of a run, to be asked something besides files. One still loading its
   * code will do: it answers as soon as it has (this thread, busy finding the files, may not have
   * taken its `ready` yet; it then took a drive's 10,000 stats itself, ~60 ms).
   */
  private freeSlot(): Slot | undefined {
    return this.slots.find((s) => !s.busy && !s.gone && !s.stopped);
  }

  /**
   * Starts up to `n` workers now, before their first task: a worker's start-up (compiling the
   * bundle, building its indexes) then overlaps the caller's own (finding files, reading a cache).
   */
  warm(n: number): void {
    while (this.slots.length < Math.min(n, this.size)) this.spawn();
  }

  private spawn(): Slot {
    this.started++;
    // the worker bin/ecsop.js started before the command loaded, when it is one of this pool's
    const ahead = takeWorkerAhead(this.script, this.limits.heapMB);
    const worker = ahead?.worker ?? new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMB } });
    const slot: Slot = { worker, statting: 0 };
    worker.on('message', (msg: FromWorker) => {
      // a worker being terminated may still deliver a message it sent before: it must not be
      // unreferenced then (the process would end before it has, exit 13) nor handed to anyone
      // a worker stopped at its file's time limit: that file is the one blamed, whatever it still says
      if (slot.gone || slot.stopped) return;
      if (msg.type === 'taken-back') { this.tookBack(slot, msg.id, msg.ok); return; }
      if (msg.type === 'ready') { slot.ready = true; if (!slot.statting) slot.worker.unref(); this.release(slot); return; }
      const busy = slot.busy;
      if (!busy) return;
      if (msg.type === 'events') busy.handlers.events(fromWire(msg)!, () => worker.postMessage({ type: 'ack' } satisfies ToWorker));
      else if (msg.type === 'progress') busy.handlers.progress?.(msg.fraction, msg.sheet);
      else if (msg.type === 'so-far') busy.handlers.soFar?.({ counted: msg.counted, ...(msg.skipped ? { skipped: msg.skipped } : {}) });
      else if (msg.type === 'done') {
        // the file's last events come with its outcome; the worker waits for no ack of them
        const events = fromWire(msg);
        if (events) busy.handlers.events(events, () => {});
        this.finished(slot);
        busy.settle(msg.outcome);
      }
      else if (msg.type === 'error') { this.finished(slot); busy.settle(undefined, new UnreadableFileError('internal', { detail: msg.message.split('\n')[0].slice(0, 200) })); }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const out = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnreadableFileError('memory', { limit: this.limits.heapMB }, 'file/too-large') : new UnreadableFileError('internal', { detail: err.message.split('\n')[0] });
      this.fail(slot, out);
    });
    worker.on('exit', (code) => this.fail(slot, slot.stopped ?? new UnreadableFileError('internal', { detail: `worker exited with code ${code}` })));
    // after the listeners (a 'message' listener holds the process open again): an idle worker, one
    // started ahead of its first task included, never keeps the process alive
    worker.unref();
    this.slots.push(slot);
    if (ahead) {
      ahead.detach();
      // its `ready` came before these listeners: it is free now
      if (ahead.ready) { slot.ready = true; this.release(slot); }
    }
    return slot;
  }

  /**
   * The worker's file is done: the next one sent to it is now the one it reads (its time limit
   * starts), or the worker is free.
   */
  private finished(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.busy = slot.next;
    slot.next = undefined;
    if (slot.busy) this.startLimit(slot);
    else {
      slot.worker.unref();
      // taken already by a caller sending it a file: it is that caller's
      if (!slot.reserved) this.release(slot);
    }
  }

  /** The file a worker reads has `limits.seconds`: past it, the worker is stopped and the file becomes a finding. */
  private startLimit(slot: Slot): void {
    slot.timer = setTimeout(() => {
      slot.stopped = new UnreadableFileError('timeout', { limit: this.limits.seconds }, 'file/timeout');
      // asked first: a slow file's worker still takes turns, and one torn down mid-inflate took the process with it
      this.end(stopWorker(slot.worker));
    }, this.limits.seconds * 1000);
  }

  /** A worker that died takes its task with it; the pool starts another for the next task. */
  private fail(slot: Slot, err: UnreadableFileError): void {
    // let go by the pool (Ctrl-C, close): its files were settled then, and nothing is started in its place
    if (slot.gone) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const j = this.idle.indexOf(slot);
    if (j >= 0) this.idle.splice(j, 1);
    clearTimeout(slot.timer);
    const busy = slot.busy;
    const next = slot.next;
    slot.busy = undefined;
    slot.next = undefined;
    busy?.settle(undefined, err);
    // the free worker that was to take its next file back is free again, and takes it now
    this.forgetTakeBack(slot);
    // the file waiting behind it was never started: another worker reads it
    if (next) this.regive(next);
    // a worker that could not even start: the first caller waiting for one is told (its file becomes the finding, and the next tries again)
    if (!slot.ready && !busy) { this.waiting.shift()?.reject(err); return; }
    // someone waiting for a worker gets a new one in its place (when it has started)
    this.startForWaiting();
  }

  /**
   * One more worker when those starting now would not serve every caller waiting (a single file
   * never starts a second); while someone waits for them, the workers starting keep the process alive.
   */
  private startForWaiting(grow = true): void {
    const starting = this.slots.filter((s) => !s.ready).length;
    if (grow && this.slots.length < this.size && starting < this.waiting.length) this.spawn();
    if (this.waiting.length) for (const s of this.slots) if (!s.ready) s.worker.ref();
  }

  /**
   * A worker set free (its file done, or just started): the first caller waiting takes it, unless
   * --jobs files are read already (a worker of a pool kept from a run before may become ready while
   * another reads); it then stays free, and the caller is served by the next worker whose file is done.
   */
  private release(slot: Slot): void {
    if (this.waiting.length && this.reading() < this.maxBusy) { slot.reserved = true; this.waiting.shift()!.resolve(slot); }
    else if (!this.takeBack(slot)) this.idle.push(slot);
  }

  /** Workers reading a file, or taken by a caller to be sent one. */
  private reading(): number {
    return this.slots.filter((s) => s.busy || s.reserved).length;
  }

  /** A file that has lost its worker, given to the first free (a new one if none), while fewer than --jobs read. */
  private regive(given: Given): void {
    void this.acquire(true, false, this.maxBusy).then((other) => this.give(other, given), (e: unknown) => given.settle(undefined, e));
  }

  /**
   * A worker set free while a file waits behind another worker's (which may be slow: size does
   * not say how long a file takes) asks for that file back; it is reserved until the answer.
   * Not while --jobs files are read already.
   */
  private takeBack(free: Slot): boolean {
    if (this.reading() >= this.maxBusy) return false;
    const from = this.slots.find((s) => s !== free && s.next && !s.takingBack && !s.gone && !s.stopped);
    if (!from) return false;
    free.reserved = true;
    from.takingBack = free;
    from.worker.postMessage({ type: 'take-back', id: from.next!.message.id } satisfies ToWorker);
    return true;
  }

  /** The answer to a take-back: the file goes to the free worker, or (it was started) the free worker is free again. */
  private tookBack(from: Slot, id: number, ok: boolean): void {
    const to = from.takingBack;
    from.takingBack = undefined;
    if (!to) return;
    const given = ok && from.next?.message.id === id ? from.next : undefined;
    if (given) from.next = undefined;
    const alive = !to.gone && this.slots.includes(to);
    if (given && alive) this.give(to, given);
    else {
      if (given) this.regive(given);
      if (alive) { to.reserved = false; this.release(to); }
    }
  }

  /** A worker that will not answer a take-back (it ended): the worker waiting for the answer is free again. */
  private forgetTakeBack(from: Slot): void {
    const to = from.takingBack;
    from.takingBack = undefined;
    if (to && !to.gone && this.slots.includes(to)) { to.reserved = false; this.release(to); }
  }

  /**
   * A worker that has started and is free. One more is started when the pool is not full, and
   * the caller takes whichever comes first — that one, or a busy one set free: a few files are
   * never held back for a worker still starting while another could check them sooner.
   */
  private async acquire(grow: boolean, queue = false, maxBusy = Infinity): Promise<Slot> {
    // a free worker, unless `maxBusy` are reading already (--jobs): the file may then only wait behind one
    if (this.reading() < maxBusy) {
      const slot = this.idle.pop();
      if (slot) { slot.reserved = true; return slot; }
    }
    // a worker reading a small file takes the next one now, to start it as soon as it is done
    if (queue) {
      const behind = this.slots.find((s) => s.ready && !s.gone && s.busy?.small && !s.next && !s.reserved);
      if (behind) { behind.reserved = true; return behind; }
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // a caller that may not grow the pool still gets its first worker, and is waited for (the workers starting hold the process)
      this.startForWaiting(grow || !this.slots.length);
    });
  }

  /** Sends the worker a file: read at once when it is free, else after the one it reads. */
  private give(slot: Slot, given: Given): void {
    if (slot.runId !== this.current!.id) {
      slot.worker.postMessage({ type: 'configure', init: this.current!.init } satisfies ToWorker);
      slot.runId = this.current!.id;
    }
    slot.reserved = false;
    // a busy worker keeps the process alive; an idle one does not (the pool outlives runs)
    slot.worker.ref();
    if (slot.busy) slot.next = given;
    else { slot.busy = given; this.startLimit(slot); }
    slot.worker.postMessage(given.message);
  }

  /**
   * Checks the file `pick` names in the first worker free (`pick` is asked then; undefined: no
   * file is left, and the worker stays free). Its events arrive through the task's `handlers`.
   * Resolves with the outcome (undefined when nothing was picked), or rejects with the
   * UnreadableFileError the file becomes (memory, time, a bug, a worker that could not start).
   * `queue`: the file may be sent to a worker reading a small file, to be read next (a worker
   * that ends before it starts it hands it to another); `grow: false`: no worker more is started
   * for it while the pool has one; `maxBusy`: a free worker is taken only while fewer read (--jobs).
   */
  async runNext(pick: () => Task | undefined, how: { grow?: boolean; queue?: boolean; maxBusy?: number } = {}): Promise<FileOutcome | undefined> {
    const grow = how.grow ?? true;
    this.maxBusy = how.maxBusy ?? Infinity;
    let slot = await this.acquire(grow, how.queue, how.maxBusy);
    // a worker that ended between being set free and now (it was handed on, then exited) takes no
    // task: one posted to it would never be answered, and the file would wait out its time limit
    while (slot.gone || !this.slots.includes(slot)) slot = await this.acquire(grow, how.queue, how.maxBusy);
    const task = pick();
    if (!task) { slot.reserved = false; if (!slot.busy) this.release(slot); return undefined; }
    const { id, path, display, handlers } = task;
    return new Promise<FileOutcome>((resolve, reject) => {
      this.give(slot, {
        handlers, small: task.small ?? false,
        message: { type: 'task', id, path, display },
        settle: (outcome, err) => {
          if (err) reject(err);
          else resolve(outcome!);
        },
      });
    });
  }

  /**
   * Stops the tasks running now (Ctrl-C): their workers are terminated at once and each task
   * rejects with `reason`; idle workers stay for later runs.
   */
  abort(reason: unknown): void {
    // callers waiting for a worker stop too (none is started for them)
    for (const w of this.waiting.splice(0)) w.reject(reason);
    const waitingForAnswer: Slot[] = [];
    for (const slot of [...this.slots]) {
      const { busy, next, takingBack } = slot;
      if (!busy) continue;
      slot.busy = undefined;
      slot.next = undefined;
      slot.takingBack = undefined;
      if (takingBack) waitingForAnswer.push(takingBack);
      clearTimeout(slot.timer);
      slot.gone = true;
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.end(stopWorker(slot.worker));
      busy.settle(undefined, reason);
      next?.settle(undefined, reason);
    }
    // a free worker that asked one of them for its next file stays, free, for later runs
    for (const s of waitingForAnswer) if (!s.gone && this.slots.includes(s)) { s.reserved = false; this.idle.push(s); }
  }

  /** Stops every worker (the pool can be used again: new ones start). */
  async close(): Promise<void> {
    const all = this.slots.splice(0);
    this.idle.length = 0;
    // each holds the process until it has ended: an idle (unreferenced) worker's end would otherwise
    // be awaited with nothing keeping the process alive (it exited 13, a run cut short by `| head`)
    for (const s of all) { s.busy = undefined; s.next = undefined; s.takingBack = undefined; clearTimeout(s.timer); s.gone = true; s.worker.ref(); }
    await Promise.all([...all.map((s) => stopWorker(s.worker)), ...this.ending]);
  }

  /** Keeps a worker's ending until it is done (close() awaits it). */
  private end(ending: Promise<unknown>): void {
    const kept = ending.catch(() => {}).finally(() => this.ending.delete(kept));
    this.ending.add(kept);
  }
}
