import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { stopWorker } from '../../src/workbook/stop-worker.js';

/**
 * A worker of the pool is ended where it is safe to: asked to exit at its next message (node 20
 * aborts the whole process, exit 134, when a worker is torn down as it makes a zlib stream), and
 * terminated only when it does not answer within a moment.
 */
/** A worker's code that exits when asked, followed by `then`. */
const listening = (then = '') => new Worker(`const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => { if (m.type === 'stop') process.exit(0); }); ${then}`, { eval: true });

/** Stops `worker`: its exit codes and how long it took. */
async function stopped(worker: Worker): Promise<{ codes: number[]; ms: number }> {
  const codes: number[] = [];
  worker.on('exit', (code) => codes.push(code));
  const t = Date.now();
  await stopWorker(worker);
  return { codes, ms: Date.now() - t };
}

describe('stopping a worker', () => {
  it('a worker that listens ends by itself (exit 0) when asked, at once', async () => {
    const worker = listening();
    await new Promise((r) => worker.once('online', r));
    const { codes, ms } = await stopped(worker);
    expect(codes).toEqual([0]);
    expect(ms).toBeLessThan(1000);
  });

  it('a worker busy in a long synchronous step is terminated after the grace, not waited for', async () => {
    const worker = listening(`parentPort.postMessage('busy'); for (;;) {}`);
    await new Promise((r) => worker.once('message', r));
    const { codes, ms } = await stopped(worker);
    // terminated: exit code 1, within the grace and a little
    expect(codes).toEqual([1]);
    expect(ms).toBeLessThan(2000);
  });

  it('a worker that has ended already is no trouble', async () => {
    const worker = new Worker(`process.exit(0)`, { eval: true });
    await new Promise((r) => worker.once('exit', r));
    // at once, not after the grace: a sheet's thread is stopped twice (its rows' end, then the workbook's)
    const t = performance.now();
    await expect(stopWorker(worker)).resolves.toBeUndefined();
    expect(performance.now() - t).toBeLessThan(100);
  });
});
