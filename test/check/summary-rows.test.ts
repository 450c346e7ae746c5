import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passedRow } from '../../src/sheets/summary-row.js';
import type { RawCell } from '../../src/cells/raw.js';
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

  /** A row of cells from column 1, as the readers make it (a string is a cell's text). */
  const row = (...values: Array<RawCell | string | number | null>): Array<RawCell | undefined> => [undefined, ...values.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))];
  const passed = (...values: Array<RawCell | string | number | null>) => passedRow(row(...values), 1)?.kind;

  it.each([
    '合计￥297.00', '合计 ¥297.00', '合计 共3单', '合计共3单', '【合计】', '(合计)', '（合计）', '合计数量', '共3条', '共 12 笔', '总数', '小计/合计', '合計', '總計', '小計',
    'Total (3 orders)', 'Sub total', 'Grand Total:', '合计:12 笔', '※合计', 'TOTAL AMOUNT', '合计 297.00元', '总合计:',
    '合计(人民币)', 'Total (RMB)', 'Grand Total (CNY)', '合计：3套', '当页合计', '以上合计', '合计(不含运费)', '合计实付', '合计数', '小计(XX旗舰店)', 'Total: 3',
    '小计：XX旗舰店', '小计(华东仓)', '合计 3单 实付297元', '合计行数:3',
  ])('%j opens a row of totals, its other cells counts and amounts', (word) => {
    expect(passed(word, null, 297, '3单', '¥297.00')).toBe('totals');
  });

  it.each([
    '小计划', 'Totally', 'Summer', '合计划', '总计划书', 'Sum1', 'Total3', 'Total Care 洗发水', 'Sum 41 防晒霜', '汇总(礼盒装)', '汇总:各渠道活动数据', '汇总5月数据', '累计100天打卡',
    'Total review of campaign', '合肥旗舰店', '总店', 'SUM 37', 'Total 360', 'Sum 37 呼吸精华',
    '汇总(5.22)', '汇总(5/22)', '汇总 0522', '汇总 5.20-5.22', '汇总 W1', 'Total W1',
  ])('%j as a first cell is data', (word) => {
    expect(passed(word, null, 297)).toBeUndefined();
  });

  it('a totals word whose row holds a name, an address or a status is data (a product called 合计 is still a product)', () => {
    expect(passed('合计', '浙江省杭州市西湖区文三路1号', 120)).toBeUndefined();
    expect(passed('Total', null, 12, '进行中')).toBeUndefined();
    expect(passed('小计', 'XX旗舰店', 12)).toBeUndefined();
    for (const name of ['张三', '王二', '李四', '达标', '已付款', 'Alice']) expect(passed('合计', name, 12), name).toBeUndefined();
  });

  it('a first cell that is a number or a date is data, and the word in a later column after a filled one is data too', () => {
    expect(passed(3, '合计')).toBeUndefined();
    expect(passed({ value: new Date(0) }, '合计')).toBeUndefined();
    expect(passed('1003', '合计')).toBeUndefined();
    // an empty 序号 column first, or a placeholder: the row still opens with the word
    expect(passed(null, '  ', '合计', 200.5)).toBe('totals');
    expect(passed('-', '合计', 200.5)).toBe('totals');
    expect(passed('--', '合计', 200.5)).toBe('totals');
    expect(passed('#', '合计', 200.5)).toBe('totals');
  });

  it('cells a merge above copied into the row are passed over (a shop merged down over its orders and its 小计)', () => {
    expect(passedRow([undefined, { value: 'XX旗舰店', covered: true }, { value: '小计' }, undefined, { value: '119.80' }], 1)?.kind).toBe('totals');
  });

  it('one cell of text merged over the table\'s columns that says what a title says is a group\'s title; anything else written so is data', () => {
    const one = (value: RawCell['value'], across = 5) => passedRow(row({ value, across }), 1);
    expect(one('店铺:XX旗舰店')).toEqual({ kind: 'banner', text: '店铺:XX旗舰店' });
    expect(one('店铺：XX旗舰店', 12)?.kind).toBe('banner');
    expect(one('【店铺】:XX旗舰店')?.kind).toBe('banner');
    expect(one('仓库:华东一仓')?.kind).toBe('banner');
    for (const title of ['拼多多', '天猫', '华东仓', '2024-05-20 10:00:00', '2024年05月20日 星期一', 'XX旗舰店 共3单 ¥297', '店铺：XX旗舰店 共12单 ¥1,297.00', '店铺：XX旗舰店（3单，¥297.00）', '店铺:XX旗舰店(天猫)', '第1批', '05-20', '日期:2024-05-20']) {
      expect(one(title)?.kind, title).toBe('banner');
    }
    // a shop's name alone is no title: a note can end as one does (加急谢谢小店); with its label or its counts it is
    expect(one('XX旗舰店')).toBeUndefined();
    expect(one('2024-05-20')?.kind).toBe('banner');
    expect(one('2024年5月20日')?.kind).toBe('banner');
    expect(one(new Date(Date.UTC(2024, 4, 20)), 11)).toEqual({ kind: 'banner', text: '2024-05-20' });
    // a title over part of the table, the rest an empty merged cell
    expect(passedRow([undefined, { value: '店铺：XX旗舰店', across: 3 }, undefined, undefined, { value: '', across: 3 }], 1)?.kind).toBe('banner');
    for (const note of ['买家留言:加急!明天要用,改地址到南山区科技园路9号', '备注:周末不收货', '请在周五前发出，收件人换成李四 13911112222', '订单备注：改地址到南山区', '客户留言：加急',
      '【买家留言】加急', '*买家留言：加急', '买家 留言：加急', '发票抬头：XX科技有限公司', '赠品：面膜小样×2', 'Buyer message: please hurry', '店铺:XX旗舰店,请加急', '仓库备注：易碎',
      '平台：已申请退款 勿发货', '仓库：缺货 勿发', '仓库：请发华东仓', '日期：周五前发', '发货日期：5月20日前', '批次：缺货 等补货再发', '分组：VIP客户 加急', '店铺：换成YY旗舰店发货',
      '渠道：达人带货 赠品要加', '买家留言：麻烦快点发货 谢谢小店', '买家留言：我就是XX旗舰店', '卖家备注：转XX专营店', '发票抬头：杭州某某商城',
      '不要发华东仓', '别发华东仓', '优先发华东仓', '售后退回华东仓', '华东仓缺货改华南仓', '已出仓', '仓库：已改华南仓', '仓库：不发华东仓', '快递爆仓',
      '寄到店', '送货到店', '门店自提到店', '店铺：已换成YY旗舰店', '不是XX旗舰店', '买家是XX旗舰店',
      '加急谢谢小店', '生日礼物包装好看点谢谢小店', '投诉XX旗舰店', '联系官方旗舰店', '和上次一样在京东商城', '辛苦小店', '喜欢这家小店', 'XX旗舰店(天猫)']) {
      expect(one(note), note).toBeUndefined();
    }
    // a title that starts after the header's first column, or shares the row with another cell, is data
    expect(passedRow([undefined, undefined, { value: '店铺:XX旗舰店', across: 4 }], 1)).toBeUndefined();
    expect(passedRow([undefined, { value: '店铺:XX旗舰店', across: 4 }, undefined, undefined, undefined, { value: '5' }], 1)).toBeUndefined();
  });

  it('a note merged over the table from a column that is read as none is data, not an empty row (helper-56: it was lost unsaid)', async () => {
    writeFileSync(join(dir, 'col2.xls'), `<html><body><table><tr><th>店铺</th>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
<tr><td>XX旗舰店</td>${ORDERS[0].map((c) => `<td>${c}</td>`).join('')}</tr><tr><td></td><td colspan="5">买家留言：请发顺丰，到付也行，谢谢！</td></tr></table></body></html>`);
    const r = await reviewJson(dir, 'col2.xls');
    expect(r.files[0].sheets[0].rows).toBe(2);
    expect(r.review.manual).toBe(1);
  });

  it.each(['2.3w', '5.1k', '3.2倍', '2个月', '环比+12%', '同比-3%', '1.2万(+52%)', '↑52%'])('beside 合计, %j is a count or an amount too', (other) => {
    expect(passed('合计', null, other, 297)).toBe('totals');
  });

  it.each(['1.2万', '3套', '3瓶', '3 盒', '3kg', '3人', '约3', '+3', '297.00 RMB', '3~5', '12.5%↑', '1e3', '三件', '3 SKU', '2024年6月18日', '30万', '6.3万(+45%)', '100%'])(
    'beside 合计, %j is a count or an amount', (other) => {
      expect(passed('合计', null, other, 297)).toBe('totals');
    });

  it('beside 合计, a date, a true/false or an error cell keeps the row a row of totals, in every file kind alike', () => {
    expect(passed('合计', { value: new Date(Date.UTC(2024, 4, 20)) }, 258)).toBe('totals');
    // a start and a due date beside it: a task's row, whatever it is called
    expect(passed('汇总', null, { value: new Date(Date.UTC(2024, 4, 20)) }, { value: new Date(Date.UTC(2024, 4, 22)) })).toBeUndefined();
    expect(passed('汇总', null, '2024-05-20', '2024-05-22')).toBeUndefined();
    // an amount written with its currency is no day
    expect(passed('合计 ¥5.22', null, 5.22)).toBe('totals');
    expect(passed('合计 12.5元', null, 12.5)).toBe('totals');
    expect(passed('合计', { value: true }, 258)).toBe('totals');
    expect(passed('合计', { value: null, error: '#DIV/0!' }, 258)).toBe('totals');
    expect(passed('合计', { value: '#DIV/0!', error: '#DIV/0!' }, 258)).toBe('totals');
  });

  it('合计 merged down over two rows makes both rows totals; a shop merged down is passed over for the 小计 beside it', () => {
    expect(passedRow([undefined, { value: '合计', covered: true }, undefined, { value: '119.80' }], 1)?.kind).toBe('totals');
    expect(passedRow([undefined, { value: 'XX旗舰店', covered: true }, { value: '5100000000002' }, { value: '王二' }], 1)).toBeUndefined();
    // an order's 共2件 merged down over its item lines is no totals word of theirs: the order's number is merged down before it
    expect(passedRow([undefined, { value: '5100000000001', covered: true }, { value: '共2件', covered: true }, { value: '10002' }, { value: '-5' }], 1)).toBeUndefined();
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

  it('an HTML export with the shop merged down over its orders and its 小计 (rowspan), and data rows one <td> wider than the header', async () => {
    const html = (body: string) => `<html><head><meta charset="utf-8"></head><body><table>${body}</table></body></html>`;
    writeFileSync(join(dir, 'shop.xls'), html(`<tr><th>店铺</th>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
<tr><td rowspan="3">XX旗舰店</td>${ORDERS[0].map((c) => `<td>${c}</td>`).join('')}</tr>
<tr>${ORDERS[1].map((c) => `<td>${c}</td>`).join('')}</tr>
<tr><td>小计</td><td></td><td>200.50</td><td></td><td></td></tr>
<tr><td colspan="3">合计</td><td>200.50</td><td></td><td></td></tr>`));
    const shop = await reviewJson(dir, 'shop.xls');
    expect(shop.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(shop.findings.map((f) => [f.ruleId, f.row])).toEqual([['sheet/summary-rows', 4]]);
    writeFileSync(join(dir, 'wide.xls'), html(`<tr><td colspan="9">订单导出</td></tr><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
<tr><td colspan="5">店铺:XX旗舰店</td></tr><tr>${ORDERS[0].map((c) => `<td>${c}</td>`).join('')}<td></td></tr>
<tr><td colspan="5">店铺:YY专营店</td></tr><tr>${ORDERS[1].map((c) => `<td>${c}</td>`).join('')}<td></td><td></td></tr>`));
    const wide = await reviewJson(dir, 'wide.xls');
    expect(wide.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(wide.findings.map((f) => [f.row, f.value])).toEqual([[3, '店铺:XX旗舰店']]);
  });

  it('an XML Spreadsheet whose days are titles merged across (MergeAcross, DateTime): the day as a date, the orders reviewed', async () => {
    const cell = (v: string | number, type = typeof v === 'number' ? 'Number' : 'String') => `<Cell><Data ss:Type="${type}">${v}</Data></Cell>`;
    writeFileSync(join(dir, 'days.xls'), `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="订单"><Table>
<Row>${HEAD.map((h) => cell(h)).join('')}</Row>
<Row><Cell ss:MergeAcross="4"><Data ss:Type="DateTime">2024-05-20T00:00:00</Data></Cell></Row>
<Row>${ORDERS[0].map((c) => cell(c)).join('')}</Row>
<Row><Cell ss:MergeAcross="4"><Data ss:Type="DateTime">2024-05-21T00:00:00</Data></Cell></Row>
<Row>${ORDERS[1].map((c) => cell(c)).join('')}</Row>
<Row>${cell('Grand Total:')}<Cell ss:Index="3"><Data ss:Type="Number">200.5</Data></Cell></Row>
</Table></Worksheet></Workbook>`);
    const r = await reviewJson(dir, 'days.xls');
    expect(r.orders.map((o) => o.orderId)).toEqual(['1001', '1002']);
    expect(r.findings.map((f) => [f.row, f.message]).sort()).toEqual([
      [2, '2 rows of one cell merged across the table, a group\'s title (rows 2, 4, "2024-05-20"), passed over: not checked as data, nor counted'],
      [6, '1 row of totals (row 6, "Grand Total:") passed over: not checked as data, nor counted'],
    ]);
  });

  it('an XML Spreadsheet 2003 saved under Excel\'s own name for it, .xml, is read when named; other .xml is no workbook', async () => {
    writeFileSync(join(dir, 'export.xml'), `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="订单"><Table>
<Row>${HEAD.map((h) => `<Cell><Data ss:Type="String">${h}</Data></Cell>`).join('')}</Row>
<Row>${ORDERS[0].map((c) => `<Cell><Data ss:Type="String">${c}</Data></Cell>`).join('')}</Row>
<Row><Cell><Data ss:Type="String">合计</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">120</Data></Cell></Row>
</Table></Worksheet></Workbook>`);
    const r = await reviewJson(dir, 'export.xml');
    expect(r.orders.map((o) => o.orderId)).toEqual(['1001']);
    writeFileSync(join(dir, 'settings.xml'), '<?xml version="1.0"?><settings><a>1</a></settings>');
    const other = await ecsop(['check', 'settings.xml', '--lang', 'en'], { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('settings.xml: error Cannot read: named .xml but holds neither an Excel workbook');
  });

  it('a note printed across the table under its order is not passed over: a person sees it', async () => {
    writeFileSync(join(dir, 'note.xls'), `<html><body><table><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr>
<tr>${ORDERS[0].map((c) => `<td>${c}</td>`).join('')}</tr><tr><td colspan="5">买家留言:加急!明天要用</td></tr></table></body></html>`);
    const r = await reviewJson(dir, 'note.xls');
    expect(r.findings.some((f) => f.ruleId === 'sheet/summary-rows')).toBe(false);
    expect(r.review.manual).toBe(1);
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
