import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { EngineOptions } from '../check/engine.js';
import { PathError } from '../check/files.js';
import { runCheck } from '../check/run.js';
import { ConfigError, resolveConfig, type Config } from '../config/config.js';
import { parseRange } from '../cells/range.js';
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { formatText } from '../report/text.js';
import { atOrAbove, type CheckReport } from '../report/types.js';
import type { Lang, Severity } from '../rules/types.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import { emit, intFlag, langOf, loadConfigOrThrow, nowOf, severityFlag, type CommonFlags } from './common.js';
import { EXIT, UsageError, useColor, type Io } from './io.js';

export interface CheckFlags extends CommonFlags {
  priceBand?: string;
  failOn?: string;
  maxWarnings?: string;
  encoding?: string;
  jobs?: string;
  sheet?: string;
  progress?: boolean;
}

export const FORMATS = ['text', 'json', 'junit', 'github'] as const;

/** Adds the flags every checking command shares (check, score, lint, review …). */
export function withCheckFlags(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', 'text | json | junit | github', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: error | warning | info', 'error')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-c, --config <file>', 'config file (default: ecsop.config.json found upward)')
    .option('--lang <lang>', 'message language: zh | en (default: from config or locale)')
    .option('--encoding <enc>', 'CSV encoding: utf-8 | gbk | gb18030 (default: detected)')
    .option('--now <iso>', 'the time for time-based checks, e.g. 2024-05-20T10:00')
    .option('-j, --jobs <n>', 'files checked at once (default: number of cores)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--price-band <band>', 'our own price band for competitor-price-overlap, e.g. 89-159');
}

export interface CheckSetup {
  config: Config;
  lang: Lang;
  failOn: Severity;
  maxWarnings?: number;
  format: (typeof FORMATS)[number];
}

export function setupCheck(io: Io, flags: CheckFlags): CheckSetup {
  let config = loadConfigOrThrow(io, flags);
  if (flags.priceBand) config = withPriceBand(config, flags.priceBand);
  const lang = langOf(io, flags, config);
  const format = (flags.format ?? 'text') as CheckSetup['format'];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${flags.format}`);
  return { config, lang, failOn: severityFlag(flags.failOn, '--fail-on'), maxWarnings: flags.maxWarnings === undefined ? undefined : intFlag(flags.maxWarnings, '--max-warnings', 0), format };
}

/** `--price-band 89-159` overrides `sop.competitor.priceBand` for this run. */
function withPriceBand(config: Config, band: string): Config {
  if (!parseRange(band)) throw new UsageError(`--price-band must read like 89-159, not ${band}`);
  try {
    return resolveConfig({ ...config.raw, sop: { ...(config.raw.sop ?? {}), competitor: { ...(config.raw.sop?.competitor ?? {}), priceBand: band } } }, config.path);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

function encodingOf(value?: string): CsvEncoding | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'utf-8' || v === 'utf8') return 'utf-8';
  if (v === 'gbk' || v === 'gb2312' || v === 'gb18030') return 'gb18030';
  if (v === 'utf-16le' || v === 'utf16le') return 'utf-16le';
  throw new UsageError(`--encoding must be utf-8, gbk or gb18030, not ${value}`);
}

/** Runs the checks over the paths, with a progress bar on a terminal. */
export async function collect(io: Io, paths: string[], flags: CheckFlags, setup: CheckSetup, hooks: Pick<EngineOptions, 'onRow' | 'onSheetEnd' | 'onlyKinds'> = {}): Promise<CheckReport> {
  const progress = flags.progress !== false && io.stderrTTY;
  let rowLine = false;
  try {
    const report = await runCheck(paths, {
      cwd: io.cwd, config: setup.config, lang: setup.lang, now: nowOf(flags), encoding: encodingOf(flags.encoding),
      jobs: intFlag(flags.jobs, '--jobs', availableParallelism()) || 1, sheetName: flags.sheet, ...hooks,
      onProgress: progress ? (done, total) => total > 1 && io.stderr(`\r${bar(done, total)} ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
      // a large file on its own: rows so far (files checked in worker threads report per file)
      onRowsRead: progress ? (file, rows) => { rowLine = true; io.stderr(`\r${file}: ${rows.toLocaleString('en')} ${setup.lang === 'zh' ? '行' : 'rows'}…`); } : undefined,
    });
    if (rowLine) io.stderr('\n');
    return report;
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
  if (report.findings.some((f) => atOrAbove(f.severity, setup.failOn))) return EXIT.findings;
  const s = report.summary;
  if ((setup.failOn === 'warning' && s.warnings > 0) || (setup.failOn === 'info' && s.warnings + s.infos > 0)) return EXIT.findings;
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

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('check').argument('<paths...>', 'files, folders and globs').description('run every rule over workbooks / 检查工作簿'))
    .option('--sheet <name>', 'only check the sheet with this name')
    .action(async (paths: string[], flags: CheckFlags) => {
      const setup = setupCheck(io, flags);
      const report = await collect(io, paths, flags, setup);
      await emit(io, render(io, report, setup), flags.output);
      setExit(exitCodeOf(report, setup));
    });
}
