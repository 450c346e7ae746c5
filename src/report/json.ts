import { hasScreenControlBytes, SCREEN_CONTROLS } from '../cells/normalize.js';
import { Spool, type SpoolGuard } from './spool.js';
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
/** The findings' and records' text made inert once encoded: the characters looked for in its bytes (inert() over 300 MB of JSON took ~0.25 s). */
const INERT_BYTES: SpoolGuard = { found: hasScreenControlBytes, rewrite: inert };

const at = (value: unknown, depth: number) => stringifyAt(value, '  '.repeat(depth));

/** What JSON.stringify([items], null, 2) writes before the first item's line and after the last one's. */
const WRAP_BEFORE = '[\n  ['.length;
const WRAP_AFTER = '\n  ]\n]'.length;

/**
 * Items stringified together, at most (their objects held meanwhile). A batch's text stays well
 * under V8's large-object size (128 KB; 32 findings are ~25 KB): larger strings are each mapped
 * fresh from the system, and 256 findings at a time made `review --format json` slower than one
 * at a time (4.3 s of system time instead of 1.8, on 300,000 orders).
 */
const BATCH = 32;

/**
 * The items of one JSON array, written as they come (into a spool: they wait for the keys before
 * them), a batch at a time: one JSON.stringify of `[items]` writes each item at the depth of the
 * report's arrays, indented and separated as they are there, so a batch is that text without its
 * brackets. A call per item, its lines then moved to their indentation, was 2 s of the main
 * thread's 6 in `review --format json` on 300,000 orders (issue #25).
 */
class ArrayOut {
  readonly spool = new Spool(undefined, INERT_BYTES);
  private count = 0;
  private batch: unknown[] = [];

  push(value: unknown): void {
    this.batch.push(value);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** A finding, its keys in the report's order. */
  pushFinding(f: Finding): void {
    this.push(ordered(f));
  }

  private flush(): void {
    if (!this.batch.length) return;
    // `[\n  [` before the items and `\n  ]\n]` after them; the items start with `\n    `, as in the report
    const json = JSON.stringify([this.batch], null, 2);
    // made inert in the spool, once encoded (INERT_BYTES)
    this.spool.append(`${this.count ? ',' : ''}${json.slice(WRAP_BEFORE, json.length - WRAP_AFTER)}`);
    this.count += this.batch.length;
    this.batch = [];
  }

  async writeTo(out: Out, key: string, last: boolean): Promise<void> {
    this.flush();
    out.write(`  "${key}": [`);
    await this.spool.copyTo(out);
    out.write(`${this.count ? '\n  ' : ''}]${last ? '' : ','}\n`);
  }
}

/**
 * `--format json`: version 1, exactly as `JSON.stringify(report, null, 2)` writes it — `files`,
 * `findings`, `summary`, then what the command adds (`orders`, `results` …) — but with every
 * finding and record serialised as it comes (BATCH at a time), so memory does not grow with them.
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
    const file: FileSummary = { path: summary.path, status: summary.status, ...(summary.encoding ? { encoding: summary.encoding } : {}), sheets: summary.sheets, ...(summary.suppressed !== undefined ? { suppressed: summary.suppressed } : {}) };
    this.files.push(file);
    if (summary.suppressed !== undefined) this.fileAt.set(summary.path, file);
  }

  /** the files whose `suppressed` a join may still raise */
  private readonly fileAt = new Map<string, FileSummary>();

  suppressedLate(path: string, suppressed: number): void {
    const file = this.fileAt.get(path);
    if (file) file.suppressed = suppressed;
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
