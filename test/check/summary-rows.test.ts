import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryWord } from '../../src/sheets/summary-row.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const HEAD = ['订单编号', '收货地址', '实付金额', '联系手机', '订单状态'];
const ORDERS = [
  ['1001', '浙江省杭州市西湖区文三路1号', '120.00', '13812345678', '买家已付款'],
  ['1002', '广东省深圳市南山区科技园2号', '80.50', '13912345678', '买家已付款'],
];

interface Report {
  findings: Array<{ ruleId: string; severity: string; row?: number; message: string; value?: unknown }>;
  files: Array<{ sheets: Array<{ rows: number }> }>;
  orders: Array<{ orderId: string; row: number; decision: string }>;
  review: { orders: number; auto: number; manual: number };
}

async function reviewJson(dir: string, file: string): Promise<Report> {
  const res = await ecsop(['review', file, '--format', 'json', '--lang', 'en'], { cwd: dir });
  expect(res.stderr).toBe('');
  return JSON.parse(res.stdout) as Report;
}

const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

describe('rows of totals are no orders (合计, 小计 …), in every file kind', () => {
  const dir = tempDir();

  it.each([
    '合计', '合计:', '合计：', '合 计', '本页合计', '总计', '小计', '汇总', '共计', '累计', '合计金额', '合计(2 笔)', '合计（2笔）', '总合计',
    'Total', 'TOTAL', 'Totals', 'Total:', 'Grand Total', 'Subtotal', 'Sub-total', 'Sum', 'ｔｏｔａｌ', ' 合计 ',
  ])('a CSV export whose last row opens with %j: 2 orders, the row said once and not counted', async (word) => {
    writeFileSync(join(dir, 'orders.csv'), csv([HEAD, ...ORDERS, [`"${word}"`, '', '200.50', '', '']]));
    const r = await reviewJson(dir, 'orders.csv');
    expect(r.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(r.review).toMatchObject({ orders: 2, auto: 2, manual: 0 });
    expect(r.files[0].sheets[0].rows).toBe(2);
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'sheet/summary-rows', severity: 'info', row: 4, value: word.trim() })]);
  });

  it.each(['小计划', 'Totally', 'Summer', '合计划', '总计划书', 'Sum1'])('a first cell %j is data, not totals', (word) => {
    expect(summaryWord([undefined, { value: word }, { value: 'x' }])).toBeUndefined();
  });

  it('a first cell that is a number or a date is data, and the word in a later column after a filled one is data too', () => {
    expect(summaryWord([undefined, { value: 3 }, { value: '合计' }])).toBeUndefined();
    expect(summaryWord([undefined, { value: new Date(0) }, { value: '合计' }])).toBeUndefined();
    expect(summaryWord([undefined, { value: '1003' }, { value: '合计' }])).toBeUndefined();
    // an empty 序号 column first: the row still opens with the word
    expect(summaryWord([undefined, undefined, { value: '  ' }, { value: '合计' }])).toBe('合计');
  });

  it('an .xlsx with 小计 rows under each shop and a 合计 row: the orders alone are reviewed', async () => {
    await writeWorkbook(join(dir, 'orders.xlsx'), {
      订单: [HEAD, ORDERS[0], ['小计', null, 120, null, null], ORDERS[1], ['小计', null, 80.5, null, null], ['合计', null, { formula: 'C3+C5', result: 200.5 }, null, null]],
    });
    const r = await reviewJson(dir, 'orders.xlsx');
    expect(r.orders.map((o) => [o.orderId, o.row])).toEqual([['1001', 2], ['1002', 4]]);
    expect(r.files[0].sheets[0].rows).toBe(2);
    expect(r.findings.map((f) => [f.ruleId, f.row, f.message])).toEqual([['sheet/summary-rows', 3, '3 rows of totals (rows 3, 5, 6, "小计") passed over: not checked as data, nor counted']]);
  });

  it('an ERP\'s HTML .xls: a title and each shop\'s name merged across the table, 小计 and 合计 rows: only the orders are orders', async () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const across = (text: string) => `<tr><td colspan="${HEAD.length}">${text}</td></tr>`;
    writeFileSync(join(dir, 'erp.xls'), `<html><head><meta charset="utf-8"></head><body><table>
${across('订单导出 2024-05-01')}
<tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
${across('店铺:XX旗舰店')}${row(ORDERS[0])}${row(['小计', '', '120.00', '', ''])}
${across('店铺:YY专营店')}${row(ORDERS[1])}${row(['小计', '', '80.50', '', ''])}
${row(['合计:', '', '200.50', '', ''])}
</table></body></html>`);
    const r = await reviewJson(dir, 'erp.xls');
    expect(r.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(r.review).toMatchObject({ orders: 2, auto: 2, manual: 0 });
    expect(r.files[0].sheets[0].rows).toBe(2);
    expect(r.findings.map((f) => [f.row, f.message]).sort()).toEqual([
      [3, '2 rows of one cell merged across the table, a group\'s title (rows 3, 6, "店铺:XX旗舰店"), passed over: not checked as data, nor counted'],
      [5, '3 rows of totals (rows 5, 8, 9, "小计") passed over: not checked as data, nor counted'],
    ]);
    // in Chinese, once per kind, on the first such row
    const zh = await ecsop(['check', 'erp.xls', '--lang', 'zh'], { cwd: dir });
    expect(zh.stdout).toContain('erp.xls:3: 提示 erp 2 行是合并跨整个表格的分组标题(第 3,6 行,“店铺:XX旗舰店”),不作为数据检查,也不计入行数 [sheet/summary-rows]');
    expect(zh.stdout).toContain('erp.xls:5: 提示 erp 3 行是合计/小计行(第 5,8,9 行,“小计”),不作为数据检查,也不计入行数 [sheet/summary-rows]');
    expect(zh.code).toBe(0);
  });

  it('a cell merged over only part of the table is data (a long address over two columns), and so is an order of one filled cell', async () => {
    writeFileSync(join(dir, 'part.xls'), `<html><body><table>
<tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
<tr><td>1001</td><td colspan="2">浙江省杭州市西湖区文三路1号</td><td>13812345678</td><td>买家已付款</td></tr>
<tr><td>1002</td><td></td><td></td><td></td><td></td></tr>
</table></body></html>`);
    const r = await reviewJson(dir, 'part.xls');
    expect(r.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(r.findings.some((f) => f.ruleId === 'sheet/summary-rows')).toBe(false);
  });

  it('a sheet of many 小计 rows names the first five and says how many', async () => {
    const rows = [HEAD];
    for (let i = 0; i < 8; i++) rows.push([`${2000 + i}`, '浙江省杭州市西湖区文三路1号', '10', '13812345678', '买家已付款'], ['小计', '', '10', '', '']);
    writeFileSync(join(dir, 'many.csv'), csv(rows));
    const r = await reviewJson(dir, 'many.csv');
    expect(r.review.orders).toBe(8);
    expect(r.findings.map((f) => f.message)).toEqual(['8 rows of totals (rows 3, 5, 7, 9, 11…, "小计") passed over: not checked as data, nor counted']);
  });

  it('the rule can be turned off like any other: the rows are still passed over', async () => {
    writeFileSync(join(dir, 'orders.csv'), csv([HEAD, ...ORDERS, ['合计', '', '200.50', '', '']]));
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'sheet/summary-rows': 'off' } }));
    const r = await reviewJson(dir, 'orders.csv');
    expect(r.findings).toEqual([]);
    expect(r.review.orders).toBe(2);
  });
});
