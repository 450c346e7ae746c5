import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSummary } from '../report/types.js';
import { RULES } from '../rules/registry.js';
import type { Finding, Severity } from '../rules/types.js';
import type { RecordKind } from './collector.js';
import { checkFile, type Contribution, type EngineOptions, type FileOutcome, type FileSink } from './engine.js';
import { findFiles, type FoundFile } from './files.js';
import { FindingBuilder } from './findings.js';
import type { WorkerEvent, WorkerInit, WorkerTask } from './worker.js';

/** Where a run's results go, in report order: each file's findings and records, then the file itself. */
export interface RunSink extends FileSink {
  /** the file is done: its summary, and per rule the findings only counted */
  fileDone(summary: FileSummary, counted: Record<string, Record<Severity, number>>): void;
}

export interface RunOptions extends EngineOptions {
  cwd: string;
  jobs: number;
  /** called after each file, for the progress bar */
  onProgress?(done: number, total: number): void;
}

/**
 * Checks every file the paths name and hands the results to `sink` in the order the files were
 * found, whatever order they finish in: the report never depends on timing. Files are checked
 * up to `jobs` at a time (in worker threads when there are several). The rules' `finish` runs
 * last; its findings follow the files' own.
 */
export async function runCheck(paths: string[], opts: RunOptions, sink: RunSink): Promise<void> {
  const files = await findFiles(paths, opts.cwd);
  const script = workerScript();
  const outcomes = opts.jobs > 1 && files.length > 1 && script && !opts.trace ? await inWorkers(files, opts, script, sink) : await inProcess(files, opts, sink);
  await finishRules(outcomes.flatMap((o) => o.contributions), opts, sink);
}

async function inProcess(files: FoundFile[], opts: RunOptions, sink: RunSink): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [i, f] of files.entries()) {
    const outcome = await checkFile(f.path, f.display, opts, sink);
    sink.fileDone(outcome.summary, outcome.counted);
    outcomes.push(outcome);
    opts.onProgress?.(i + 1, files.length);
  }
  return outcomes;
}

/** Runs the `finish` of every rule that received contributions; its findings go to the sink. */
export async function finishRules(contributions: Contribution[], opts: Pick<EngineOptions, 'config' | 'now' | 'lang' | 'trace'>, sink: Pick<FileSink, 'finding'>): Promise<void> {
  const builder = new FindingBuilder(opts.config, opts.lang, sink.finding, opts.trace);
  for (const rule of RULES) {
    if (!rule.finish) continue;
    const resolved = opts.config.rules.get(rule.id);
    if (!resolved || resolved.severity === 'off') continue;
    const mine = contributions.filter((c) => c.ruleId === rule.id).map((c) => c.data);
    if (!mine.length) continue;
    await rule.finish({
      options: resolved.options, settings: opts.config.settings, now: opts.now, lang: opts.lang,
      report: ({ sheet, ...input }) => builder.report(rule.id, { file: sheet.file, sheet: sheet.sheet, kind: sheet.kind, columns: sheet.columns }, input),
    }, mine);
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

/** A file's results held back until every file before it has been handed on. */
interface Pending { events: WorkerEvent[]; outcome?: FileOutcome }

async function inWorkers(files: FoundFile[], opts: RunOptions, script: string, sink: RunSink): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const pending: Pending[] = files.map(() => ({ events: [] }));
  const { onProgress, cwd: _cwd, jobs, onRowsRead: _p, trace: _t, ...engine } = opts;
  const init: WorkerInit = { opts: engine };
  let head = 0;
  let done = 0;
  const deliver = (e: WorkerEvent) => (e[0] === 'finding' ? sink.finding(e[1]) : sink.record(e[1], e[2]));
  // hands on everything the file at the head has so far; moves on while files are complete
  const flush = () => {
    while (head < files.length) {
      const p = pending[head];
      for (const e of p.events) deliver(e);
      p.events = [];
      if (!p.outcome) return;
      sink.fileDone(p.outcome.summary, p.outcome.counted);
      head += 1;
    }
  };
  let next = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: init });
    const send = () => {
      if (next >= files.length) { void worker.terminate().then(() => resolve()); return; }
      const id = next++;
      const task: WorkerTask = { id, path: files[id].path, display: files[id].display };
      worker.postMessage(task);
    };
    worker.on('message', (msg: { id: number; events?: WorkerEvent[]; outcome?: FileOutcome; error?: string }) => {
      if (msg.error) { void worker.terminate(); reject(new Error(msg.error)); return; }
      const p = pending[msg.id];
      if (msg.events) p.events.push(...msg.events);
      if (msg.outcome) {
        p.outcome = outcomes[msg.id] = msg.outcome;
        onProgress?.(++done, files.length);
      }
      if (msg.id === head) flush();
      if (msg.outcome) send();
    });
    worker.on('error', reject);
    send();
  });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
  flush();
  return outcomes;
}

export type { Finding, RecordKind };
