import type { Worker } from 'node:worker_threads';

/** How long a worker asked to stop has to end by itself before it is terminated. */
const STOP_GRACE_MS = 150;

/** What a worker is sent to end by itself: it exits (code 0) at its next message. */
export const STOP = { type: 'stop' } as const;

/**
 * Ends a worker (the pool's, or the thread reading a large sheet) where it is safe to: it is asked
 * to exit at its next message (between two steps of its work), and terminated only if it has not
 * within `graceMs` (a long synchronous read). A worker torn down while it makes a zlib stream ends
 * the whole process in node 20 (a native assertion, "close before init", exit 134): once in about a
 * hundred runs cut short by `| head -1` or Ctrl-C, and once in a clean-clone CI run, where a file's
 * time limit and the sheet's thread still terminated theirs at once. Every worker ecsop ends is
 * ended here. Resolves when it has ended.
 */
export async function stopWorker(worker: Worker, graceMs = STOP_GRACE_MS): Promise<void> {
  // ended already (node sets its thread id to -1 then): its exit will not come again, and the grace would be waited out for nothing
  if (worker.threadId === -1) return;
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve());
    // the grace counted from now: a timer counts from the event loop's last look at the clock, which on a
    // busy machine may be some milliseconds before (clean-clone CI: terminated 137 ms after the stop)
    const until = performance.now() + graceMs;
    const wait = () => {
      const left = until - performance.now();
      if (left > 0) timer = setTimeout(wait, Math.ceil(left));
      else resolve();
    };
    timer = setTimeout(wait, graceMs);
  });
  try {
    worker.postMessage(STOP);
  } catch {
    // ended already
  }
  await exited;
  clearTimeout(timer);
  // ended by itself: nothing to do; still running: terminated now
  await worker.terminate();
}
