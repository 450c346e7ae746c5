import { parentPort } from 'node:worker_threads';
import { checkFile, type EngineOptions } from './engine.js';

/** A worker of `--jobs`: checks the files it is sent, one at a time, and sends back the results. */
export interface WorkerTask {
  id: number;
  path: string;
  display: string;
  opts: Omit<EngineOptions, 'onRow' | 'onSheetEnd' | 'onRowsRead'>;
}

parentPort?.on('message', async (task: WorkerTask) => {
  try {
    const result = await checkFile(task.path, task.display, task.opts);
    parentPort!.postMessage({ id: task.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: task.id, error: (err as Error).stack ?? String(err) });
  }
});
