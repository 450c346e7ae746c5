import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckReport } from '../report/types.js';
import { RULES } from '../rules/registry.js';
import { format, type Finding } from '../rules/types.js';
import { columnLetter } from '../workbook/types.js';
import { checkFile, type EngineOptions, type FileResult } from './engine.js';
import { findFiles, type FoundFile } from './files.js';
import type { WorkerTask } from './worker.js';

export interface RunOptions extends EngineOptions {
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
    const results = await inWorkers(files, opts, script);
    await finishRules(results, opts);
    return buildReport(results);
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkFile(files[i].path, files[i].display, opts);
      opts.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, files.length)) }, worker));
  await finishRules(results, opts);
  return buildReport(results);
}

/** Runs the `finish` of every rule that received contributions; its findings join their files. */
export async function finishRules(results: FileResult[], opts: Pick<RunOptions, 'config' | 'now' | 'lang'>): Promise<void> {
  for (const rule of RULES) {
    if (!rule.finish) continue;
    const resolved = opts.config.rules.get(rule.id);
    if (!resolved || resolved.severity === 'off') continue;
    const contributions = results.flatMap((r) => (r.contributions ?? []).filter((c) => c.ruleId === rule.id).map((c) => c.data));
    if (!contributions.length) continue;
    const severity = resolved.severity;
    await rule.finish({
      options: resolved.options, settings: opts.config.settings, platform: opts.config.platform, now: opts.now, lang: opts.lang,
      report(input) {
        const target = results.find((r) => r.path === input.file);
        if (!target) return;
        const letter = input.column ? columnLetter(input.column) : undefined;
        const f = { ruleId: rule.id, severity, file: input.file } as Record<string, unknown>;
        const extra: Record<string, unknown> = {
          sheet: input.sheet, row: input.row, column: letter, cell: letter && input.row ? `${letter}${input.row}` : undefined, field: input.field,
          value: input.value, expected: input.expected, suggestion: input.suggestion, reasons: input.reasons,
        };
        for (const [k, v] of Object.entries(extra)) if (v !== undefined) f[k] = v;
        f.message = format(rule.messages[input.messageId][opts.lang], { field: input.field, ...input.data });
        target.findings.push(f as unknown as Finding);
      },
    }, contributions);
  }
  for (const r of results) {
    delete r.contributions;
    // findings from `finish` join their sheet's group (the sort is stable)
    const order = new Map(r.sheets.map((s, i) => [s.name, i]));
    const rank = (f: Finding) => (f.sheet === undefined ? -1 : order.get(f.sheet) ?? 0);
    r.findings.sort((a, b) => rank(a) - rank(b));
  }
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
  const { onProgress, cwd: _cwd, jobs, onRow: _r, onSheetEnd: _e, onRowsRead: _p, ...engine } = opts;
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
