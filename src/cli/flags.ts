import { Option, type Command } from 'commander';
import { parseRange } from '../cells/range.js';
import { FORMAT_NAMES, FORMATS, formatOfName, type FormatName } from '../report/formats.js';
import { ConfigError, judgedBy, resolveConfig, type Config, type Judged } from '../config/config.js';
import type { Lang } from '../i18n/format.js';
import type { Severity } from '../rules/types.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import { intFlag, langOf, loadConfigOrThrow, severityFlag, type CommonFlags } from './common.js';
import { UsageError, type Io } from './io.js';
import { t, joined } from '../i18n/catalog.js';
import { LANGS } from '../i18n/languages.js';

/** The flags every checking command shares (check, score, lint, review …). */
export interface CheckFlags extends CommonFlags {
  failOn?: string;
  maxWarnings?: string;
  encoding?: string;
  jobs?: string;
  sheet?: string;
  progress?: boolean;
  maxFindings?: string;
  all?: boolean;
  quiet?: boolean;
  annotate?: string;
  annotateDir?: string;
  force?: boolean;
  /** check only: keep each file's result (issue #26) */
  cache?: boolean;
  cacheLocation?: string;
  suppressAll?: boolean;
  suppressRule?: string[];
  pruneSuppressions?: boolean;
  passOnUnprunedSuppressions?: boolean;
  suppressionsLocation?: string;
  /** no flag: watch refreshes the annotated copies it wrote, each keeping one backup (name.bak) */
  refresh?: boolean;
}


/**
 * The flags a checking command has, described in the run's language; each command gets only the
 * ones it reads (issue #24: help shows a command's own options). Every one: the report (format,
 * output, levels, --force), the config and the language. `workbooks`: the flags of reading
 * workbooks (CSV encoding, --now, jobs, progress) — all but `media`, which reads pictures.
 * `annotate`: --annotate and --annotate-dir. `priceBand`: only where competitor sheets are checked.
 */
export function withCheckFlags(cmd: Command, lang: Lang, opts: { annotate?: boolean; workbooks?: boolean; priceBand?: boolean } = {}): Command {
  const { annotate = false, workbooks = true, priceBand = false } = opts;
  if (annotate) {
    cmd.option('--annotate <out.xlsx>', t(lang, 'opt.annotate'))
      .option('--annotate-dir <dir>', t(lang, 'opt.annotate-dir'));
  }
  cmd
    .option('--force', t(lang, 'opt.force-write'))
    .option('-f, --format <format>', t(lang, 'opt.format', { formats: FORMAT_NAMES.join(' | '), endings: FORMAT_NAMES.flatMap((f) => FORMATS[f].extensions.map((e) => `${e} → ${f}`)).join(', ') }))
    .option('-o, --output <file>', t(lang, 'opt.output'))
    .option('--fail-on <level>', t(lang, 'opt.fail-on'), 'error')
    .option('--max-warnings <n>', t(lang, 'opt.max-warnings'))
    .option('-c, --config <file>', t(lang, 'opt.config'))
    .option('--lang <lang>', t(lang, 'opt.lang', { langs: LANGS.join(' | ') }));
  if (workbooks) {
    cmd.option('--encoding <enc>', t(lang, 'opt.encoding'))
      .option('--now <iso>', t(lang, 'opt.now'))
      .option('-j, --jobs <n>', t(lang, 'opt.jobs'))
      .option('--no-progress', t(lang, 'opt.no-progress'));
  }
  cmd
    // one or the other: a cap on what is listed, or every finding (`[--max-findings N | --all]`)
    .addOption(new Option('--max-findings <n>', t(lang, 'opt.max-findings')).conflicts('all'))
    .option('--all', t(lang, 'opt.all'))
    .option('-q, --quiet', t(lang, 'opt.quiet'));
  if (priceBand) cmd.option('--price-band <band>', t(lang, 'opt.price-band'));
  return cmd;
}

/** What a checking command decided from its flags before reading any file. */
export interface CheckSetup {
  config: Config;
  /** the numbers the rules judge by, made once from the config */
  judged: Judged;
  lang: Lang;
  failOn: Severity;
  maxWarnings?: number;
  format: FormatName;
}

/** `own.priceBand`: the command's `--price-band` (only `check` has it), over the config's. */
export function setupCheck(io: Io, flags: CheckFlags, own: { priceBand?: string } = {}): CheckSetup {
  let config = loadConfigOrThrow(io, flags);
  if (own.priceBand) config = withPriceBand(config, own.priceBand);
  const lang = langOf(io, flags, config);
  io.lang = lang;
  // a report file named .json, .xml or .html gets that format when none is asked for
  // names are read as platforms and languages are: JSON, Json and json alike
  const format = (flags.format?.trim().toLowerCase() ?? formatOfName(flags.output)) as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw new UsageError('error.format', { allowed: joined(FORMAT_NAMES), value: flags.format });
  return { config, judged: judgedBy(config), lang, failOn: severityFlag(flags.failOn, '--fail-on'), maxWarnings: flags.maxWarnings === undefined ? undefined : intFlag(flags.maxWarnings, '--max-warnings', 0), format };
}

/** `--price-band 89-159` overrides `sop.competitor.priceBand` for this run. */
function withPriceBand(config: Config, band: string): Config {
  if (!parseRange(band)) throw new UsageError('error.price-band', { value: band });
  try {
    return resolveConfig({ ...config.raw, sop: { ...(config.raw.sop ?? {}), competitor: { ...(config.raw.sop?.competitor ?? {}), priceBand: band } } }, config.path);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError('error.config', { detail: err.messages });
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
  throw new UsageError('error.encoding', { value });
}

/** Rows of a command's own table (the ranking, ROI, freight, the review queue) that the text shows. */
const MAX_ROWS = 200;

/** `--max-rows N`: how many rows of the command's table the text report shows (the rest are counted). */
export function withMaxRows(cmd: Command, lang: Lang, help: 'opt.max-rows' | 'opt.max-rows-table' = 'opt.max-rows-table'): Command {
  return cmd.option('--max-rows <n>', t(lang, help), String(MAX_ROWS));
}

export function maxRowsOf(flags: { maxRows?: string }): number {
  return intFlag(flags.maxRows, '--max-rows', MAX_ROWS);
}
