import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { libreofficeTests, openInLibreOffice } from '../helpers/libreoffice.js';
import { readWithOpenpyxl, openpyxlTests } from '../helpers/openpyxl.js';
import { writeWorkbook } from '../helpers/workbook.js';

/**
 * Numbers that survive Excel and WPS (issue #20): 19-digit order numbers, tracking numbers and
 * phones stay whole in what ecsop writes, and one a spreadsheet has already rounded is reported,
 * never shown as if it were right.
 */
const IDS = ['3756291048576123456', '3756291048576123457', '3756291048576123458'];
const PHONE = '013800138000'; // a leading zero a spreadsheet would drop

async function queueOf(dir: string, name: string): Promise<void> {
  const csv = ['订单号,订单状态,收货地址,实付金额,手机', ...IDS.map((id) => `="${id}",买家已付款，等待卖家发货,新疆乌鲁木齐市天山区解放北路8号,99,${PHONE}`)].join('\r\n');
  writeFileSync(join(dir, 'export.csv'), `\uFEFF${csv}\r\n`);
  const res = await ecsop(['review', 'export.csv', '--queue', name], { cwd: dir });
  expect(res.code).toBe(0);
}

describe('the queue keeps long numbers as text', () => {
  it('the CSV writes each order number so that a spreadsheet takes it as text', async () => {
    const dir = tempDir();
    await queueOf(dir, 'q.csv');
    const text = readFileSync(join(dir, 'q.csv'), 'utf8');
    for (const id of IDS) expect(text).toContain(`"=""${id}"""`);
    // and ecsop reads its own queue back whole
    const again = await ecsop(['check', 'q.csv', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'schema/lost-digits')).toEqual([]);
  });

  it.runIf(libreofficeTests)('opened in LibreOffice, three orders stay three different numbers, as text', async () => {
    const dir = tempDir();
    await queueOf(dir, 'q.csv');
    const rows = openInLibreOffice(join(dir, 'q.csv'));
    const column = rows[0].findIndex((c) => c.value === '订单号');
    expect(rows.slice(1).map((r) => r[column])).toEqual(IDS.map((id) => ({ value: id, text: true })));
  }, 120_000);

  it.runIf(openpyxlTests)('--queue x.xlsx writes text cells in text-formatted columns', async () => {
    const dir = tempDir();
    await queueOf(dir, 'q.xlsx');
    const book = readWithOpenpyxl(join(dir, 'q.xlsx'));
    const cells = book.sheets[0].cells;
    expect([cells.D2.value, cells.D3.value, cells.D4.value]).toEqual(IDS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'q.xlsx'));
    expect(wb.worksheets[0].getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(wb.worksheets[0].getColumn(4).numFmt).toBe('@');
  });
});

describe('a number a spreadsheet has already rounded', () => {
  it('an order number held as a number of 19 digits is an error naming the cell and the fix, and is never shown as if right', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'o.xlsx'), { 订单: [['订单号', '收件地址', '金额', '物流单号', '电话'], [3901234567890123456, '浙江省杭州市西湖区文三路90号', 99, 'YT202405200001', '13800138000'], [3901234567890123457, '浙江省杭州市西湖区文三路90号', 99, 'YT202405200002', '13800138000'], [20240520001, '浙江省杭州市西湖区文三路90号', 99, 'YT202405200003', '13800138000']] });
    const res = await ecsop(['review', 'o.xlsx', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(res.stdout);
    const lost = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema/lost-digits');
    expect(lost.map((f: { cell: string; severity: string; value: string }) => [f.cell, f.severity, f.value])).toEqual([['A2', 'error', '3.90123456789012E+18'], ['A3', 'error', '3.90123456789012E+18']]);
    expect(lost[0].message).toContain('文本');
    // two different orders that now read alike are neither one order nor duplicates; a person decides each
    expect(report.orders.map((o: { reasons: string[] }) => o.reasons)).toEqual([['order-id-damaged'], ['order-id-damaged'], []]);
    const text = await ecsop(['review', 'o.xlsx'], { cwd: dir });
    expect(text.stdout).not.toContain('3901234567890124000');
    expect(text.stdout).toContain('3.90123456789012E+18');
  });

  it('a 16-digit number cell still whole in the file is read whole, with a warning that the next edit rounds it', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'o.xlsx'), { 订单: [['订单号', '收件地址', '金额'], [2405201234567811, '浙江省杭州市西湖区文三路90号', 99]] });
    const report = JSON.parse((await ecsop(['review', 'o.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema/lost-digits').map((f: { severity: string; value: string }) => [f.severity, f.value])).toEqual([['warning', '2405201234567811']]);
    expect(report.orders.map((o: { orderId: string; reasons: string[] }) => [o.orderId, o.reasons])).toEqual([['2405201234567811', []]]);
  });

  it('a CSV saved by Excel after its order numbers turned into 6.92101E+18', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), '订单号,收件地址,金额\r\n6.92101E+18,浙江省杭州市西湖区文三路90号,99\r\n6.92101E+18,浙江省杭州市西湖区文三路90号,99\r\n');
    const report = JSON.parse((await ecsop(['review', 'o.csv', '--format', 'json'], { cwd: dir })).stdout);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema/lost-digits').map((f: { cell: string }) => f.cell)).toEqual(['A2', 'A3']);
    expect(report.orders.map((o: { reasons: string[] }) => o.reasons)).toEqual([['order-id-damaged'], ['order-id-damaged']]);
  });

  it('a tracking number held as a number of 16 digits, on a shipments sheet', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 's.xlsx'), { 物流发货管理表: [['订单号', '收件地址', '物流公司', '物流单号', '发货时间'], ['20240520001', '浙江省杭州市', '中通快递', 7530123456789012, '2024-05-20']] });
    const report = JSON.parse((await ecsop(['check', 's.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema/lost-digits').map((f: { cell: string }) => f.cell)).toEqual(['D2']);
  });
});

describe('the templates keep typed numbers whole', () => {
  it('订单号, 电话 and 物流单号 are text columns', async () => {
    const dir = tempDir();
    await ecsop(['init', dir]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '05-订单处理与履约.xlsx'));
    const format = (sheet: string, header: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === 'string' && v.startsWith(header));
      return ws.getColumn(col).numFmt;
    };
    expect([format('订单', '订单号'), format('订单', '电话'), format('物流发货管理表', '订单号'), format('物流发货管理表', '物流单号')]).toEqual(['@', '@', '@', '@']);
  });
});
