import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDate, PAST_LAST_SERIAL } from '../../src/cells/date.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * A number in a cell formatted as a date, past Excel's last day (9999-12-31): Excel shows ####, it is
 * no date. It was read as an invalid date: the message said `NaN-NaN-NaN NaN:NaN`, and `--write`
 * refused its copy as unlike its input (helper-78). It is the number it is.
 */
async function ordersWithDateFormats(path: string, values: number[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  ws.addRow(['订单号', '支付时间', '收货地址', '实付金额', '数量']);
  values.forEach((v, i) => {
    const row = ws.addRow([`2024052000${i}`, v, '浙江省杭州市西湖区文三路90号', 99, v]);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(5).numFmt = 'yyyy-mm-dd';
  });
  await wb.xlsx.writeFile(path);
}

describe('a date-formatted number past Excel\'s last day', () => {
  it('is read as its number: the message names it, and --write writes the copy', async () => {
    const dir = tempDir();
    await ordersWithDateFormats(join(dir, 'o.xlsx'), [99999999999999.9, 1e14, PAST_LAST_SERIAL, 45432.5]);
    const res = await ecsop(['review', 'o.xlsx', '--write', 'copy.xlsx', '--now', '2024-05-21T12:00', '--format', 'json'], { cwd: dir });
    expect(res.stderr).not.toMatch(/NaN|不一致|unlike/);
    expect(res.code).toBe(1);
    expect(existsSync(join(dir, 'copy.xlsx'))).toBe(true);
    const findings = JSON.parse(res.stdout).findings as Array<{ ruleId: string; cell: string; value?: string }>;
    const values = findings.filter((f) => f.ruleId === 'schema/type').map((f) => `${f.cell}=${f.value}`);
    // 支付时间 (B) of the first three orders: no day, the numbers as written (and the fraction in 数量, E2); 2958466
    // and 1e14 are whole numbers, a quantity; the last order's serial is a day (a day is no quantity: E5, as before)
    expect(values).toEqual(['B2=99999999999999.9', 'E2=99999999999999.9', 'B3=100000000000000', 'B4=2958466', 'E5=2024-05-20 12:00']);
    expect(findings.some((f) => f.cell === 'B5')).toBe(false);
    expect(JSON.stringify(findings)).not.toContain('NaN');
  });

  it('ends where Excel\'s days end: the last second of 9999-12-31 is a day, the next serial is not', () => {
    expect(parseDate(PAST_LAST_SERIAL - 1 / 86400)?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(parseDate(PAST_LAST_SERIAL)).toBeUndefined();
  });
});
