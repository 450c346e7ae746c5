import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, type Task } from '../../src/check/pool.js';
import type { FileOutcome } from '../../src/check/engine.js';
import { UnreadableFileError } from '../../src/workbook/types.js';
import { tempDir } from '../helpers/cli.js';

/**
 * A worker of the pool's protocol that reads nothing: a file named `slow` is never answered (its
 * time limit ends it), `crash` ends the worker, `wait-N` takes N ms, `block-N` N ms without
 * hearing a message; each answer says which worker
 * (thread) read the file and the files it was sent while reading another.
 */
function fakeWorker(how: { laterReadyAfter?: number } = {}): string {
  const dir = tempDir('pool-');
  const path = join(dir, 'worker.mjs');
  writeFileSync(path, `
    import { parentPort, threadId } from 'node:worker_threads';
    import { openSync, writeFileSync } from 'node:fs';
    let reading = Promise.resolve();
    const queued = new Set();
    let busy = false;
    let sentWhileBusy = 0;
    const read = (msg) => new Promise((resolve) => {
      busy = true;
      const start = Date.now();
      const done = () => { busy = false; parentPort.postMessage({ type: 'done', id: msg.id, outcome: { summary: { path: msg.path, status: 'ok', sheets: [] }, contributions: [], counted: {}, thread: threadId, sentWhileBusy, start, end: Date.now() } }); resolve(); };
      if (msg.path === 'slow') return;
      if (msg.path === 'crash') process.exit(3);
      if (msg.path.startsWith('crash-')) return void setTimeout(() => process.exit(3), Number(msg.path.split('-')[1]));
      // one long synchronous step: a message (stop) is not heard until it ends
      // (it says so first in a file beside it: a test stops it only once it is in the step)
      if (msg.path.startsWith('block-')) { writeFileSync(${JSON.stringify(join(dir, 'blocking'))}, ''); const end = Date.now() + Number(msg.path.split('-')[1]); while (Date.now() < end); }
      setTimeout(done, Number(msg.path.split('-')[1] ?? 5));
    });
    parentPort.on('message', (msg) => {
      if (msg.type === 'stop') process.exit(0);
      if (msg.type === 'take-back') return parentPort.postMessage({ type: 'taken-back', id: msg.id, ok: queued.delete(msg.id) });
      if (msg.type !== 'task') return;
      if (busy) sentWhileBusy++;
      queued.add(msg.id);
      reading = reading.then(() => (queued.delete(msg.id) ? read(msg) : undefined));
    });
    // laterReadyAfter: the first worker is ready at once, every later one only after that many ms
    let later = 0;
    try { openSync(${JSON.stringify(join(dir, 'first'))}, 'wx'); } catch { later = ${how.laterReadyAfter ?? 0}; }
    setTimeout(() => parentPort.postMessage({ type: 'ready' }), later);
  `);
  return path;
}

type Seen = FileOutcome & { thread: number; sentWhileBusy: number; start: number; end: number };

let pool: WorkerPool | undefined;
afterEach(async () => { await pool?.close(); pool = undefined; });

/** Runs `paths` through the pool with `runners` callers, as the run does; each file's outcome or error, by path. */
async function runAll(p: WorkerPool, paths: string[], runners: number, how: { grow?: boolean; queue?: boolean; small?: boolean | ((path: string) => boolean); maxBusy?: number } = {}): Promise<Map<string, Seen | string>> {
  p.begin({ opts: {} as never });
  const result = new Map<string, Seen | string>();
  let next = 0;
  const handlers = { events: (_e: unknown, ack: () => void) => ack() };
  const one = async () => {
    for (;;) {
      let task: Task | undefined;
      const pick = () => (next < paths.length ? (task = { id: next, path: paths[next++], display: '', handlers, small: typeof how.small === 'function' ? how.small(paths[next - 1]) : how.small ?? true }) : undefined);
      const out = await p.runNext(pick, how).catch((err: unknown) => (err instanceof UnreadableFileError ? err.reason : String(err)));
      if (!task) return;
      result.set(task.path, out as Seen | string);
    }
  };
  await Promise.all(Array.from({ length: runners }, one));
  return result;
}

describe('the pool sends a worker its next file while it reads a small one', () => {
  it('a worker is sent the next file while it reads a small one, and reads them one after another', async () => {
    pool = new WorkerPool(fakeWorker(), 1, { heapMB: 256, seconds: 30 });
    const paths = Array.from({ length: 12 }, (_, i) => `wait-${10 + i}`);
    const seen = await runAll(pool, paths, 2, { queue: true });
    expect([...seen.keys()].sort()).toEqual([...paths].sort());
    const outcomes = [...seen.values()] as Seen[];
    // one worker read them all, and it was sent files while it read others
    expect(new Set(outcomes.map((o) => o.thread)).size).toBe(1);
    expect(Math.max(...outcomes.map((o) => o.sentWhileBusy))).toBeGreaterThan(0);
  });

  it('never behind a file that is not small, nor when the caller does not ask', async () => {
    pool = new WorkerPool(fakeWorker(), 1, { heapMB: 256, seconds: 30 });
    const big = await runAll(pool, ['wait-20', 'wait-20', 'wait-20', 'wait-20'], 2, { queue: true, small: false });
    expect(Math.max(...([...big.values()] as Seen[]).map((o) => o.sentWhileBusy))).toBe(0);
    const unasked = await runAll(pool, ['wait-20', 'wait-20', 'wait-20', 'wait-20'], 2);
    expect(Math.max(...([...unasked.values()] as Seen[]).map((o) => o.sentWhileBusy))).toBe(0);
  });

  it('a file waiting behind one that ends its worker is read by another, and each file gets its own answer', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 30 });
    const paths = ['wait-30', 'crash', 'wait-5', 'wait-5', 'crash', 'wait-5', 'wait-5', 'wait-5'];
    const seen = await runAll(pool, paths, 4, { queue: true });
    expect(seen.size).toBe(new Set(paths).size);
    expect(seen.get('crash')).toBe('internal');
    for (const p of ['wait-30', 'wait-5']) expect((seen.get(p) as Seen).summary.path).toBe(p);
  });

  it('the file sent behind one that ends its worker is read by another worker, with its own answer', async () => {
    pool = new WorkerPool(fakeWorker(), 1, { heapMB: 256, seconds: 30 });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const task = (id: number, path: string) => () => ({ id, path, display: '', handlers, small: true });
    const first = pool.runNext(task(1, 'crash-300'), { queue: true }).catch((err: UnreadableFileError) => err.reason);
    await new Promise((r) => setTimeout(r, 200));
    // the worker reads the first: the second is sent behind it
    const second = pool.runNext(task(2, 'wait-5'), { queue: true });
    expect(await first).toBe('internal');
    expect(((await second) as Seen).summary.path).toBe('wait-5');
  });

  it('two callers at once never both send a worker its next file: each file gets its own answer', async () => {
    pool = new WorkerPool(fakeWorker(), 1, { heapMB: 256, seconds: 30 });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const task = (id: number, path: string) => () => ({ id, path, display: '', handlers, small: true });
    const first = pool.runNext(task(1, 'wait-300'), { queue: true });
    await new Promise((r) => setTimeout(r, 200));
    const [a, b] = await Promise.all([pool.runNext(task(2, 'wait-5-a'), { queue: true }), pool.runNext(task(3, 'wait-5-b'), { queue: true })]);
    expect([((await first) as Seen).summary.path, (a as Seen).summary.path, (b as Seen).summary.path]).toEqual(['wait-300', 'wait-5-a', 'wait-5-b']);
  });

  it('a file past its time limit becomes a timeout; the file sent behind it is read by another worker', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 1 });
    const seen = await runAll(pool, ['slow', 'wait-5', 'wait-6', 'wait-7'], 2, { queue: true });
    expect(seen.get('slow')).toBe('timeout');
    for (const p of ['wait-5', 'wait-6', 'wait-7']) expect((seen.get(p) as Seen).summary.path).toBe(p);
  });

  it('stopped (Ctrl-C): the file being read and the one sent behind it both end with the reason', async () => {
    pool = new WorkerPool(fakeWorker(), 1, { heapMB: 256, seconds: 30 });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const first = pool.runNext(() => ({ id: 1, path: 'wait-500', display: '', handlers, small: true }), { queue: true });
    // the first is being read (its worker started): the second goes behind it
    await new Promise((r) => setTimeout(r, 400));
    const second = pool.runNext(() => ({ id: 2, path: 'wait-5', display: '', handlers, small: true }), { queue: true });
    await new Promise((r) => setTimeout(r, 20));
    pool.abort(new Error('stopped'));
    await expect(first).rejects.toThrow('stopped');
    await expect(second).rejects.toThrow('stopped');
  });

  it('stopped (Ctrl-C) in a long step: the pool\'s close waits until that worker has ended, so a process that exits after never tears one down', async () => {
    const script = fakeWorker();
    pool = new WorkerPool(script, 1, { heapMB: 256, seconds: 30 });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const reading = pool.runNext(() => ({ id: 1, path: 'block-3000', display: '', handlers, small: true }), { queue: true });
    // stopped once the worker is in its long step (under CI's load a worker took over 300 ms to get there,
    // and one stopped before it heard its stop at once)
    const blocking = join(dirname(script), 'blocking');
    for (const until = Date.now() + 20_000; !existsSync(blocking) && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(blocking)).toBe(true);
    // the grace starts at the stop: counted from there (a loaded machine may take a while to settle the file)
    // (on the monotonic clock the grace is counted on: the wall clock of a virtual machine may be set meanwhile)
    const started = performance.now();
    pool.abort(new Error('stopped'));
    await expect(reading).rejects.toThrow('stopped');
    await pool.close();
    // the worker does not hear its stop: it is terminated after the grace (150 ms), and close waited for it
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('a file waiting behind a slow small file is taken back by a worker that is free, and read there at once', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 30 });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const task = (id: number, path: string) => () => ({ id, path, display: '', handlers, small: path === 'wait-1500' });
    // both workers started and free
    await runAll(pool, ['wait-50', 'wait-50'], 2);
    pool.begin({ opts: {} as never });
    const slow = pool.runNext(task(1, 'wait-1500'), { queue: true });
    const quick = pool.runNext(task(2, 'wait-20'), { queue: true });
    await new Promise((r) => setTimeout(r, 5));
    // both workers read; the third file waits behind the slow one (the only small file)
    const behind = pool.runNext(task(3, 'wait-10'), { queue: true });
    const third = (await behind) as Seen;
    const first = (await slow) as Seen;
    // it never waited for the slow file: read by the worker that was free, long before the slow one ended
    expect(third.thread).not.toBe(first.thread);
    expect(third.end).toBeLessThan(first.end - 1000);
    expect(((await quick) as Seen).summary.path).toBe('wait-20');
  });

  it('a file waiting behind a file that never ends is read by the free worker, not at the time limit', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 3 });
    const started = Date.now();
    // only the file that never ends is small: the others can wait behind it alone
    const seen = await runAll(pool, ['slow', 'wait-5', 'wait-6', 'wait-7', 'wait-8'], 3, { queue: true, small: (p) => p === 'slow' });
    expect(seen.get('slow')).toBe('timeout');
    const others = ['wait-5', 'wait-6', 'wait-7', 'wait-8'].map((p) => seen.get(p) as Seen);
    for (const o of others) expect(o.end - started, o.summary.path).toBeLessThan(2000);
  });

  it('Ctrl-C while callers wait for a worker: they stop too, and no worker is started in the place of the one stopped', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 30 });
    // one worker started and free (however long a loaded machine takes to start it)
    await runAll(pool, ['wait-5'], 1, { grow: false });
    pool.begin({ opts: {} as never });
    const handlers = { events: (_e: unknown, ack: () => void) => ack() };
    const first = pool.runNext(() => ({ id: 1, path: 'wait-2000', display: '', handlers, small: false }), { queue: true, grow: false });
    await new Promise((r) => setTimeout(r, 100));
    // the one worker reads a file that is not small: the next caller waits for it
    const waiting = pool.runNext(() => ({ id: 2, path: 'wait-5', display: '', handlers, small: true }), { queue: true, grow: false });
    const before = pool.started;
    pool.abort(new Error('stopped'));
    await expect(first).rejects.toThrow('stopped');
    await expect(waiting).rejects.toThrow('stopped');
    await new Promise((r) => setTimeout(r, 200));
    expect(pool.started).toBe(before);
    expect(pool.workers).toBe(0);
  });

  it('never more files read at once than --jobs, even with more workers free (a pool kept from a run before)', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 30 });
    // two workers started and free
    await runAll(pool, ['wait-50', 'wait-50'], 2);
    expect(pool.workers).toBe(2);
    const seen = [...(await runAll(pool, Array.from({ length: 8 }, (_, i) => `wait-20-${i}`), 2, { queue: true, maxBusy: 1 })).values()] as Seen[];
    const byStart = seen.sort((a, b) => a.start - b.start);
    for (let i = 1; i < byStart.length; i++) expect(byStart[i].start, `file ${i}`).toBeGreaterThanOrEqual(byStart[i - 1].end);
  });

  it('never more files read at once than --jobs when a worker of the pool becomes ready while another reads', async () => {
    pool = new WorkerPool(fakeWorker({ laterReadyAfter: 100 }), 2, { heapMB: 256, seconds: 30 });
    // the first worker reads both files; the second is still starting when the run ends
    await runAll(pool, ['wait-5-a', 'wait-5-b'], 2);
    expect(pool.workers).toBe(2);
    // it becomes ready while the first reads this run's first file, and the other caller waits for a worker
    const seen = [...(await runAll(pool, Array.from({ length: 4 }, (_, i) => `wait-300-${i}`), 2, { queue: true, maxBusy: 1 })).values()] as Seen[];
    expect(seen).toHaveLength(4);
    const byStart = seen.sort((a, b) => a.start - b.start);
    for (let i = 1; i < byStart.length; i++) expect(byStart[i].start, `file ${i}`).toBeGreaterThanOrEqual(byStart[i - 1].end);
  });

  it('a caller that may not grow the pool waits for its worker instead of starting another', async () => {
    pool = new WorkerPool(fakeWorker(), 2, { heapMB: 256, seconds: 30 });
    const seen = await runAll(pool, Array.from({ length: 6 }, () => 'wait-15').map((p, i) => `${p}-${i}`), 3, { grow: false, queue: true });
    expect(pool.started).toBe(1);
    expect(seen.size).toBe(6);
  });
});
