import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckReport } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import { checkFile, type EngineOptions, type FileResult } from './engine.js';
import { findFiles, type FoundFile } from './files.js';
import type { WorkerTask } from './worker.js';

export interface RunOptions extends Omit<EngineOptions, 'shared'> {
  cwd: string;
  jobs: number;
  /** called after each file, for the progress bar */
  onProgress?(done: number, total: number): void;
}

/**
 * Checks every file the paths name. Files are read concurrently (up to `jobs` at a time) and
 * reported in the order found, so the report does not depend on timing.
 */
export async function runCheck(paths: string[], opts: RunOptions): Promise<CheckReport> {
  const files = await findFiles(paths, opts.cwd);
  const script = workerScript();
  // Worker threads parse files on several cores; hooks that collect rows need the main thread.
  if (opts.jobs > 1 && files.length > 1 && script && !opts.onRow && !opts.onSheetEnd) {
    return buildReport(await inWorkers(files, opts, script));
  }
  const shared = new Map<string, unknown>();
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkFile(files[i].path, files[i].display, { ...opts, shared });
      opts.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, files.length)) }, worker));
  return buildReport(results);
}

/** The bundled worker (dist/worker.js), beside the bundled CLI or found from the sources in tests. */
function workerScript(): string | undefined {
  for (const rel of ['./worker.js', '../../dist/worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function inWorkers(files: FoundFile[], opts: RunOptions, script: string): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const { onProgress, cwd: _cwd, jobs, onRow: _r, onSheetEnd: _e, ...engine } = opts;
  let next = 0;
  let done = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script);
    const send = () => {
      if (next >= files.length) { void worker.terminate().then(() => resolve()); return; }
      const id = next++;
      const task: WorkerTask = { id, path: files[id].path, display: files[id].display, opts: engine };
      worker.postMessage(task);
    };
    worker.on('message', (msg: { id: number; result?: FileResult; error?: string }) => {
      if (msg.error) { void worker.terminate(); reject(new Error(msg.error)); return; }
      results[msg.id] = msg.result!;
      onProgress?.(++done, files.length);
      send();
    });
    worker.on('error', reject);
    send();
  });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
  return results;
}

export function buildReport(results: FileResult[]): CheckReport {
  const findings: Finding[] = results.flatMap((r) => r.findings);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    files: results.map((r) => ({ path: r.path, status: r.status, ...(r.encoding ? { encoding: r.encoding } : {}), sheets: r.sheets })),
    findings,
    summary: {
      files: results.length,
      sheets: results.reduce((n, r) => n + r.sheets.length, 0),
      rows: results.reduce((n, r) => n + r.sheets.reduce((m, s) => m + s.rows, 0), 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
}
