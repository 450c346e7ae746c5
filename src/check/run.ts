import type { CheckReport } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import { checkFile, type EngineOptions, type FileResult } from './engine.js';
import { findFiles } from './files.js';

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
