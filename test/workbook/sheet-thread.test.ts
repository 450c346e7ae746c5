import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { decodeRows, encodeRows, SharedCells } from '../../src/workbook/xlsx/row-wire.js';
import { sheetThreads } from '../../src/workbook/xlsx/sheet-thread.js';
import { UnreadableFileError } from '../../src/workbook/types.js';
import { openWorkbook } from '../../src/workbook/open.js';
import { CASES } from '../corpus/cases.js';
import { xlsx } from '../corpus/build.js';
import { mutate, rng } from '../fuzz/mutate.js';
import { tempDir } from '../helpers/cli.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

const root = join(__dirname, '../..');

/**
 * Every sheet's rows, or the error the read ends with (as a person would be told it) with the rows
 * the sheet gave before it (its findings are reported), and how far the progress got.
 */
async function readOutcome(path: string): Promise<unknown> {
  const out: Array<{ sheet: string; rows?: RawRow[]; problem?: string; chart?: boolean; progress?: number }> = [];
  let before: RawRow[] = [];
  try {
    const wb = await openWorkbook(path);
    for await (const sheet of wb.sheets()) {
      const rows: RawRow[] = (before = []);
      for await (const batch of sheet.batches()) rows.push(...batch);
      out.push({ sheet: sheet.name, rows, problem: sheet.problem?.reason, chart: sheet.chart, progress: sheet.progress?.() });
    }
    return out;
  } catch (err) {
    if (err instanceof UnreadableFileError) return { sheets: out, before, reason: err.reason, ruleId: err.ruleId, en: err.text('en'), zh: err.text('zh') };
    return { sheets: out, before, error: String(err) };
  }
}

let threadedFiles = 0;

/** The same file read with every sheet in a thread of its own (the large-sheet path) and in this thread. */
async function bothWays(path: string) {
  delete process.env.ECSOP_SHEET_THREAD_BYTES;
  const here = await readOutcome(path);
  process.env.ECSOP_SHEET_THREAD_BYTES = '0';
  const before = sheetThreads.started;
  const threaded = await readOutcome(path);
  threadedFiles += sheetThreads.started > before ? 1 : 0;
  delete process.env.ECSOP_SHEET_THREAD_BYTES;
  return { here, threaded };
}

describe('a large sheet read in a thread of its own gives what the reading in one thread gives', () => {
  const dir = tempDir('ecsop-sheet-thread-');
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/sheet-reader.js'))) throw new Error('run `npm run build` first (npm test does)');
  });
  afterEach(() => { delete process.env.ECSOP_SHEET_THREAD_BYTES; });

  it('rows cross as typed arrays and come back as the same cells: every kind of value, formulas, errors, a shared index with no string', () => {
    const strings = ['订单号', '', 'x'.repeat(40)];
    const rows: RawRow[] = [
      { row: 1, cells: [undefined, { value: null, sst: 0 }, { value: null, sst: 1 }, { value: null, sst: 2 }, { value: null, sst: 9 }] },
      { row: 7, cells: [undefined, { value: 12.5 }, { value: -0 }, { value: NaN }, { value: true }, { value: false }, { value: new Date(Date.UTC(2024, 4, 20, 9, 12)) }, { value: new Date(NaN) }, { value: 1e20, noDay: true }, { value: -5, noDay: true, formula: 'A1-10' }] },
      { row: 8, cells: [undefined, undefined, { value: 'text\u0000with nul' }, { value: null, error: '#DIV/0!' }, { value: null, formula: 'SUM(A1:A2)' }, { value: null, error: '#N/A', formula: 'NA()' }, { value: 3, formula: '1+2' }, { value: null, sst: 2, formula: 'A1' }] },
      { row: 9, cells: [] },
      { row: 16384, cells: Object.assign([], { 16384: { value: '最后一列' } }) },
    ];
    const { wire } = encodeRows(rows);
    const back = decodeRows(wire, StringTable.of(strings));
    expect(back).toEqual([
      { row: 1, cells: [undefined, { value: '订单号', sst: 0 }, { value: '', sst: 1 }, { value: 'x'.repeat(40), sst: 2 }, { value: null }] },
      rows[1],
      { ...rows[2], cells: rows[2].cells.map((c) => (c?.sst === 2 ? { value: 'x'.repeat(40), sst: 2, formula: 'A1' } : c)) },
      rows[3],
      rows[4],
    ]);
    // the same keys in the same order as the scanner makes them (the reports print cells' properties)
    expect(Object.keys(back[2].cells[5]!)).toEqual(['value', 'error', 'formula']);
    expect(Object.keys(back[0].cells[1]!)).toEqual(['value', 'sst']);
    expect(Object.keys(back[1].cells[9]!)).toEqual(['value', 'noDay', 'formula']);
  });

  it('a shared string repeated down the rows, in batch after batch, comes back as the same cells as each row alone gives (indexes 4,096 apart too)', () => {
    const strings = Array.from({ length: 9000 }, (_, i) => `文本${i}`);
    const indexes = [0, 1, 4096, 0, 8192, 1, 4097, 8999, 9000, 0, -1, 1.5, 1, 4095, -1, 2 ** 32 + 1, 1];
    const batch = (from: number): RawRow[] => indexes.map((sst, i) => ({ row: from + i, cells: [undefined, { value: null, sst }, { value: null, sst: (sst + i) % 9000 }, { value: null, sst, formula: 'A1' }, { value: i }] }));
    const table = StringTable.of(strings);
    const shared = new SharedCells(table);
    for (const from of [2, 100, 200]) {
      const { wire } = encodeRows(batch(from));
      const again = encodeRows(batch(from)).wire;
      expect(decodeRows(wire, table, shared)).toEqual(decodeRows(again, table));
    }
    const rows = decodeRows(encodeRows(batch(2)).wire, table, shared);
    expect(rows.map((r) => r.cells[1])).toEqual(indexes.map((sst) => (Number.isInteger(sst) && sst >= 0 && sst < 9000 ? { value: `文本${sst}`, sst } : { value: null })));
    // one object for one text: the second and the sixth rows both hold string 1 (nothing between took its slot)
    expect(rows[5].cells[1]).toBe(rows[1].cells[1]);
  });

  it('every file of the examples, fixtures and templates', async () => {
    const files = ['examples', 'test/fixtures', 'templates'].flatMap((d) => readdirSync(join(root, d)).filter((f) => extname(f) === '.xlsx').map((f) => join(root, d, f)));
    expect(files.length).toBeGreaterThan(15);
    let withRows = 0;
    for (const f of files) {
      const { here, threaded } = await bothWays(f);
      expect(threaded, f).toEqual(here);
      if (Array.isArray(here) && here.some((s: { rows?: RawRow[] }) => s.rows?.length)) withRows += 1;
    }
    // the threaded path was taken, not skipped for want of its script
    expect(withRows).toBeGreaterThan(15);
    expect(threadedFiles).toBeGreaterThanOrEqual(withRows);
  });

  it('every report of the CLI is byte for byte the same, the sheets read in threads or not', async () => {
    const formats = [['check'], ['check', '--format', 'json'], ['check', '--format', 'junit'], ['check', '--format', 'html'], ['review', '--format', 'json'], ['lint']];
    for (const args of formats) {
      const cli = (env: Record<string, string>) => spawnSync(process.execPath, [join(root, 'bin/ecsop.js'), ...args, join(root, 'examples'), '--now', '2024-06-01', '--no-progress'], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
      const threaded = cli({ ECSOP_SHEET_THREAD_BYTES: '0' });
      const here = cli({ ECSOP_SHEET_THREAD: '0' });
      expect(threaded.stderr, args.join(' ')).toBe(here.stderr);
      expect(threaded.status, args.join(' ')).toBe(here.status);
      expect(threaded.stdout.length, args.join(' ')).toBeGreaterThan(100);
      expect(threaded.stdout, args.join(' ')).toBe(here.stdout);
    }
  }, 120_000);

  it('a large sheet inflated in its own thread (not streamed): whole, damaged in the middle, or stored, read whole and from the disk: the same rows or the same reason', async () => {
    const { xlsxParts, zip, HEADER, ROW, rowsXml, sheetXml } = await import('../corpus/build.js');
    const next = rng(20261206);
    const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
    // a file under 8 MB is read whole (its large sheet inflated from memory); one of random text, over 8 MB, from the disk
    const plain = sheetXml(rowsXml([HEADER, ...Array.from({ length: 12_000 }, (_, i) => [`2024052${i}`, ...ROW.slice(1)])]));
    const noisy = sheetXml(rowsXml([[...HEADER, '备注2'], ...Array.from({ length: 40_000 }, (_, i) => [`2024052${i}`, ...ROW.slice(1), noise(160).toString('hex')])]));
    let read = 0;
    let zlibSaid = 0;
    for (const [name, xml] of [['whole', plain], ['disk', noisy]] as const) {
      for (const method of [8, 0] as const) {
        const parts = xlsxParts({ sheets: [{ name: '订单', xml }] }).map((p) => (p.name.includes('worksheets') ? { ...p, method } : p));
        const good = zip(parts);
        // the sheet's data: from its local header on (the parts are written in order, the sheet after the workbook's parts)
        const at = good.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
        const files: Array<[string, Buffer]> = [[`${name}-${method}-good.xlsx`, good]];
        const dataStart = at + 'xl/worksheets/sheet1.xml'.length;
        const dataSize = good.readUInt32LE(at - 30 + 18);
        for (const where of [0.05, 0.4, 0.93]) {
          // a few bytes changed (zlib reads on, the size or CRC tells), and the rest of the data noise (zlib itself stops)
          const from = dataStart + Math.floor(dataSize * where);
          const bad = Buffer.from(good);
          for (let k = 0; k < 6; k++) bad[from + k * 97] ^= 0x5a;
          files.push([`${name}-${method}-damaged-${where}.xlsx`, bad]);
          const scrambled = Buffer.from(good);
          noise(dataStart + dataSize - from).copy(scrambled, from);
          files.push([`${name}-${method}-scrambled-${where}.xlsx`, scrambled]);
        }
        for (const [file, bytes] of files) {
          const path = join(dir, file);
          writeFileSync(path, bytes);
          if (name === 'disk') expect(bytes.length, file).toBeGreaterThan(8 << 20);
          else expect(bytes.length, file).toBeLessThan(8 << 20);
          const { here, threaded } = await bothWays(path);
          expect(threaded, file).toEqual(here);
          if (JSON.stringify(here).includes('the compressed data of')) zlibSaid++;
          read++;
        }
      }
    }
    expect(read).toBe(28);
    // data zlib itself could not inflate (said as damaged compressed data, in the run's language), the same in both
    expect(zlibSaid).toBeGreaterThan(2);
  }, 300_000);

  it('every file of the bad-input corpus: the same rows or the same reason', async () => {
    let n = 0;
    mkdirSync(join(dir, 'corpus'), { recursive: true });
    for (const c of CASES) {
      if (!c.file.endsWith('.xlsx') || c.file.startsWith('no-permission') || 'skipped' in c.expect) continue;
      const path = join(dir, 'corpus', c.file);
      c.make(path, join(dir, 'corpus'));
      if (!existsSync(path)) continue;
      const { here, threaded } = await bothWays(path);
      expect(threaded, c.file).toEqual(here);
      n++;
    }
    expect(n).toBeGreaterThan(40);
  }, 120_000);

  it('200 mutated workbooks (the fuzzer\'s mutations): the same rows or the same reason', async () => {
    const r = rng(20261203);
    const seeds = [xlsx(), ...['examples', 'test/fixtures'].flatMap((d) => readdirSync(join(root, d)).filter((f) => extname(f) === '.xlsx' && !f.includes('renamed')).map((f) => readFileSync(join(root, d, f))))];
    for (let i = 0; i < 200; i++) {
      const path = join(dir, `mutant-${i}.xlsx`);
      writeFileSync(path, mutate(r, seeds[i % seeds.length], true));
      const { here, threaded } = await bothWays(path);
      expect(threaded, `mutant ${i}`).toEqual(here);
    }
  }, 120_000);
});
