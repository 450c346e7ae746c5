import type { Command } from 'commander';
import { parseRange } from '../cells/range.js';
import { ConfigError, resolveConfig, type Config } from '../config/config.js';
import type { Lang } from '../i18n/format.js';
import type { Severity } from '../rules/types.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import { intFlag, langOf, loadConfigOrThrow, severityFlag, type CommonFlags } from './common.js';
import { UsageError, type Io } from './io.js';

/** The flags every checking command shares (check, score, lint, review …). */
export interface CheckFlags extends CommonFlags {
  priceBand?: string;
  failOn?: string;
  maxWarnings?: string;
  encoding?: string;
  jobs?: string;
  sheet?: string;
  progress?: boolean;
  maxFindings?: string;
  all?: boolean;
  quiet?: boolean;
}

export const FORMATS = ['text', 'json', 'junit', 'github'] as const;

export function withCheckFlags(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', 'text | json | junit | github (default: text, or json/junit when --output ends in .json/.xml)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: error | warning | info', 'error')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-c, --config <file>', 'config file (default: ecsop.config.json found upward)')
    .option('--lang <lang>', 'message language: zh | en (default: from config or locale)')
    .option('--encoding <enc>', 'CSV encoding: utf-8 | gbk | gb18030 (default: detected)')
    .option('--now <iso>', 'the time for time-based checks, e.g. 2024-05-20T10:00')
    .option('-j, --jobs <n>', 'files checked at once (default: number of cores)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--max-findings <n>', 'text: findings shown per sheet; the rest are counted per rule', '20')
    .option('--all', 'text: show every finding')
    .option('-q, --quiet', 'text: list errors only')
    .option('--price-band <band>', 'our own price band for competitor-price-overlap, e.g. 89-159');
}

/** What a checking command decided from its flags before reading any file. */
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
  io.lang = lang;
  // a report file named .json or .xml gets that format when none is asked for
  const named = flags.output && /\.json$/i.test(flags.output) ? 'json' : flags.output && /\.xml$/i.test(flags.output) ? 'junit' : 'text';
  const format = (flags.format ?? named) as CheckSetup['format'];
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

export function encodingOf(value?: string): CsvEncoding | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'utf-8' || v === 'utf8') return 'utf-8';
  if (v === 'gbk' || v === 'gb2312' || v === 'gb18030') return 'gb18030';
  if (v === 'utf-16le' || v === 'utf16le') return 'utf-16le';
  if (v === 'utf-16be' || v === 'utf16be') return 'utf-16be';
  throw new UsageError(`--encoding must be utf-8, gbk or gb18030, not ${value}`);
}
