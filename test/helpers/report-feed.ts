/**
 * A run's events fed to a report writer as the run hands them (test/report/all-spooled*.test.ts): the
 * same findings reported with --all (kept in spools) and held with a cap no sheet reaches.
 */
import { basename } from 'node:path';
import { HtmlWriter } from '../../src/report/html.js';
import { openTemps } from '../../src/report/spool.js';
import { TextWriter } from '../../src/report/text.js';
import { Totals } from '../../src/report/totals.js';
import type { Finding } from '../../src/rules/types.js';
import type { FileSummary, SkippedFindings } from '../../src/report/types.js';

/** A pseudo-random sequence, the same each run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

export interface Scenario { quiet: boolean; seed: number; big?: boolean; bigCount?: number }

/**
 * A run's events as the run hands them to a writer: files of two sheets, their findings in an
 * order that is not their places' (a rule that reports when its sheet ends, several at one place,
 * findings about a sheet or a file with no row), files a join may still report on, late findings
 * of those and of others, findings only counted.
 */
function feed(w: TextWriter | HtmlWriter, { quiet, seed, big, bigCount = 40_000 }: Scenario): void {
  const rnd = random(seed);
  const sheets = ['订单', '物流发货管理表'];
  const rules = ['order-manual-review', 'ship-late', 'schema/type'] as const;
  const severities = ['error', 'warning', 'info'] as const;
  const summary = (path: string): FileSummary => ({ path, status: 'ok', sheets: sheets.map((name, i) => ({ name, kind: i ? 'shipments' : 'orders', rows: 1000 + i })) });
  const finding = (file: string, sheet: string | undefined, row: number | undefined, column: string | undefined, n: number): Finding => {
    const severity = severities[Math.floor(rnd() * 3)];
    const message = `${n}: ${'待人工审核:金额超过自动审核上限 500 元;'.repeat(1 + Math.floor(rnd() * (big ? 6 : 2)))}${n % 97 === 0 ? ' a lone \ud800 half, a tab\tand a bell\u0007' : ''}`;
    return { ruleId: rules[n % 3], severity, file, ...(sheet !== undefined ? { sheet } : {}), ...(row !== undefined ? { row } : {}), ...(column ? { column, cell: `${column}${row}` } : {}), message };
  };
  let n = 0;
  const files = ['a.xlsx', 'b.xlsx', 'c 表.xlsx', 'd.xlsx'];
  for (const [i, file] of files.entries()) {
    const count = big && i === 1 ? bigCount : 300;
    for (let k = 0; k < count; k++) {
      const sheet = sheets[k % 2];
      // mostly in row order, some behind (a rule at its sheet's end), some at one place, some with no row or no sheet
      const r = rnd();
      const row = r < 0.1 ? 2 + Math.floor(rnd() * (k + 1)) : r < 0.13 ? undefined : 2 + k;
      const column = r > 0.95 ? undefined : String.fromCharCode(65 + Math.floor(rnd() * 5));
      w.finding(finding(file, r > 0.99 ? undefined : sheet, row, column, n++));
    }
    const counted: Record<string, Record<'error' | 'warning' | 'info', number>> = i === 2 ? { 'order-manual-review': { error: 0, warning: 7, info: 0 } } : {};
    const skipped: SkippedFindings[] = i === 3 ? [{ sheet: '订单', order: ['ship-late', 'schema/type'], counts: { 'ship-late': { error: 2, warning: 1, info: 0 } } }] : [];
    // b and d wait for a join
    w.fileDone(summary(file), file === 'b.xlsx' || file === 'd.xlsx', counted, skipped);
  }
  w.filesDone();
  // late findings: of the held files (merged into their sections), and of one that was not held (a stray)
  for (let k = 0; k < 50; k++) w.finding(finding(k % 3 === 2 ? 'a.xlsx' : k % 2 ? 'b.xlsx' : 'd.xlsx', sheets[k % 2], 2 + Math.floor(rnd() * 400), 'B', n++));
  void quiet;
}

/** The report's bytes, as a file or a pipe receives them (text encoded, bytes as they are). */
export async function report(maxFindings: number, s: Scenario, format: 'text' | 'html' = 'text', columns?: number): Promise<Buffer & { largest: number; spoolsWhileFed: number }> {
  const parts: Buffer[] = [];
  let largest = 0;
  const out = { write: (x: string | Uint8Array) => { const b = typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x); largest = Math.max(largest, b.length); parts.push(b); } };
  const w = format === 'text'
    ? new TextWriter(out, { lang: 'zh', color: columns !== undefined, maxFindings, quiet: s.quiet, columns })
    : new HtmlWriter(out, { lang: 'zh', maxFindings, limits: { selection: { pass: 80, hold: 60, maxScore: 100 }, campaign: {} as never, orders: {} }, charts: [], time: '2026-12-06 10:00', version: '0.0.0' });
  feed(w, s);
  // the sorted runs written to temporary files while the findings came (sorted-lines.ts), before the report's end: this
  // thread's (the tests' other threads share the process id, and their reports' runs were counted too: a held report "spooled")
  const spoolsWhileFed = openTemps().filter((p) => basename(p).startsWith('ecsop-lines-')).length;
  await w.end(new Totals());
  return Object.assign(Buffer.concat(parts), { largest, spoolsWhileFed });
}
