import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { rangeOf } from '../../src/cells/address.js';
import { areaOf, MergeFill, mergeRangesOf } from '../../src/workbook/xlsx/merge-ranges.js';
import { decodeRows, encodeRows } from '../../src/workbook/xlsx/row-wire.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';
import { HEADER, NS, rowsXml, xlsx, xlsxParts, zip } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');
const fixtures = join(root, 'test/fixtures');
const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args, '--now', '2024-05-21T12:00', '--lang', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

interface Order { orderId: string; decision: string; reasons: string[]; lines?: number[] }
const ordersOf = (stdout: string) => (JSON.parse(stdout) as { orders: Order[] }).orders.map((o) => [o.orderId, o.decision, o.lines, o.reasons]);

/** `review --format json` of a CSV of these lines: its orders (row, number, decision, lines, reasons) and the cells schema/required names. */
function reviewCsv(lines: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'x.csv'), lines.join('\n'));
  const report = JSON.parse(run(dir, ['review', 'x.csv', '--format', 'json']).stdout) as { orders: Array<Order & { row: number }>; findings: Array<{ ruleId: string; cell?: string }> };
  return { orders: report.orders.map((o) => [o.row, o.orderId, o.decision, o.lines, o.reasons]), required: report.findings.filter((f) => f.ruleId === 'schema/required').map((f) => f.cell) };
}

/**
 * An .xlsx export whose multi-item orders have their own cells merged down over their item rows
 * (聚水潭, 旺店通 and other ERPs export so). A workbook's merged ranges come after its rows; they
 * used to be read empty, so each further item was an order with no number (errors), and the first
 * item was decided on its own line.
 */
describe('an .xlsx sheet\'s merged ranges', () => {
  it('are read from a reference in either corner order, with $ signs; a single cell counts one', () => {
    expect(rangeOf('A2:C4')).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(rangeOf('$C$4:$A$2')).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(rangeOf('AA10')).toEqual({ top: 10, left: 27, bottom: 10, right: 27 });
    expect(rangeOf('a1:b2')).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(rangeOf(' $b$7 ')).toEqual({ top: 7, left: 2, bottom: 7, right: 2 });
    // names no cells of a sheet (helper-62: A0, XFE and row 1,048,577 were taken)
    for (const ref of ['A2:A', 'C2-C3', 'ZZZZ1', 'A0:A1', 'XFE1:XFE2', 'A1048577:A1048578', '']) expect(rangeOf(ref), ref).toBeUndefined();
    expect(rangeOf('XFD1048576')).toEqual({ top: 1_048_576, left: 16_384, bottom: 1_048_576, right: 16_384 });
    expect(areaOf('A1:C3')).toBe(9);
    expect(areaOf('B7')).toBe(1);
    expect(areaOf('nonsense')).toBe(0);
  });

  it('are found after the rows however the XML was cut into pieces, with any prefix; a merge written inside a cell\'s text is none', () => {
    const xml = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;mergeCell ref="A1:A9"/&gt; sheetData&gt;</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells count="2"><x:mergeCell ref="B3:B4"/><x:mergeCell ref="a2:c2"/></x:mergeCells></x:worksheet>`;
    const bytes = Buffer.from(xml);
    // lower case too, as openpyxl and LibreOffice read it (helper-61)
    const want = { ranges: [{ top: 2, left: 1, bottom: 2, right: 3 }, { top: 3, left: 2, bottom: 4, right: 2 }], unfilled: undefined };
    for (let a = 0; a <= bytes.length; a++) {
      expect(mergeRangesOf([bytes.subarray(0, a), bytes.subarray(a)], 1000)).toEqual(want);
      const b = Math.min(bytes.length, a + 5);
      expect(mergeRangesOf([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)], 1000)).toEqual(want);
    }
    expect(mergeRangesOf([Buffer.from(`<worksheet xmlns="${NS}"><sheetData/></worksheet>`)], 1000)).toEqual({ ranges: [] });
    // over the cell budget: none filled (the scanner refuses the sheet as it ends)
    expect(mergeRangesOf([bytes], 4).ranges).toEqual([]);
    // references that name no cells are not read, and said
    const odd = Buffer.from(`<worksheet xmlns="${NS}"><sheetData></sheetData><mergeCells><mergeCell ref="A2:A"/><mergeCell ref="C2-C3"/><mergeCell ref="D2:D3"/></mergeCells></worksheet>`);
    expect(mergeRangesOf([odd], 1000)).toEqual({ ranges: [{ top: 2, left: 4, bottom: 3, right: 4 }], unfilled: { count: 2, why: 'unread', ref: 'A2:A' } });
  });

  it('give their rows the merged cell: its value below in its first column, marked covered (a cell of its own stays), the columns across on the cell', () => {
    const rows: RawRow[] = [
      { row: 2, cells: [undefined, { value: '1001', sst: 7 }, { value: '面膜' }, { value: 400 }] },
      { row: 3, cells: [undefined, undefined, { value: '精华' }, { value: null }] },
      // row 4 has no cells at all (the sheet leaves it out); row 5 is the merge's last
      { row: 5, cells: [undefined, { value: '自己的' }, { value: '眼霜' }] },
      { row: 6, cells: [undefined, undefined, { value: '下一单' }] },
      { row: 8, cells: [undefined, { value: '店铺:XX旗舰店' }] },
      { row: 9, cells: [undefined, undefined, { value: 'x' }] },
    ];
    const fill = new MergeFill([{ top: 2, left: 1, bottom: 5, right: 1 }, { top: 2, left: 3, bottom: 3, right: 3 }, { top: 7, left: 1, bottom: 9, right: 1 }, { top: 8, left: 1, bottom: 8, right: 10 }]);
    fill.fill(rows.slice(0, 2));
    fill.fill(rows.slice(2));
    expect(rows[1].cells[1]).toEqual({ value: '1001', sst: 7, covered: true });
    expect(rows[1].cells[3]).toEqual({ value: 400, covered: true });
    expect(rows[2].cells[1]).toEqual({ value: '自己的' });
    expect(rows[3].cells[1]).toBeUndefined();
    // a merge whose top row has no value (row 7) fills nothing; one across the table says its width
    expect(rows[4].cells[1]).toEqual({ value: '店铺:XX旗舰店', across: 10 });
    expect(rows[5].cells[1]).toBeUndefined();
    // in the reading thread a shared string's cell holds its index only (its text is looked up in the checking thread)
    // (and a merge's other cell written as an empty text of its own is empty)
    const threaded: RawRow[] = [{ row: 2, cells: [undefined, { value: null, sst: 3 }] }, { row: 3, cells: [undefined, { value: null }] }, { row: 4, cells: [undefined, { value: '' }] }];
    new MergeFill([{ top: 2, left: 1, bottom: 4, right: 2 }]).fill(threaded);
    expect(threaded[0].cells[1]).toEqual({ value: null, sst: 3, across: 2 });
    expect(threaded[1].cells[1]).toEqual({ value: null, sst: 3, covered: true });
    expect(threaded[2].cells[1]).toEqual({ value: null, sst: 3, covered: true });
  });

  it('cross from the reading thread to the checking thread as they are (covered, across)', () => {
    const table = new StringTable();
    const rows: RawRow[] = [{ row: 4, cells: [undefined, { value: 'a', covered: true }, { value: 3, across: 4 }, { value: null, sst: 0, covered: true }, { value: 'f', formula: 'A1', across: 2 }] }];
    const back = decodeRows(encodeRows(rows).wire, table);
    expect(back[0].cells[1]).toEqual({ value: 'a', covered: true });
    expect(back[0].cells[2]).toEqual({ value: 3, across: 4 });
    expect(back[0].cells[3]).toEqual({ value: null, covered: true });
    expect(back[0].cells[4]).toEqual({ value: 'f', formula: 'A1', across: 2 });
  });
});

/** An export's columns; one order of two lines (rows 2–3) whose own columns are merged down over both, in a sheet's XML. */
const HEAD = ['订单编号', '收货地址', '手机号', '商品名称', '数量', '实付金额', '订单状态'];
const twoLines = (id: string, amount: number): Array<Array<string | number>> => [[id, '浙江省杭州市西湖区文三路90号', '13812345678', '面膜', 1, amount, '买家已付款,等待卖家发货'], ['', '', '', '精华', 1, '', '']];
const mergedXml = (rows: Array<Array<string | number>>, merges = ['A', 'B', 'C', 'F', 'G'].map((c) => `${c}2:${c}3`)) =>
  `<worksheet xmlns="${NS}"><sheetData>${rowsXml(rows)}</sheetData><mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells></worksheet>`;

describe('an ERP\'s .xlsx order export with its multi-item orders merged down', () => {
  // test/fixtures: written by openpyxl and saved again by LibreOffice (scripts/make-fixtures.sh, part 9)
  const WANT = [
    ['20240520001', 'auto', [3, 4], []],
    ['20240520002', 'manual', [5, 6, 7], ['phone-invalid']],
    ['20240520003', 'manual', undefined, ['remote-area']],
  ];

  it.each(['openpyxl-orders-merged.xlsx', 'libreoffice-orders-merged.xlsx'])('%s: each order is one order of its lines, and the shop\'s title and the 合计 row are no orders', (name) => {
    const dir = tempDir();
    copyFileSync(join(fixtures, name), join(dir, 'x.xlsx'));
    const res = run(dir, ['review', 'x.xlsx', '--format', 'json']);
    expect(ordersOf(res.stdout)).toEqual(WANT);
    const report = JSON.parse(res.stdout) as { findings: Array<{ ruleId: string; row?: number }> };
    expect(report.findings.filter((f) => f.ruleId.startsWith('schema/'))).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'sheet/summary-rows')).toHaveLength(2);
    // the same read in a thread of its own, as a large sheet is
    expect(run(dir, ['review', 'x.xlsx', '--format', 'json'], { ECSOP_SHEET_THREAD_BYTES: '0' }).stdout).toBe(res.stdout);
  });

  it('gives the orders, reasons and lines the same export as an HTML table with rowspan gives', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'openpyxl-orders-merged.xlsx'), join(dir, 'x.xlsx'));
    const td = (v: string | number, span = 1) => `<td${span > 1 ? ` rowspan="${span}"` : ''}>${v}</td>`;
    const order = (id: string, phone: string, address: string, amount: number, items: Array<[string, number]>) =>
      items.map(([item, n], i) => `<tr>${i === 0 ? [id, '2024-05-20 09:12', '*女士', phone, address].map((v) => td(v, items.length)).join('') : ''}${td(item)}${td(n)}${i === 0 ? [amount, '买家已付款,等待卖家发货', ''].map((v) => td(v, items.length)).join('') : ''}</tr>`).join('\n');
    writeFileSync(join(dir, 'x.xls'), `<html><head><meta charset="utf-8"></head><body><table>
<tr>${['订单编号', '付款时间', '收货人', '手机号', '收货地址', '商品名称', '数量', '实付金额', '订单状态', '买家留言'].map((h) => td(h)).join('')}</tr>
<tr><td colspan="10">店铺:美妆旗舰店</td></tr>
${order('20240520001', '13812345678', '浙江省杭州市西湖区文三路90号', 400, [['面膜', 2], ['精华', 1]])}
${order('20240520002', '12345', '浙江省杭州市西湖区文三路91号', 450, [['面膜', 1], ['精华', 1], ['眼霜', 1]])}
${order('20240520003', '13700000001', '新疆乌鲁木齐市天山区解放北路8号', 299, [['精华', 1]])}
<tr><td>合计</td><td></td><td></td><td></td><td></td><td></td><td>7</td><td>1149</td><td></td><td></td></tr>
</table></body></html>`);
    expect(ordersOf(run(dir, ['review', 'x.xls', '--format', 'json']).stdout)).toEqual(ordersOf(run(dir, ['review', 'x.xlsx', '--format', 'json']).stdout));
  });

  it('a copy (--write) keeps the merges and shows a merged value once, and reads back as the same orders', async () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'libreoffice-orders-merged.xlsx'), join(dir, 'x.xlsx'));
    expect(run(dir, ['review', 'x.xlsx', '--write', 'w.xlsx']).status).toBe(0);
    const rows = Object.values(await readAll(join(dir, 'w.xlsx')))[0];
    expect(rows.find((r) => r.row === 4)?.cells[1]).toEqual(expect.objectContaining({ value: '20240520001', covered: true }));
    expect(ordersOf(run(dir, ['review', 'w.xlsx', '--format', 'json']).stdout)).toEqual(ordersOf(run(dir, ['review', 'x.xlsx', '--format', 'json']).stdout));
  });

  it('a two-row header merged as Excel merges it (group cells across, the others down) is still one header', () => {
    const dir = tempDir();
    const head1 = ['订单号', '收件信息', '', '', '商品', '金额', '订单状态'];
    const head2 = ['', '收件人', '电话', '收件地址', '', '', ''];
    const row = ['1001', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 258, '买家已付款,等待卖家发货'];
    const merges = ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2', 'G1:G2'].map((r) => `<mergeCell ref="${r}"/>`).join('');
    writeFileSync(join(dir, 'h.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([head1, head2, row])}</sheetData><mergeCells count="5">${merges}</mergeCells></worksheet>` }] }));
    const res = run(dir, ['review', 'h.xlsx', '--format', 'json']);
    expect(ordersOf(res.stdout)).toEqual([['1001', 'auto', undefined, []]]);
  });

  it('in a file over 8 MB, read from the disk as it streams and in a thread of its own, the merges are read too', () => {
    const dir = tempDir();
    const rows = [HEAD, ...twoLines('1001', 450)];
    for (let i = 0; i < 40_000; i++) rows.push([String(2000 + i), '浙江省杭州市西湖区文三路91号', '13912345678', '面膜', 1, 99, '买家已付款,等待卖家发货']);
    const xml = mergedXml(rows);
    // stored, not deflated: the file is as big as its XML
    writeFileSync(join(dir, 'big.xlsx'), zip(xlsxParts({ sheets: [{ name: '订单', xml }] }).map((p) => (p.name.startsWith('xl/worksheets/') ? { ...p, method: 0 as const } : p))));
    expect(statSync(join(dir, 'big.xlsx')).size).toBeGreaterThan(8 << 20);
    expect(run(dir, ['review', 'big.xlsx', '--format', 'json', '-o', 'r.json']).status).toBe(0);
    const orders = ordersOf(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(orders[0]).toEqual(['1001', 'auto', [2, 3], []]);
    expect(orders).toHaveLength(40_001);
  });

  it('two lines alike under an order number merged down are two items of the order, not the order twice (helper-61)', () => {
    const dir = tempDir();
    const rows = [HEAD, ['1001', '浙江省杭州市西湖区文三路90号', '13812345678', '外套', 1, 100, '买家已付款,等待卖家发货'], ['', '', '', '外套', 1, 100, '']];
    writeFileSync(join(dir, 'x.xlsx'), xlsx({ sheets: [{ name: '订单', xml: mergedXml(rows, ['A', 'B', 'C', 'G'].map((c) => `${c}2:${c}3`)) }] }));
    // two items of 100 each: 200, under the limit
    expect(ordersOf(run(dir, ['review', 'x.xlsx', '--format', 'json']).stdout)).toEqual([['1001', 'auto', [2, 3], []]]);
    // the same two lines, each with the number typed, are the line twice (a flat export that repeats a line)
    writeFileSync(join(dir, 'flat.csv'), [HEAD, ...rows.slice(1).map((r, i) => (i ? [rows[1][0], rows[1][1], rows[1][2], ...r.slice(3, 6), rows[1][6]] : r))].map((r) => r.join(',')).join('\n'));
    expect(ordersOf(run(dir, ['review', 'flat.csv', '--format', 'json']).stdout)[0][3]).toEqual(['duplicate-order']);
  });

  it('merges not given to the rows are said once per sheet: a sheet too large to hold, references that name no cells', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'libreoffice-orders-merged.xlsx'), join(dir, 'x.xlsx'));
    const said = (res: ReturnType<typeof run>) => (JSON.parse(res.stdout) as { findings: Array<{ ruleId: string; severity: string; value: unknown; message: string }> }).findings.filter((f) => f.ruleId === 'sheet/merges-unread');
    expect(said(run(dir, ['check', 'x.xlsx', '--format', 'json']))).toEqual([]);
    for (const env of [{ ECSOP_HELD_SHEET_BYTES: '100' }, { ECSOP_HELD_SHEET_BYTES: '100', ECSOP_SHEET_THREAD_BYTES: '0' }] as Array<Record<string, string>>) {
      const res = run(dir, ['check', 'x.xlsx', '--format', 'json'], env);
      expect(said(res)).toEqual([expect.objectContaining({ severity: 'warning', value: 17, message: expect.stringContaining('17 merged ranges of this sheet not read: the sheet is too large') })]);
      // and the rows are read as before this was built: each further item a line without a number
      expect(res.stdout).toContain('schema/required');
    }
    const rows = [['订单编号', '收货地址', '商品名称', '实付金额'], ['1001', '浙江省杭州市西湖区文三路90号', '面膜', 100], ['', '', '精华', '']];
    writeFileSync(join(dir, 'odd.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml(rows)}</sheetData><mergeCells count="2"><mergeCell ref="A2:A"/><mergeCell ref="B2-B3"/></mergeCells></worksheet>` }] }));
    expect(said(run(dir, ['check', 'odd.xlsx', '--format', 'json']))).toEqual([expect.objectContaining({ value: 'A2:A', message: expect.stringContaining('2 merged ranges of this sheet not read') })]);
  });

  it('a sheet whose cells\' references are in lower case (r="g5") reads them in their columns, as openpyxl does (helper-62: packed to the left)', () => {
    const dir = tempDir();
    const upper = mergedXml([HEAD, ...twoLines('1001', 200)]);
    // the empty cells left out, as writers leave them, then every reference in lower case
    const lower = upper.replace(/<c r="[A-Z]+\d+" t="inlineStr"><is><t><\/t><\/is><\/c>/g, '').replace(/ r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => ` r="${c.toLowerCase()}${r}"`).replace(/ref="([^"]+)"/g, (_m, ref: string) => `ref="${ref.toLowerCase()}"`);
    expect(lower).toContain('r="d3"');
    writeFileSync(join(dir, 'upper.xlsx'), xlsx({ sheets: [{ name: '订单', xml: upper }] }));
    writeFileSync(join(dir, 'lower.xlsx'), xlsx({ sheets: [{ name: '订单', xml: lower }] }));
    const want = [['1001', 'auto', [2, 3], []]];
    expect(ordersOf(run(dir, ['review', 'upper.xlsx', '--format', 'json']).stdout)).toEqual(want);
    expect(ordersOf(run(dir, ['review', 'lower.xlsx', '--format', 'json']).stdout)).toEqual(want);
  });

  it('an order without its number is never approved unseen: a merge whose top cell is empty, a number left out of a plain export (helper-62)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xlsx'), xlsx({ sheets: [{ name: '订单', xml: mergedXml([HEAD, ...twoLines('', 100)]) }] }));
    // one order without its number, of its two lines (helper-64: each line was an order of its own)
    expect(ordersOf(run(dir, ['review', 'x.xlsx', '--format', 'json']).stdout)).toEqual([['', 'manual', [2, 3], ['order-id-missing']]]);
    writeFileSync(join(dir, 'plain.csv'), `${HEAD.join(',')}\n,浙江省杭州市西湖区文三路90号,13812345678,面膜,1,100,买家已付款,等待卖家发货\n`);
    const res = run(dir, ['review', 'plain.csv']);
    expect(res.stdout).toContain('no order number: which order it is cannot be told');
    expect(res.stdout).toContain('0 auto-approved');
  });

  it('a merge over the sheet\'s every cell is still refused for its size, and nothing is filled for it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bomb.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>` }] }));
    const res = run(dir, ['check', 'bomb.xlsx', '--format', 'json']);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('file/unsafe');
  });
});

describe('orders and cells as other programs write them (helper-63)', () => {
  it('an item line with no number and nothing of an order\'s own is a further line of the order above (a merged export unmerged without filling down)', () => {
    const { orders } = reviewCsv([
      '订单号,商品名称,数量,金额,收件人,手机,收件地址,订单状态',
      '3001,面膜,1,99,张三,13800138000,浙江省杭州市西湖区文三路100号,"买家已付款,等待卖家发货"',
      ',精华,1,300,,,,',
      ',爽肤水,1,300,-,,,',
      '3002,面膜,1,99,李四,13800138001,浙江省杭州市西湖区文三路101号,等待买家付款',
      ',精华,1,300,,,,',
      // a line with an address of its own is an order of its own, without its number
      ',面膜,1,99,王五,13800138002,浙江省杭州市西湖区文三路102号,"买家已付款,等待卖家发货"',
    ]);
    expect(orders).toEqual([
      [2, '3001', 'manual', [2, 3, 4], ['amount-over-auto-limit']],
      [5, '3002', 'skipped', [5, 6], []],
      [7, '', 'manual', undefined, ['order-id-missing']],
    ]);
  });

  it('a placeholder order number (-, 无, /, —, null) is no number, and a sheet without the 订单号 column approves nothing unseen', () => {
    const dir = tempDir();
    const line = (id: string, n: number) => `${id},面膜,1,99,*女士,1380013800${n},浙江省杭州市西湖区文三路10${n}号,"买家已付款,等待卖家发货"`;
    writeFileSync(join(dir, 'p.csv'), ['订单号,商品名称,数量,金额,收件人,手机,收件地址,订单状态', line('-', 1), line('无', 2), line('/', 3), line('—', 4), line('null', 5), line('3001', 6)].join('\n'));
    const orders = ordersOf(run(dir, ['review', 'p.csv', '--format', 'json']).stdout);
    expect(orders.map((o) => [o[1], o[3]])).toEqual([...Array(5).fill(['manual', ['order-id-missing']]), ['auto', []]]);
    writeFileSync(join(dir, 'n.csv'), ['商品名称,数量,金额,收件人,手机,收件地址,订单状态', line('3001', 1).slice(5)].join('\n'));
    const res = run(dir, ['review', 'n.csv', '--format', 'json']);
    expect(res.stdout).toContain('sheet/missing-column');
    expect(ordersOf(res.stdout).map((o) => [o[1], o[3]])).toEqual([['manual', ['order-id-missing']]]);
  });

  it('a cell\'s reference with $ signs is read in its column; one that names no column (full-width Ｂ3) makes the file unreadable, not a cell moved', () => {
    const dir = tempDir();
    const rows = (ref: string) => `<row r="1"><c r="A1" t="inlineStr"><is><t>订单编号</t></is></c><c r="B1" t="inlineStr"><is><t>商品名称</t></is></c><c r="C1" t="inlineStr"><is><t>实付金额</t></is></c></row><row r="2"><c r="${ref}" t="inlineStr"><is><t>面膜</t></is></c><c r="C2"><v>99</v></c></row>`;
    writeFileSync(join(dir, 'd.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rows('$B$2')}</sheetData></worksheet>` }] }));
    expect(ordersOf(run(dir, ['review', 'd.xlsx', '--format', 'json']).stdout)).toEqual([['', 'manual', undefined, ['order-id-missing']]]);
    writeFileSync(join(dir, 'w.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rows('Ｂ2')}</sheetData></worksheet>` }] }));
    const res = run(dir, ['review', 'w.xlsx', '--format', 'json']);
    expect(res.stdout).toContain('the cell reference Ｂ2 has no column');
    expect(res.stdout).toContain('file/unreadable');
  });

  it('an empty merge reference is said, as other references that name no cells are', () => {
    const rows = [['订单编号', '商品名称', '实付金额'], ['1001', '面膜', 100]];
    const dir = tempDir();
    writeFileSync(join(dir, 'e.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml(rows)}</sheetData><mergeCells><mergeCell ref=""/></mergeCells></worksheet>` }] }));
    expect(run(dir, ['check', 'e.xlsx', '--format', 'json']).stdout).toContain('sheet/merges-unread');
  });
});

describe('a header cell merged down into the data (helper-62)', () => {
  it('gives its text to no data row: the line under it has no order number, as Excel shows it', () => {
    const dir = tempDir();
    const rows = [HEAD, ['T1', '浙江省杭州市西湖区文三路90号', '13812345678', '面膜', 1, 200, '买家已付款,等待卖家发货'], ['', '浙江省杭州市西湖区文三路91号', '13912345678', '精华', 1, 100, '买家已付款,等待卖家发货']];
    writeFileSync(join(dir, 'h.xlsx'), xlsx({ sheets: [{ name: '订单', xml: mergedXml(rows, ['A1:A3']) }] }));
    const res = run(dir, ['review', 'h.xlsx', '--format', 'json']);
    expect(ordersOf(res.stdout)).toEqual([['T1', 'auto', undefined, []], ['', 'manual', undefined, ['order-id-missing']]]);
    expect(res.stdout).not.toContain('"订单编号"\n');
  });
});

describe('an unmerged export\'s item lines (helper-64)', () => {
  it('take the order amount of the first line, ask for no number of their own, stay with an order without a number, and stop at a row of totals', () => {
    const { orders, required } = reviewCsv([
      '订单号,订单状态,买家,收货人,手机,收货地址,付款时间,商品名称,数量,订单金额',
      'C001,待发货,张三,张三,13800138000,浙江省杭州市西湖区文三路100号,2024-05-01 10:00:00,T恤,1,219',
      ',,,,,,,裤子,1,',
      ',,,,,,,袜子,1,',
      '合计,,,,,,,,3,219',
      ',,,,,,,孤儿,1,10',
      ',交易关闭,蒋六,蒋六,13800138009,浙江省杭州市西湖区文三路9号,2024-05-01 10:00:00,帽子,1,45',
      ',,,,,,,裤子,1,45',
    ]);
    expect(orders).toEqual([
      // 219 once, from its first line (it was amount-missing)
      [2, 'C001', 'auto', [2, 3, 4], []],
      // after the 合计 row a line joins no order above
      [6, '', 'manual', undefined, ['status-blank', 'order-id-missing', 'address-vague', 'phone-missing']],
      // a closed order without its number, with its item line: skipped whole (the line was an order for a person)
      [7, '', 'skipped', [7, 8], []],
    ]);
    // no 订单号 is asked of C001's item lines (each was an error), nor of the number-less order's (helper-65)
    expect(required).toEqual(['A6', 'A7']);
  });

  it('ask no 金额 of their own either, when the line amount (实付金额) is on the first line only; with no 订单金额 the order\'s total is not known (helper-67)', () => {
    const { orders, required } = reviewCsv(['订单号,订单状态,收货人,手机,收货地址,商品名称,数量,实付金额', 'C001,待发货,张三,13800138000,浙江省杭州市西湖区文三路100号,T恤,1,219', ',,,,,裤子,1,']);
    expect(orders).toEqual([[2, 'C001', 'manual', [2, 3], ['amount-missing']]]);
    expect(required).toEqual([]);
  });
});

describe('an unmerged export\'s item lines, as helper-65 wrote them', () => {
  it('join through Taobao\'s \'- placeholder, under a rounded order number, and under an order without a number (asked for nothing); a line with its own 订单金额 is an order of its own', () => {
    const { orders, required } = reviewCsv([
      '订单号,收货人,手机,联系电话,收货地址,订单状态,商品名称,数量,实付金额,订单金额',
      '8001,张三,13800138000,\'-,浙江省杭州市西湖区文三路100号,"买家已付款,等待卖家发货",杯,1,100.00,100.00',
      ',,,\'-,,,盖,1,,',
      '3901234567890120000,李四,13800138001,,浙江省杭州市西湖区文三路101号,"买家已付款,等待卖家发货",杯,1,100.00,',
      ',,,,,,盖,1,,',
      ',王五,13800138002,,浙江省杭州市西湖区文三路102号,交易关闭,杯,1,100.00,',
      ',,,,,,盖,1,,',
      '9001,赵六,13800138003,,浙江省杭州市西湖区文三路103号,"买家已付款,等待卖家发货",杯,1,100.00,100.00',
      ',,,,,"买家已付款,等待卖家发货",话费充值100元,1,98.00,150.00',
    ]);
    expect(orders).toEqual([
      [2, '8001', 'auto', [2, 3], []],
      [4, '3901234567890120000', 'manual', [4, 5], ['order-id-damaged', 'amount-missing']],
      [6, '', 'skipped', [6, 7], []],
      [8, '9001', 'auto', undefined, []],
      [9, '', 'manual', undefined, ['order-id-missing', 'address-vague', 'phone-missing']],
    ]);
    expect(required).toEqual(['A6']);
  });
});

describe('orders as helper-66 wrote them', () => {
  const lines = ['订单编号,订单状态,实付金额,订单金额,收货人,手机,收货地址,商品,数量',
    '3004,"买家已付款,等待卖家发货",100,600,张三,13800138000,浙江省杭州市西湖区文三路100号,面膜,1', ',,,,,,,精华,1',
    '3005,"买家已付款,等待卖家发货",100,,李四,13800138001,浙江省杭州市西湖区文三路101号,面膜,1', ',,,,,,,精华,1'];

  it('a line without an amount leaves the order\'s total to its 订单金额, merged or not: 600 is never approved at 100', () => {
    // 3005 has no 订单金额 to fall back on: a line of unknown price under it is not approved (helper-67)
    const want = [[2, '3004', 'manual', [2, 3], ['amount-over-auto-limit']], [4, '3005', 'manual', [4, 5], ['amount-missing']]];
    const csv = reviewCsv(lines);
    expect(csv.orders).toEqual(want);
    expect(csv.required).toEqual([]);
    // the same orders with their number, buyer and address merged down over their lines
    const dir = tempDir();
    const rows = lines.map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''))).map((r) => r.slice(0, 9).map((c) => (/^\d{1,4}$/.test(c) ? Number(c) : c)));
    const merges = [2, 4].flatMap((top) => ['A', 'B', 'E', 'F', 'G'].map((c) => `${c}${top}:${c}${top + 1}`));
    writeFileSync(join(dir, 'm.xlsx'), xlsx({ sheets: [{ name: '订单', xml: mergedXml(rows, merges) }] }));
    const res = run(dir, ['review', 'm.xlsx', '--format', 'json']);
    expect((JSON.parse(res.stdout) as { orders: Array<Order & { row: number }> }).orders.map((o) => [o.row, o.orderId, o.decision, o.lines, o.reasons])).toEqual(want);
    expect(res.stdout).not.toContain('schema/required');
  });

  it('a text without a digit, or of zeros only, is no order number (暂无, 同上, #REF!, ?, 0), and the queue shows what the cell held', () => {
    const junk = ['暂无', '同上', '#REF!', '#DIV/0!', '?', 'x', '0', '0000', '0.00', '-0', '0/0'];
    const { orders } = reviewCsv(['订单号,订单状态,收货人,手机,收货地址,商品,数量,实付金额', ...junk.map((id, i) => `${id},"买家已付款,等待卖家发货",张三,1380013800${i % 10},浙江省杭州市西湖区文三路10${i}号,面膜,1,99`)]);
    expect(orders.map((o) => [o[1], o[2], o[4]])).toEqual(junk.map((id) => [id, 'manual', ['order-id-missing']]));
  });
});
