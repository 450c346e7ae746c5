import type { ContentKind } from '../encode/content-kind.js';
import type { Lang } from '../i18n/format.js';
import type { Severity } from '../rules/types.js';
import type { ChartLimits, ChartPart } from './charts.js';
import type { DashboardInput } from './dashboard.js';
import { GithubWriter } from './github.js';
import { HtmlWriter } from './html.js';
import { JsonWriter } from './json.js';
import { JunitWriter } from './junit.js';
import { TextWriter } from './text.js';
import type { Extra, Out, ReportWriter } from './writer.js';

/** Everything a report's writer may need, made once by the command; each format takes its part. */
/** The findings of each sheet a text report lists by default (`--max-findings`); the rest are counted per rule. */
const TEXT_MAX_FINDINGS = 20;
/** The findings of each sheet the HTML report lists by default (`--max-findings`); the rest are counted per rule. */
const HTML_MAX_FINDINGS = 100;

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** the terminal's width, when the report goes to one */
  columns?: number;
  /** findings shown per sheet; undefined for the format's own default, Infinity for all */
  maxFindings?: number;
  quiet: boolean;
  /** what the command prints after the files (text) */
  sections?: () => string;
  /** what the command adds to the JSON report */
  extras?: Extra[];
  failOn: Severity;
  limits: ChartLimits;
  /** the commands' charts for this report (HTML) */
  charts: readonly ChartPart[];
  /** the drive dashboard's data (HTML of `check`) */
  dashboard?: DashboardInput;
  /** when the report was made and by which ecsop (HTML's header) */
  time: string;
  version: string;
}

interface Format {
  /** what the file holds, for the check that --output's name fits it (the kinds of src/encode/content-kind.ts) */
  kind: ContentKind;
  /** an --output name with one of these endings gets this format when none is asked for */
  extensions: readonly string[];
  make(out: Out, o: FormatOptions): ReportWriter;
  /**
   * A report that lists the first findings of each sheet (this many unless --max-findings says)
   * and counts the rest per rule: the workers may count those instead of building them (issue #25,
   * FindingBuilder's showFirst). `quietErrorsOnly`: --quiet makes it list errors only.
   */
  listsFirst?: { max: number; quietErrorsOnly: boolean };
}

/**
 * The report formats, one line each: a new format is its writer's file and one line here
 * (`--format`, its help, the --output name check and the extension that picks it follow).
 */
export const FORMATS = {
  text: { kind: 'text', extensions: [], listsFirst: { max: TEXT_MAX_FINDINGS, quietErrorsOnly: true }, make: (out, o) => new TextWriter(out, { lang: o.lang, color: o.color, columns: o.columns, maxFindings: o.maxFindings ?? TEXT_MAX_FINDINGS, quiet: o.quiet, sections: o.sections }) },
  json: { kind: 'json', extensions: ['.json'], make: (out, o) => new JsonWriter(out, o.extras) },
  junit: { kind: 'xml', extensions: ['.xml'], make: (out, o) => new JunitWriter(out, o.failOn, o.lang) },
  github: { kind: 'text', extensions: [], make: (out) => new GithubWriter(out) },
  html: { kind: 'html', extensions: ['.html', '.htm'], listsFirst: { max: HTML_MAX_FINDINGS, quietErrorsOnly: false }, make: (out, o) => new HtmlWriter(out, { lang: o.lang, maxFindings: o.maxFindings ?? HTML_MAX_FINDINGS, limits: o.limits, charts: o.charts, time: o.time, version: o.version, dashboard: o.dashboard }) },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** Whether a format lists only the first findings of each sheet, and how many by default (Format's listsFirst). */
export const listsFirst = (format: FormatName): Format['listsFirst'] => (FORMATS[format] as Format).listsFirst;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The format an --output name asks for by its ending (`report.json` → json), else text. */
export function formatOfName(name: string | undefined): FormatName {
  const lower = name?.toLowerCase() ?? '';
  return FORMAT_NAMES.find((f) => FORMATS[f].extensions.some((e) => lower.endsWith(e))) ?? 'text';
}
