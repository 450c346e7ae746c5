import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SortedLines } from '../../src/report/sorted-lines.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { random, report, type Scenario } from '../helpers/report-feed.js';

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

describe('on a terminal, the table of --all is measured and written from its spool, the same table as held', () => {
  // 100 columns: four columns; 160: seven; 24: too narrow for any table, a block of lines a finding
  for (const columns of [100, 160, 24]) {
    it(`${columns} columns wide, coloured`, async () => {
      const s: Scenario = { quiet: false, seed: 10 + columns };
      const held = await report(Number.MAX_SAFE_INTEGER, s, 'text', columns);
      const spooled = await report(Infinity, s, 'text', columns);
      expect(spooled.toString('utf8')).toMatch(columns === 24 ? /\n {2}\S/ : /┌─/);
      expect(spooled.equals(held)).toBe(true);
    });
  }

});

describe('--all --quiet labels each sheet as --quiet alone does', () => {
  it('a sheet of no kind holding only a header: [未识别] (its hint, not listed with --quiet, still says it was found), never [-] (outsider helper-104)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '仅表头.csv'), '订单编号,订单状态\n');
    const quiet = await ecsop(['check', '.', '--quiet', '--no-progress'], { cwd: dir });
    const all = await ecsop(['check', '.', '--quiet', '--all', '--no-progress'], { cwd: dir });
    expect(quiet.stdout).toContain('仅表头 [未识别] 0 行');
    expect(all.stdout).toBe(quiet.stdout);
    expect(all.code).toBe(quiet.code);
  });
});
