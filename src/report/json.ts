import { SCREEN_CONTROLS } from '../cells/normalize.js';
import { Spool } from './spool.js';
import type { Totals } from './totals.js';
import type { CheckReport, FileSummary, Finding } from './types.js';
import type { Extra, Out, ReportWriter } from './writer.js';

/** The keys of a finding in the order the JSON report shows them (version 1). */
export const FINDING_KEYS = ['ruleId', 'severity', 'file', 'sheet', 'row', 'column', 'cell', 'field', 'value', 'expected', 'suggestion', 'reasons', 'message', 'docs'] as const satisfies ReadonlyArray<keyof Finding>;

/** A finding with its keys in the report's order, the ones not known left out. */
export function ordered(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEYS) if (f[k] !== undefined) out[k] = f[k];
  return out;
}

/**
 * A value as `JSON.stringify(value, null, 2)` writes it, starting at indentation `indent`: one
 * native call and its line breaks moved (issue #25: a call per key and per string was most of a
 * million-record report's time on the main thread).
 */
export function stringifyAt(v: unknown, indent: string): string {
  // the engine's own JSON.stringify (one native call, not one per key), its lines moved to `indent`
  const json = v === undefined ? 'null' : JSON.stringify(v, null, 2);
  if (json === undefined) return json as unknown as string;
  return inert(indent && json.includes('\n') ? json.replace(NEWLINES, `\n${indent}`) : json);
}
const NEWLINES = /\n/g;

/** JSON text with the characters that reorder or break a line written as \u escapes (they can only stand inside its strings). */
function inert(json: string): string {
  return INVISIBLE.test(json) ? json.replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** The characters that reorder or break a line on a screen (bidirectional controls, U+2028/U+2029): \u escapes in the report, the same value to a parser, inert to a person reading it. */
const INVISIBLE = new RegExp(`[${SCREEN_CONTROLS}]`);
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

const at = (value: unknown, depth: number) => stringifyAt(value, '  '.repeat(depth));

/** A finding as the report writes it in its array, keys in the report's order. */
function findingAt(f: Finding, indent: string): string {
  return stringifyAt(ordered(f), indent);
}

/** The items of one JSON array, written one by one as they come (into a spool: they wait for the keys before them). */
class ArrayOut {
  readonly spool = new Spool();
  private count = 0;

  push(value: unknown): void {
    this.spool.append(`${this.count++ ? ',' : ''}\n    ${at(value, 2)}`);
  }

  pushFinding(f: Finding): void {
    this.spool.append(`${this.count++ ? ',' : ''}\n    ${findingAt(f, '    ')}`);
  }

  async writeTo(out: Out, key: string, last: boolean): Promise<void> {
    out.write(`  "${key}": [`);
    await this.spool.copyTo(out);
    out.write(`${this.count ? '\n  ' : ''}]${last ? '' : ','}\n`);
  }
}

/**
 * `--format json`: version 1, exactly as `JSON.stringify(report, null, 2)` writes it — `files`,
 * `findings`, `summary`, then what the command adds (`orders`, `results` …) — but with every
 * finding and record serialised the moment it comes, so memory does not grow with them.
 * Findings of rules that join files follow the files' own.
 */
export class JsonWriter implements ReportWriter {
  private readonly files: FileSummary[] = [];
  private readonly findings = new ArrayOut();
  private readonly records = new Map<string, ArrayOut>();

  constructor(private readonly out: Out, private readonly extras: Extra[] = []) {
    for (const e of extras) if ('records' in e) this.records.set(e.records, new ArrayOut());
  }

  finding(f: Finding): void {
    this.findings.pushFinding(f);
  }

  record(kind: string, r: unknown): void {
    this.records.get(kind)?.push(r);
  }

  fileDone(summary: FileSummary): void {
    this.files.push({ path: summary.path, status: summary.status, ...(summary.encoding ? { encoding: summary.encoding } : {}), sheets: summary.sheets, ...(summary.suppressed !== undefined ? { suppressed: summary.suppressed } : {}) });
  }

  filesDone(): void {}

  async end(totals: Totals): Promise<void> {
    const out = this.out;
    out.write(`{\n  "version": 1,\n  "files": ${at(this.files, 1)},\n`);
    await this.findings.writeTo(out, 'findings', false);
    const summary: CheckReport['summary'] = totals.summary();
    out.write(`  "summary": ${at(summary, 1)}${this.extras.length ? ',' : ''}\n`);
    for (const [i, e] of this.extras.entries()) {
      const last = i === this.extras.length - 1;
      if ('records' in e) await this.records.get(e.records)!.writeTo(out, e.key, last);
      else out.write(`  "${e.key}": ${at(e.value(), 1)}${last ? '' : ','}\n`);
    }
    out.write('}\n');
  }
}
