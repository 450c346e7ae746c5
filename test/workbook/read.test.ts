import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../../src/workbook/types.js';
import ExcelJS from 'exceljs';
import { ecsop, tempDir } from '../helpers/cli.js';
import { at, readAll } from '../helpers/read.js';
import { writeWorkbook } from '../helpers/workbook.js';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('reading .xlsx cells', () => {
  it('reads every value shape: formulas with and without results, errors, rich text, links, dates', async () => {
    const file = join(tempDir(), 'cells.xlsx');
    await writeWorkbook(file, {
      s: [[
        'text', 4.5, true, day(2024, 4, 1),
        { formula: 'A2*2', result: 9 }, { formula: 'A2*2' }, { formula: '1/0', result: { error: '#DIV/0!' } },
        { richText: [{ text: '敏感肌' }, { text: '面膜' }] }, { error: '#N/A' },
      ]],
    });
    const rows = (await readAll(file)).s;
    expect(rows[0].row).toBe(1);
    expect(at(rows, 'A1')).toEqual({ value: 'text', sst: 0 }); // a shared string carries its index
    expect(at(rows, 'B1')).toEqual({ value: 4.5 });
    expect(at(rows, 'C1')).toEqual({ value: true });
    expect(at(rows, 'D1')).toEqual({ value: day(2024, 4, 1) });
    expect(at(rows, 'E1')).toEqual({ value: 9, formula: 'A2*2' });
    expect(at(rows, 'F1')).toEqual({ value: null, formula: 'A2*2' });
    expect(at(rows, 'G1')).toEqual({ value: null, formula: '1/0', error: '#DIV/0!' });
    expect(at(rows, 'H1')).toMatchObject({ value: '敏感肌面膜' });
    expect(at(rows, 'I1')).toEqual({ value: null, error: '#N/A' });
  });

  it('reads what openpyxl wrote: typed dates, text dates, an uncached formula', async () => {
    const rows = (await readAll(fixture('openpyxl-research.xlsx')))['选品'];
    expect(at(rows, 'J3')?.value).toEqual(day(2024, 4, 5));
    expect(at(rows, 'J4')?.value).toBe('2024-04-05');
    expect(at(rows, 'C3')?.value).toBe('5(搜索量高,供给缺口)');
    expect(at(rows, 'G6')).toMatchObject({ value: null, formula: expect.stringContaining('ROUND') });
  });

  it('reads the 1904 date system', async () => {
    const rows = (await readAll(fixture('openpyxl-1904.xlsx')))['任务'];
    expect(at(rows, 'C2')?.value).toEqual(day(2024, 5, 10));
    expect(at(rows, 'D2')?.value).toEqual(day(2024, 5, 12));
  });

  it('reads what LibreOffice wrote: cached formula results and errors', async () => {
    const rows = (await readAll(fixture('libreoffice-selection.xlsx')))['选品评估矩阵表'];
    expect(at(rows, 'G2')).toMatchObject({ value: 4.5 });
    expect(at(rows, 'H2')).toMatchObject({ value: '通过' });
    expect(at(rows, 'G4')?.value).toBeCloseTo(2.95, 10); // full-width ３ read by the template's formula
    expect(at(rows, 'H6')?.value).toBe('待定');
    expect(at(rows, 'G7')).toMatchObject({ error: '#DIV/0!' });
  });
});

describe('reading CSV', () => {
  it('detects GBK (as Chinese Excel saves CSV) and UTF-8 with a BOM to the same rows', async () => {
    const gbk = (await readAll(fixture('orders-gbk.csv')))['orders-gbk'];
    const bom = (await readAll(fixture('orders-utf8-bom.csv')))['orders-utf8-bom'];
    expect(gbk.map((r) => r.cells)).toEqual(bom.map((r) => r.cells));
    expect(at(gbk, 'E3')?.value).toBe('新疆维吾尔自治区');
    expect(at(bom, 'A1')?.value).toBe('订单编号'); // no BOM left in the first header
  });

  it('handles quotes, doubled quotes, line breaks in fields, tabs and --encoding', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.csv'), '订单号,买家备注\r\n1,"加急,急用"\r\n2,"说""你好""\n第二行"\r\n');
    const rows = (await readAll(join(dir, 'q.csv'))).q;
    expect(at(rows, 'B2')?.value).toBe('加急,急用');
    expect(at(rows, 'B3')?.value).toBe('说"你好"\n第二行');
    writeFileSync(join(dir, 't.csv'), '订单号\t金额\n1\t500\n');
    expect(at((await readAll(join(dir, 't.csv'))).t, 'B2')?.value).toBe('500');
    writeFileSync(join(dir, 'g.csv'), iconv.encode('订单号,收件地址\n1,浙江省杭州市\n', 'gbk'));
    expect(at((await readAll(join(dir, 'g.csv'), { encoding: 'gb18030' })).g, 'B2')?.value).toBe('浙江省杭州市');
  });

  it('streams a CSV larger than one read chunk without breaking characters', async () => {
    const dir = tempDir();
    const line = '20240520001,浙江省杭州市西湖区文三路90号,"备注,含逗号"\n';
    writeFileSync(join(dir, 'big.csv'), `订单号,收件地址,买家备注\n${line.repeat(40_000)}`);
    const rows = (await readAll(join(dir, 'big.csv'))).big;
    expect(rows.length).toBe(40_001);
    expect(rows.every((r, i) => i === 0 || (r.cells[2]?.value === '浙江省杭州市西湖区文三路90号' && r.cells[3]?.value === '备注,含逗号'))).toBe(true);
  });
});

describe('files the reader refuses', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    ['not-a-zip.xlsx', 'hello, this is text', 'not-a-zip'],
    ['empty.xlsx', '', 'empty'],
    ['truncated.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), 'corrupt'],
    ['legacy.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'legacy-xls'],
    ['locked.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]), 'encrypted'],
    ['old.xls', 'anything', 'not-a-workbook'],
    ['ole.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'legacy-xls'],
    ['sheet.ods', 'anything', 'ods'],
  ];
  it.each(cases)('%s → %s', async (name, content, reason) => {
    const file = join(tempDir(), name);
    writeFileSync(file, content);
    const err = await readAll(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe(reason);
  });

  it('refuses a renamed .ods (a zip that is OpenDocument)', async () => {
    const file = join(tempDir(), 'renamed.xlsx');
    // a zip whose first entry is the OpenDocument mimetype, as LibreOffice writes it
    const name = Buffer.from('mimetype');
    const body = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(body.length, 22);
    header.writeUInt16LE(name.length, 26);
    writeFileSync(file, Buffer.concat([header, name, body]));
    const err = (await readAll(file).catch((e: unknown) => e)) as UnreadableFileError;
    expect(err.reason).toBe('ods');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(tempDir(), 'big.xlsx');
    await writeWorkbook(file, { s: [['a']] });
    const err = (await readAll(file, { limits: { maxFileBytes: 100 } }).catch((e: unknown) => e)) as UnreadableFileError;
    expect(err.reason).toBe('too-large');
    expect(err.ruleId).toBe('file/too-large');
  });
});

describe('shared formulas (Excel\'s fill-down, ecsop\'s templates)', () => {
  it('gives each cell of a shared formula its own formula, moved to it, with or without a saved result', async () => {
    const dir = tempDir();
    const file = join(dir, 'shared.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 1;
    ws.getCell('B1').value = { formula: 'IF(A1="","",A1*$D$1+SUM(A$1:A1))', shareType: 'shared', ref: 'B1:C4', result: 2 } as never;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 3 } as never;
    ws.getCell('B3').value = { sharedFormula: 'B1' } as never;
    ws.getCell('C4').value = { sharedFormula: 'B1' } as never;
    await wb.xlsx.writeFile(file);
    const rows = (await readAll(file)).s;
    expect(at(rows, 'B1')).toEqual({ value: 2, formula: 'IF(A1="","",A1*$D$1+SUM(A$1:A1))' });
    expect(at(rows, 'B2')).toEqual({ value: 3, formula: 'IF(A2="","",A2*$D$1+SUM(A$1:A2))' });
    expect(at(rows, 'B3')).toEqual({ value: null, formula: 'IF(A3="","",A3*$D$1+SUM(A$1:A3))' });
    expect(at(rows, 'C4')).toEqual({ value: null, formula: 'IF(B4="","",B4*$D$1+SUM(B$1:B4))' });
  });

  it('the templates write the 综合得分 formula once down the column: the selection workbook stays small', async () => {
    const dir = tempDir();
    await ecsop(['init', dir]);
    const { statSync } = await import('node:fs');
    // 2,000 prepared rows of a 12 KB formula were 24 MB of sheet; shared, the workbook is tens of KB
    expect(statSync(join(dir, '01-市场调研与选品.xlsx')).size).toBeLessThan(200_000);
    const rows = (await readAll(join(dir, '01-市场调研与选品.xlsx')))['选品评估矩阵表'];
    expect(String(at(rows, 'G2000')?.formula)).toContain('COUNTA(C2000,D2000,E2000,F2000)');
  });
});
