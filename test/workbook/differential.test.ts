import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toExcelSerial } from '../../src/cells/date.js';
import type { RawCell, RawRow } from '../../src/cells/raw.js';
import { exceljsRows } from '../helpers/exceljs-rows.js';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';

const root = join(__dirname, '..', '..');

/**
 * Compares cell by cell. Where the readers differ by design the comparison says why:
 * shared-formula followers have no formula text in ecsop (exceljs names the master cell), and
 * ecsop reads the Chinese built-in date formats (ids 27–36, 50–58) as dates where exceljs keeps
 * the serial number. A formula whose saved result is the empty string (LibreOffice writes
 * `t="str"` with `<v></v>`) is '' in ecsop and "no result" in exceljs: both are an empty cell.
 */
function same(ours: RawCell | undefined, theirs: RawCell | undefined, where: string) {
  if (!ours || !theirs) {
    expect(ours, where).toEqual(theirs);
    return;
  }
  const o = ours.value;
  const t = theirs.value;
  if (o instanceof Date && typeof t === 'number') expect(toExcelSerial(o), where).toBeCloseTo(t, 6);
  else if (o instanceof Date && t instanceof Date) expect(o.getTime(), where).toBe(t.getTime());
  else if (ours.formula !== undefined && o === '' && t === null) expect(theirs.formula, where).toBeDefined();
  else expect(o, where).toEqual(t);
  expect(ours.error, where).toEqual(theirs.error);
  expect(ours.formula !== undefined, `${where} has a formula`).toBe(theirs.formula !== undefined);
  if (ours.formula && theirs.formula) expect(ours.formula, where).toBe(theirs.formula);
}

async function compare(path: string) {
  const ours = await readAll(path);
  const theirs = await exceljsRows(path);
  expect(Object.keys(ours), path).toEqual(Object.keys(theirs));
  for (const sheet of Object.keys(theirs)) {
    const a = new Map<number, RawRow>(ours[sheet].map((r) => [r.row, r]));
    const b = new Map<number, RawRow>(theirs[sheet].map((r) => [r.row, r]));
    expect([...a.keys()], `${path} ${sheet} rows`).toEqual([...b.keys()]);
    for (const [n, row] of b) {
      const width = Math.max(row.cells.length, a.get(n)!.cells.length);
      for (let c = 1; c < width; c++) same(a.get(n)!.cells[c], row.cells[c], `${path} ${sheet}!R${n}C${c}`);
    }
  }
}

/** A workbook with every cell shape exceljs can write, in Chinese, with entities and odd names. */
async function everyShape(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全部类型');
  ws.addRow(['文本', '数字', '布尔', '日期', '公式', '公式无结果', '错误', '富文本', '链接', '实体']);
  ws.addRow([
    '敏感肌修护面膜 & <特价> "包邮" \'正品\'', 4.55, true, new Date(Date.UTC(2024, 3, 1)), { formula: 'B2*2', result: 9.1 }, { formula: 'B2+1' },
    { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: '敏感肌', font: { bold: true } }, { text: '面膜' }] },
    { text: '店铺', hyperlink: 'https://example.com/?a=1&b=2' }, '&amp; &#x4e2d; 文',
  ] as ExcelJS.CellValue[]);
  ws.addRow(['  前后空格  ', -0.5, false, new Date(Date.UTC(2024, 4, 20, 14, 30)), { formula: 'A3&"x"', result: '  前后空格  x' }, null, { error: '#N/A' }, '', 1e21, '换行\n第二行']);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  ws.getCell('D3').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('B3').numFmt = '0.00%';
  ws.mergeCells('A5:C6');
  ws.getCell('A5').value = '合并单元格';
  ws.getCell('Z40').value = '远处的单元格';
  for (let r = 10; r < 30; r++) ws.getCell(`B${r}`).value = { formula: `A${r}*2`, result: r } as ExcelJS.CellValue;
  wb.addWorksheet('__proto__').addRow(['constructor', 'toString']);
  const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
  hidden.addRow(['隐藏']);
  wb.addWorksheet('空表');
  await wb.xlsx.writeFile(path);
}

/** Fixtures whose notes (comments) exceljs fails on: compared no further than that ecsop reads them. */
const EXCELJS_CANNOT_READ = ['openpyxl-orders-styled.xlsx', 'openpyxl-selection-formulas.xlsx', 'openpyxl-orders-commented.xlsx'];

describe('our .xlsx reader agrees with exceljs cell by cell', () => {
  it('on a workbook of every cell shape', async () => {
    const file = join(tempDir(), 'shapes.xlsx');
    await everyShape(file);
    await compare(file);
    const ours = await readAll(file);
    expect(Object.prototype.hasOwnProperty.call({}, 'toString')).toBe(false); // nothing polluted
    expect(ours['__proto__'][0].cells[1]?.value).toBe('constructor');
  });

  it.each(readdirSync(join(root, 'templates')).map((f) => [f]))('on templates/%s', async (f) => compare(join(root, 'templates', f)));
  it.each(readdirSync(join(root, 'examples')).map((f) => [f]))('on examples/%s', async (f) => compare(join(root, 'examples', f)));
  it.each(readdirSync(join(root, 'test/fixtures')).filter((f) => f.endsWith('.xlsx') && !f.includes('renamed-ods') && !EXCELJS_CANNOT_READ.includes(f)).map((f) => [f]))('on the fixture %s, written by another program', async (f) => compare(join(root, 'test/fixtures', f)));
  it.each(EXCELJS_CANNOT_READ.map((f) => [f]))('(exceljs cannot read %s at all: its notes as openpyxl writes them)', async (f) => {
    await expect(exceljsRows(join(root, 'test/fixtures', f))).rejects.toThrow(/comments/);
    expect(Object.keys(await readAll(join(root, 'test/fixtures', f))).length).toBeGreaterThan(0);
  });
});
