import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HtmlWriter } from '../../src/report/html.js';
import { TextWriter } from '../../src/report/text.js';
import { Totals } from '../../src/report/totals.js';
import { SortedLines } from '../../src/report/sorted-lines.js';
import type { Finding } from '../../src/rules/types.js';
import type { FileSummary, SkippedFindings } from '../../src/report/types.js';

/** A pseudo-random sequence, the same each run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

interface Scenario { quiet: boolean; seed: number; big?: boolean }

/**
 * A run's events as the run hands them to a writer: files of two sheets, their findings in an
 * order that is not their places' (a rule that reports when its sheet ends, several at one place,
 * findings about a sheet or a file with no row), files a join may still report on, late findings
 * of those and of others, findings only counted.
 */
function feed(w: TextWriter | HtmlWriter, { quiet, seed, big }: Scenario): void {
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
    const count = big && i === 1 ? 40_000 : 300;
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
async function report(maxFindings: number, s: Scenario, format: 'text' | 'html' = 'text'): Promise<Buffer & { largest: number; spoolsWhileFed: number }> {
  const parts: Buffer[] = [];
  let largest = 0;
  const out = { write: (x: string | Uint8Array) => { const b = typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x); largest = Math.max(largest, b.length); parts.push(b); } };
  const w = format === 'text'
    ? new TextWriter(out, { lang: 'zh', color: false, maxFindings, quiet: s.quiet })
    : new HtmlWriter(out, { lang: 'zh', maxFindings, limits: { selection: { pass: 80, hold: 60, maxScore: 100 }, campaign: {} as never, orders: {} }, charts: [], time: '2026-12-06 10:00', version: '0.0.0' });
  feed(w, s);
  // the sorted runs written to temporary files while the findings came (sorted-lines.ts), before the report's end
  const spoolsWhileFed = readdirSync(tmpdir()).filter((n) => n.startsWith(`ecsop-lines-${process.pid}-`)).length;
  await w.end(new Totals());
  return Object.assign(Buffer.concat(parts), { largest, spoolsWhileFed });
}

describe('the text report with --all keeps each finding as its line, in a spool, and writes what it wrote holding them', () => {
  for (const s of [{ quiet: false, seed: 1 }, { quiet: true, seed: 2 }, { quiet: false, seed: 3 }] satisfies Scenario[]) {
    it(`every finding by sheet, row and column, held files, late findings, counts (${s.quiet ? '--quiet' : 'all levels'}, seed ${s.seed})`, async () => {
      // the same findings with a cap no sheet reaches: held as findings, sorted in memory
      const held = await report(Number.MAX_SAFE_INTEGER, s);
      const spooled = await report(Infinity, s);
      expect(spooled.length).toBeGreaterThan(10_000);
      expect(spooled.equals(held)).toBe(true);
    });
  }

  it('a sheet of 40,000 findings (past the spool\'s memory, read back from its file in blocks) with late ones merged across the blocks', async () => {
    const s: Scenario = { quiet: false, seed: 4, big: true };
    const held = await report(Number.MAX_SAFE_INTEGER, s);
    const spooled = await report(Infinity, s);
    expect(spooled.length).toBeGreaterThan(8 << 20);
    expect(spooled.equals(held)).toBe(true);
    // never the section whole, in one piece: at most a block of the spool at a time
    expect(held.largest).toBeGreaterThan(4 << 20);
    expect(spooled.largest).toBeLessThanOrEqual(1 << 20);
  });
});

describe('SortedLines', () => {
  const all = (lines: SortedLines) => {
    const parts: Buffer[] = [];
    lines.writeTo((x) => parts.push(typeof x === 'string' ? Buffer.from(x) : Buffer.from(x)));
    return Buffer.concat(parts).toString('utf8');
  };

  it('gives its lines by place, those of one place in the order they came, late ones merged in', () => {
    const lines = new SortedLines();
    const added: Array<[number, string]> = [[5, 'e'], [5, 'e2'], [7, 'g'], [1, 'a (late)'], [5, 'e3 (late)'], [9, 'i'], [7, 'g2 (late)'], [0, 'zero (late)'], [9, 'i2']];
    for (const [place, line] of added) lines.add(place, line);
    expect(lines.size).toBe(added.length);
    expect(all(lines)).toBe(['zero (late)', 'a (late)', 'e', 'e2', 'e3 (late)', 'g', 'g2 (late)', 'i', 'i2', ''].join('\n'));
  });

  it('counts the bytes of each line as it is encoded (Chinese, a lone surrogate, four-byte characters)', () => {
    const lines = new SortedLines();
    const text = ['订单 A2', 'x\ud800y', '😀 end', 'ascii'];
    lines.add(3, text[0]);
    lines.add(4, text[1]);
    lines.add(6, text[2]);
    lines.add(5, text[3]);
    expect(all(lines)).toBe(`${text[0]}\nx\ufffdy\n${text[3]}\n${text[2]}\n`);
  });

  it('merges many runs, each line after those of lower places and those of its place that came before (a row\'s cells before its order\'s verdict at column A, a sheet\'s end, a join)', () => {
    const rnd = random(9);
    const lines = new SortedLines(1_000);
    const added: Array<{ place: number; seq: number; line: string }> = [];
    for (let row = 2, seq = 0; row < 20_000; row++) {
      // the row's cells first, then its verdict at column A; now and then one far back, or many at one place
      const at = (r: number, col: number) => r * 20_000 + col;
      const put = (place: number) => { const line = `${place} ${seq} ${'订单'.repeat(seq % 5)}${seq % 101 === 0 ? '😀\ud800' : ''}`; lines.add(place, line); added.push({ place, seq: seq++, line }); };
      put(at(row, 9));
      put(at(row, 1));
      if (rnd() < 0.05) put(at(2 + Math.floor(rnd() * row), 3));
      if (row % 1000 === 0) for (let k = 0; k < 30; k++) put(at(row - 500, 4));
    }
    const expected = added.sort((a, b) => a.place - b.place || a.seq - b.seq).map((x) => `${x.line.replace('\ud800', '\ufffd')}\n`).join('');
    expect(lines.size).toBe(added.length);
    expect(all(lines)).toBe(expected);
  });

  it('writes nothing when it holds nothing', () => {
    expect(all(new SortedLines())).toBe('');
  });
});

describe('the HTML report with --all keeps each finding as its table row, in a spool, and writes what it wrote holding them', () => {
  // the page held with a cap no sheet reaches says so (每张表最多列出 N 条); with --all it does not: else the same bytes
  const uncapped = (page: Buffer) => Buffer.from(page.toString('utf8').replace(/<p class="note">每张表最多列出 9007199254740991 条[^<]*<\/p>/, ''), 'utf8');
  for (const s of [{ quiet: false, seed: 5 }, { quiet: false, seed: 6 }] satisfies Scenario[]) {
    it(`every finding by sheet, row and column, held files, late findings, counts (seed ${s.seed})`, async () => {
      const held = await report(Number.MAX_SAFE_INTEGER, s, 'html');
      const spooled = await report(Infinity, s, 'html');
      expect(spooled.length).toBeGreaterThan(100_000);
      expect(spooled.toString('utf8')).toContain('<table class="findings">');
      expect(uncapped(held).length).toBeLessThan(held.length);
      expect(spooled.equals(uncapped(held))).toBe(true);
    });
  }

  it('a sheet of 40,000 findings is not held as findings: its rows are in sorted runs on disk before the report ends, and the page is the same', async () => {
    const s: Scenario = { quiet: false, seed: 7, big: true };
    const held = await report(Number.MAX_SAFE_INTEGER, s, 'html');
    const spooled = await report(Infinity, s, 'html');
    expect(spooled.length).toBeGreaterThan(8 << 20);
    expect(spooled.equals(uncapped(held))).toBe(true);
    expect(held.spoolsWhileFed).toBe(0);
    expect(spooled.spoolsWhileFed).toBeGreaterThan(0);
  });
});
