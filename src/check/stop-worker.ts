import type { Worker } from 'node:worker_threads';
import type { ToWorker } from './worker.js';

/** How long a worker asked to stop has to end by itself before it is terminated. */
const STOP_GRACE_MS = 150;

/**
 * Ends a worker of the pool where it is safe to: it is asked to exit at its next message (between
 * two steps of its work), and terminated only if it has not within STOP_GRACE_MS (a long
 * synchronous read). A worker torn down while it makes a zlib stream ends the whole process in
 * node 20 (a native assertion, "close before init", exit 134): once in about a hundred runs cut
 * short by `| head -1` or Ctrl-C. Resolves when it has ended.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    // the grace counted from now: a timer counts from the event loop's last look at the clock, which on a
    // busy machine may be some milliseconds before (clean-clone CI: terminated 137 ms after the stop)
    const until = performance.now() + STOP_GRACE_MS;
    const wait = () => {
      const left = until - performance.now();
      if (left > 0) timer = setTimeout(wait, Math.ceil(left));
      else resolve();
    };
    timer = setTimeout(wait, STOP_GRACE_MS);
  });
  try {
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
  } catch {
    // ended already
  }
  await exited;
  clearTimeout(timer);
  // ended by itself: nothing to do; still running: terminated now
  await worker.terminate();
}
