import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../rules/types.js';
import type { RecordKind } from './collector.js';
import { checkFile, type EngineOptions } from './engine.js';

/** What a worker of `--jobs` is told once: the run's options. */
export interface WorkerInit {
  opts: Omit<EngineOptions, 'onRowsRead' | 'trace'>;
}

/** One file to check. */
export interface WorkerTask {
  id: number;
  path: string;
  display: string;
}

/** A finding or a record, as it crosses from the worker to the main thread. */
export type WorkerEvent = ['finding', Finding] | ['record', RecordKind, unknown];

/** Events go back in batches: one message per this many, not one per finding. */
const BATCH = 1000;

const { opts } = (workerData ?? {}) as WorkerInit;

parentPort?.on('message', async (task: WorkerTask) => {
  let events: WorkerEvent[] = [];
  const send = () => { if (events.length) { parentPort!.postMessage({ id: task.id, events }); events = []; } };
  const push = (e: WorkerEvent) => { events.push(e); if (events.length >= BATCH) send(); };
  try {
    const outcome = await checkFile(task.path, task.display, opts, { finding: (f) => push(['finding', f]), record: (kind, r) => push(['record', kind, r]) });
    send();
    parentPort!.postMessage({ id: task.id, outcome });
  } catch (err) {
    parentPort!.postMessage({ id: task.id, error: (err as Error).stack ?? String(err) });
  }
});
