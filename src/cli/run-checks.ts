import { availableParallelism } from 'node:os';
import type { CollectSpec } from '../check/collector.js';
import { PathError } from '../check/files.js';
import { runCheck } from '../check/run.js';
import { ReportBuilder, type Records } from '../report/collect.js';
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatText } from '../report/text.js';
import { atOrAbove, type CheckReport } from '../report/types.js';
import type { KindId } from '../sheets/types.js';
import { intFlag, nowOf } from './common.js';
import { encodingOf, type CheckFlags, type CheckSetup } from './flags.js';
import { EXIT, UsageError, useColor, type Io } from './io.js';

/** What a command asks of the run besides every rule: which sheet kinds, what to collect. */
export interface RunRequest {
  onlyKinds?: readonly KindId[];
  collect?: CollectSpec;
  /** rules whose findings are counted but not kept (the command shows them another way) */
  countOnly?: readonly string[];
  /** the category of titles checked without a workbook */
  category?: string;
  /** takes each record as it comes; true when it need not be kept for the report */
  take?(kind: string, r: unknown): boolean;
}

/** Runs the checks over the paths, with a progress bar on a terminal; the report and the command's records. */
export async function collect(io: Io, paths: string[], flags: CheckFlags, setup: CheckSetup, request: RunRequest = {}): Promise<{ report: CheckReport; records: Records }> {
  const progress = flags.progress !== false && io.stderrTTY;
  let rowLine = false;
  const builder = new ReportBuilder(request.take);
  const { take: _t, ...engine } = request;
  try {
    await runCheck(paths, {
      cwd: io.cwd, config: setup.config, lang: setup.lang, now: nowOf(flags), encoding: encodingOf(flags.encoding),
      jobs: intFlag(flags.jobs, '--jobs', availableParallelism()) || 1, sheetName: flags.sheet, ...engine,
      onProgress: progress ? (done, total) => total > 1 && io.stderr(`\r${bar(done, total)} ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
      // a large file on its own: rows so far (files checked in worker threads report per file)
      onRowsRead: progress ? (file, rows) => { rowLine = true; io.stderr(`\r${file}: ${rows.toLocaleString('en')} ${setup.lang === 'zh' ? '行' : 'rows'}…`); } : undefined,
    }, builder);
    if (rowLine) io.stderr('\n');
    return { report: builder.build(), records: builder.records };
  } catch (err) {
    if (err instanceof PathError) throw new UsageError(err.message);
    throw err;
  }
}

function bar(done: number, total: number): string {
  const width = 24;
  const full = Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/** 1 when a finding is at or above --fail-on or warnings exceed --max-warnings, else 0. */
export function exitCodeOf(report: CheckReport, setup: CheckSetup): number {
  const s = report.summary;
  const counts = { error: s.errors, warning: s.warnings, info: s.infos };
  if ((Object.keys(counts) as Array<keyof typeof counts>).some((sev) => counts[sev] > 0 && atOrAbove(sev, setup.failOn))) return EXIT.findings;
  if (setup.maxWarnings !== undefined && report.summary.warnings > setup.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** Formats the report; `extra` are the result arrays of score/review, `text` their text section. */
export function render(io: Io, report: CheckReport, setup: CheckSetup, extra: Record<string, unknown> = {}, textSection = ''): string {
  switch (setup.format) {
    case 'json': return formatJson(report, extra);
    case 'junit': return formatJunit(report, setup);
    case 'github': return formatGithub(report);
    default: return textSection + formatText(report, { lang: setup.lang, color: useColor(io, io.stdoutTTY), failOn: setup.failOn });
  }
}
