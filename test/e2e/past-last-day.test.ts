import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDateSerial, parseDate, PAST_LAST_SERIAL } from '../../src/cells/date.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * A number in a cell formatted as a date that Excel shows as #### (negative, past 9999-12-31): it is no
 * date. It was read as an invalid date: the message said `NaN-NaN-NaN NaN:NaN`, and `--write` refused its
 * copy as unlike its input (helper-78; helper-79: the negative ones too, and a formatted 1700000000 then read
 * as Unix seconds). It is the number it is, and a date column says so.
 */
async function ordersWithDateFormats(path: string, values: number[], date1904 = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('订单');
  ws.addRow(['订单号', '支付时间', '收货地址', '实付金额', '数量']);
  values.forEach((v, i) => {
    const row = ws.addRow([`2024052000${i}`, v, '浙江省杭州市西湖区文三路90号', 99, v]);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(5).numFmt = 'yyyy-mm-dd';
  });
  await wb.xlsx.writeFile(path);
}

async function typeFindings(dir: string, file: string): Promise<{ code: number; stderr: string; values: string[]; json: string }> {
  const res = await ecsop(['review', file, '--write', `copy-${file}`, '--now', '2024-05-21T12:00', '--format', 'json'], { cwd: dir });
  const findings = JSON.parse(res.stdout).findings as Array<{ ruleId: string; cell: string; value?: string }>;
  return { code: res.code, stderr: res.stderr, values: findings.filter((f) => f.ruleId === 'schema/type' || f.ruleId === 'schema/range').map((f) => `${f.cell}=${f.value}${f.ruleId === 'schema/range' ? ' (range)' : ''}`), json: JSON.stringify(findings) };
}

describe('a date-formatted number Excel shows as ####', () => {
  it('is read as its number, past the last day and below zero: the message names it, and --write writes the copy', async () => {
    const dir = tempDir();
    await ordersWithDateFormats(join(dir, 'o.xlsx'), [99999999999999.9, 1e14, PAST_LAST_SERIAL, -1e9, -1, 1700000000, 45432.5]);
    const r = await typeFindings(dir, 'o.xlsx');
    expect(r.stderr).not.toMatch(/NaN|不一致|unlike/);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'copy-o.xlsx'))).toBe(true);
    expect(r.json).not.toContain('NaN');
    // 支付时间 (B): every one but the last is no day, named as written (1700000000 too: no Unix time when formatted
    // as a date); 数量 (E): the whole numbers are quantities, the fraction is none and the negative ones are out of
    // range; the last order's serial is a day (a day is no quantity: E8, as before)
    expect(r.values).toEqual(['B2=99999999999999.9', 'E2=99999999999999.9', 'B3=100000000000000', 'B4=2958466', 'B5=-1000000000', 'E5=-1000000000 (range)', 'B6=-1', 'E6=-1 (range)', 'B7=1700000000', 'E8=2024-05-20 12:00']);
  });

  it('ends 1,462 days sooner in a workbook of the 1904 date system', async () => {
    const dir = tempDir();
    await ordersWithDateFormats(join(dir, 'o.xlsx'), [PAST_LAST_SERIAL - 1462, PAST_LAST_SERIAL - 1463, 0], true);
    const r = await typeFindings(dir, 'o.xlsx');
    expect(r.values.filter((v) => v.startsWith('B'))).toEqual(['B2=2957004']);
    expect(r.json).not.toMatch(/10000-|NaN/);
  });

  it('ends where Excel\'s days end: the last second of 9999-12-31 is a day, the next serial is not, nor a negative one', () => {
    expect(parseDate(PAST_LAST_SERIAL - 1 / 86400)?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(parseDate(PAST_LAST_SERIAL)).toBeUndefined();
    expect([0, 1, PAST_LAST_SERIAL - 1e-6].map((n) => isDateSerial(n))).toEqual([true, true, true]);
    expect([-1e-9, -1, PAST_LAST_SERIAL, Infinity, NaN].map((n) => isDateSerial(n))).toEqual([false, false, false, false, false]);
    expect([PAST_LAST_SERIAL - 1463, PAST_LAST_SERIAL - 1462].map((n) => isDateSerial(n, true))).toEqual([true, false]);
  });
});
