import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoWallClock } from '../../src/cells/date.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';
import { StylesEditor } from '../../src/workbook/xlsx/styles-editor.js';
import { WellFormed } from '../../src/workbook/xlsx/well-formed.js';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';
import { hasOpenpyxl, openpyxlTests, PYTHON } from '../helpers/openpyxl.js';

const bin = join(__dirname, '../../bin/ecsop.js');
const run = (dir: string, args: string[]) => spawnSync(process.execPath, [bin, ...args, '--now', '2024-05-21T12:00', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });

interface Order { orderId: string; decision: string; reasons: string[] }
const ordersOf = (stdout: string) => (JSON.parse(stdout) as { orders: Order[] }).orders;

/**
 * An HTML-table export's text is HTML: its named references are HTML's (helper-48 found `&nbsp;`
 * between province and city read as the six letters, so an address had "no city"). ERPs write
 * `&nbsp;` in empty cells and between an address's parts; pages saved by old tools leave off the `;`.
 */
describe('an HTML-table export\'s references', () => {
  const page = (rows: string[][]) => `<html><head><meta charset="utf-8"></head><body><table>${rows.map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('\n')}</table></body></html>`;

  it('are read as HTML reads them: named, old ones without ";", numeric; an escaped one stays text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'e.xls'), page([
      ['a', 'b'],
      ['浙江省&nbsp;杭州市<br>西湖区 文一路0号 &amp; 3栋', '&yen;258&ensp;&mdash;&middot;&times;'],
      ['&nbsp;', '&nbsp'],
      ['&amp;nbsp;', '&#x4E2D;&#22269;&copy&lt;'],
    ]));
    const rows = new Map(Object.values(await readAll(join(dir, 'e.xls')))[0].map((r) => [r.row, r.cells.slice(1).map((c) => c?.value)]));
    expect(rows.get(2)).toEqual(['浙江省 杭州市\n西湖区 文一路0号 & 3栋', '¥258\u2002—·×']);
    expect(rows.has(3)).toBe(false); // a space is an empty cell: the row has no values
    expect(rows.get(4)).toEqual(['&nbsp;', '中国©<']);
  });

  it('an address written with &nbsp; and <br> is as clear as the same address typed plainly', () => {
    const dir = tempDir();
    const head = ['订单号', '收货地址', '实付金额', '买家留言', '订单状态'];
    const addresses = ['浙江省&nbsp;杭州市<br>西湖区 文一路0号', '新疆维吾尔自治区&nbsp;乌鲁木齐市&nbsp;天山区&nbsp;解放北路8号', '上海市&#160;浦东新区&nbsp;世纪大道1号', '广东省&nbsp深圳市&nbsp南山区 科技园1号'];
    writeFileSync(join(dir, 'rich.xls'), page([head, ...addresses.map((a, i) => [`T${i}`, a, '100', '&nbsp;', '等待卖家发货'])]));
    writeFileSync(join(dir, 'plain.xls'), page([head, ...addresses.map((a, i) => [`T${i}`, a.replace(/&nbsp;?|&#160;/g, ' ').replace('<br>', ''), '100', '', '等待卖家发货'])]));
    const rich = ordersOf(run(dir, ['review', 'rich.xls', '--format', 'json']).stdout);
    const plain = ordersOf(run(dir, ['review', 'plain.xls', '--format', 'json']).stdout);
    expect(rich).toHaveLength(4);
    expect(rich.map((o) => o.reasons)).toEqual(plain.map((o) => o.reasons));
    expect(rich.flatMap((o) => o.reasons).filter((r) => r.startsWith('vague'))).toEqual([]);
  });
});

/**
 * An HTML table's structure as a browser and Excel place it (helper-49): a cell merged down over a
 * multi-item order's rows (`rowspan`) covers its column below, where the next rows' cells used to
 * move one column left; a `>` inside a quoted attribute ends no tag; a script ends at its end tag's `>`.
 */
describe('an HTML-table export\'s structure', () => {
  const rowsOf = async (dir: string, html: string, sheet = 0) => {
    writeFileSync(join(dir, 't.xls'), html);
    return new Map(Object.values(await readAll(join(dir, 't.xls')))[sheet].map((r) => [r.row, r.cells.map((c) => c?.value)]));
  };

  it('rowspan: the covered columns hold the merged cell\'s value, marked covered, and the other cells keep their columns', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.xls'), `<table>
<tr><th>订单号</th><th>收货地址</th><th>商品</th><th>实付金额</th><th>订单状态</th></tr>
<tr><td rowspan="3">1001</td><td ROWSPAN=2>浙江省杭州市西湖区文一路1号</td><td>面膜</td><td>100</td><td rowspan="2" colspan="1">等待卖家发货</td></tr>
<tr><td>精华</td><td>200</td></tr>
<tr><td>浙江省杭州市西湖区文一路2号</td><td>乳液</td><td>300</td><td>等待卖家发货</td></tr>
<tr><td>1002</td><td>新疆乌鲁木齐市天山区解放北路8号</td><td colspan="2" rowspan="0">50</td><td>买家已付款</td></tr>
<tr><td>1003</td><td>上海市浦东新区世纪大道1号</td><td>面膜</td><td>60</td><td>买家已付款</td></tr>
</table>`);
    const rows = new Map(Object.values(await readAll(join(dir, 't.xls')))[0].map((r) => [r.row, r.cells.map((c) => (c ? `${c.value}${c.covered ? '*' : ''}` : undefined))]));
    expect(rows.get(2)).toEqual([undefined, '1001', '浙江省杭州市西湖区文一路1号', '面膜', '100', '等待卖家发货']);
    expect(rows.get(3)).toEqual([undefined, '1001*', '浙江省杭州市西湖区文一路1号*', '精华', '200', '等待卖家发货*']);
    expect(rows.get(4)).toEqual([undefined, '1001*', '浙江省杭州市西湖区文一路2号', '乳液', '300', '等待卖家发货']);
    expect(rows.get(5)).toEqual([undefined, '1002', '新疆乌鲁木齐市天山区解放北路8号', '50', undefined, '买家已付款']);
    // rowspan=0 runs to the end of the table's rows, but a row whose own cells fill the table is an order of
    // its own, laid out from its first column (a browser would push it past the headed columns)
    expect(rows.get(6)).toEqual([undefined, '1003', '上海市浦东新区世纪大道1号', '面膜', '60', '买家已付款']);
  });

  it('a multi-item order merged down (helper-50) is one order: its lines grouped, a merged amount counted once, nothing asked of the covered cells', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.xls'), `<table>
<tr><th>订单号</th><th>收货地址</th><th>商品</th><th>数量</th><th>实付金额</th><th>买家留言</th><th>订单状态</th></tr>
<tr><td rowspan="3">3756291048576123456</td><td rowspan="3">浙江省杭州市西湖区文一路1号</td><td>面膜</td><td>1</td><td rowspan="3">450</td><td rowspan="3">加急</td><td rowspan="3">等待卖家发货</td></tr>
<tr><td>精华</td><td>2</td></tr>
<tr><td>乳液</td><td>1</td></tr>
<tr><td rowspan="2">3756291048576123457</td><td rowspan="2">浙江省杭州市西湖区文一路2号</td><td>面膜</td><td>1</td><td>300</td><td rowspan="2"></td><td rowspan="2">等待卖家发货</td></tr>
<tr><td>精华</td><td>1</td><td>300</td></tr>
<tr><td>3756291048576123458</td><td>浙江省杭州市西湖区文一路3号</td><td>面膜</td><td>1</td><td>99</td><td></td><td>等待卖家发货</td></tr>
<tr><td rowspan="2">3.75629104857612E+18</td><td>x</td><td>面膜</td><td>1</td><td>9</td><td></td><td>等待卖家发货</td></tr>
<tr><td>y</td><td>袜子</td><td>1</td><td>9</td><td></td><td>等待卖家发货</td></tr>
</table>`);
    const res = run(dir, ['review', 'm.xls', '--format', 'json']);
    const report = JSON.parse(res.stdout) as { findings: Array<{ ruleId: string; cell: string }>; orders: Array<{ orderId: string; lines?: number[]; decision: string; reasons: string[] }> };
    expect(report.orders.slice(0, 3).map((o) => [o.orderId, o.lines, o.decision, o.reasons])).toEqual([
      ['3756291048576123456', [2, 3, 4], 'manual', ['note-urgent']], // 450 once, not 1,350
      ['3756291048576123457', [5, 6], 'manual', ['amount-over-auto-limit']], // 300 + 300 of its own lines
      ['3756291048576123458', undefined, 'auto', []],
    ]);
    // a merged cell's problem is said once, at the cell itself (a rounded number, merged over rows 8 and 9)
    const lost = report.findings.filter((f) => f.ruleId === 'schema/lost-digits').map((f) => f.cell);
    expect(lost).toEqual(['A8']);
    expect(report.findings.filter((f) => f.ruleId === 'schema/required')).toEqual([]);
    // the number a spreadsheet rounded (scientific; a text ending in zeros among whole numbers is one of them), merged over two lines, is one order (helper-52: one a line)
    expect(report.orders.filter((o) => o.orderId === '3.75629104857612E+18').map((o) => o.lines)).toEqual([[8, 9]]);
    // a copy shows a merged value once, on its first row, as the export did (helper-52: written on every
    // line, a merged amount was summed a line at a time by whoever read the copy), and reads back
    for (const target of ['w.xlsx', 'w.csv']) {
      const copy = run(dir, ['review', 'm.xls', '--write', target]);
      expect(copy.stderr).not.toMatch(/differs|report the input/);
      expect(existsSync(join(dir, target))).toBe(true);
    }
    const lines = readFileSync(join(dir, 'w.csv'), 'utf8').split('\r\n').slice(1, 4).map((l) => l.split(',').slice(0, 7));
    expect(lines).toEqual([
      ['"=""3756291048576123456"""', '浙江省杭州市西湖区文一路1号', '面膜', '1', '450', '加急', '等待卖家发货'],
      ['', '', '精华', '2', '', '', ''],
      ['', '', '乳液', '1', '', '', ''],
    ]);
  });

  it('a rowspan one row too many does not swallow the next order: a row whose own cells fill the table is laid out from its first column (helper-52)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'over.xls'), `<table>
<tr><th>订单号</th><th>商品</th><th>实付金额</th><th>订单状态</th></tr>
<tr><td rowspan="3">1001</td><td>面膜</td><td rowspan="3">450</td><td rowspan="3">等待卖家发货</td></tr>
<tr><td>精华</td></tr>
<tr><td>1002</td><td>袜子</td><td>50</td><td>等待卖家发货</td></tr>
<tr><td>1003</td><td>乳液</td><td>60</td><td>等待卖家发货</td></tr>
</table>`);
    const rows = new Map(Object.values(await readAll(join(dir, 'over.xls')))[0].map((r) => [r.row, r.cells.map((c) => (c ? `${c.value}${c.covered ? '*' : ''}` : undefined))]));
    expect(rows.get(3)).toEqual([undefined, '1001*', '精华', '450*', '等待卖家发货*']);
    expect(rows.get(4)).toEqual([undefined, '1002', '袜子', '50', '等待卖家发货']);
    expect(rows.get(5)).toEqual([undefined, '1003', '乳液', '60', '等待卖家发货']);
    const report = JSON.parse(run(dir, ['review', 'over.xls', '--format', 'json']).stdout) as { orders: Array<{ orderId: string; lines?: number[] }> };
    expect(report.orders.map((o) => [o.orderId, o.lines])).toEqual([['1001', [2, 3]], ['1002', undefined], ['1003', undefined]]);
  });

  it('a rowspan in one table covers nothing in the next', async () => {
    const rows = await rowsOf(tempDir(), '<table><tr><td>a</td></tr><tr><td rowspan="5">x</td><td>y</td></tr></table><table><tr><td>p</td><td>q</td></tr></table>', 1);
    expect(rows.get(1)).toEqual([undefined, 'p', 'q']);
  });

  it('spans as a browser reads them: "2px" is 2, rowspan 0 runs to its row group\'s end, no span crosses a group (helper-50)', async () => {
    const rows = await rowsOf(tempDir(), `<table><thead><tr><th rowspan="2">订单号</th><th>商品</th></tr><tr><th>名称</th></tr></thead>
<tbody><tr><td rowspan="2px">1</td><td>a</td></tr><tr><td>b</td></tr><tr><td rowspan=" 2.5">2</td><td>c</td></tr><tr><td>d</td></tr>
<tr><td rowspan="0">3</td><td>e</td></tr><tr><td>f</td></tr><tr><td>g</td></tr></tbody>
<tbody><tr><td>4</td><td>h</td></tr><tr><td colspan="99999">wide</td></tr></tbody></table>`);
    expect([...rows.values()].map((r) => r.slice(1, 3))).toEqual([
      ['订单号', '商品'], ['订单号', '名称'], ['1', 'a'], ['1', 'b'], ['2', 'c'], ['2', 'd'], ['3', 'e'], ['3', 'f'], ['3', 'g'], ['4', 'h'], ['wide'],
    ]);
  });

  it('a table inside a cell is that cell\'s text, not rows of its own (helper-50)', async () => {
    const rows = await rowsOf(tempDir(), '<table><tr><td>订单号</td><td>商品</td><td>金额</td></tr><tr><td>1</td><td>T恤<table><tr><td>颜色:红</td><td>L</td></tr><tr><td>x</td></tr></table></td><td>88</td></tr><tr><td>2</td><td>袜子</td><td>9</td></tr></table>');
    expect([...rows.values()]).toEqual([[undefined, '订单号', '商品', '金额'], [undefined, '1', 'T恤\n颜色:红 L\nx', '88'], [undefined, '2', '袜子', '9']]);
  });

  it('a quote that never closes ends its tag at the first ">", small page or large; a page cut short keeps its last row', async () => {
    const dir = tempDir();
    const rows = await rowsOf(dir, '<table><tr><td>订单号</td><td>金额</td></tr><tr><td class="oops>1</td><td>5</td></tr><tr><td>2</td><td>6');
    expect([...rows.values()]).toEqual([[undefined, '订单号', '金额'], [undefined, '1', '5'], [undefined, '2', '6']]);
    const many = Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i + 2}</td><td>7</td></tr>`).join('');
    const big = await rowsOf(dir, `<table><tr><td>订单号</td><td>金额</td></tr><tr><td class="oops>1</td><td>5</td></tr>${many}</table>`);
    expect(big.size).toBe(20_002);
    expect(big.get(20_002)).toEqual([undefined, '20001', '7']);
  });

  it('a tag of 64K characters without ">" is named, in the page\'s terms, not as an .xlsx', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.xls'), `<table><tr><td>订单号</td></tr><tr><td ${'x'.repeat(70_000)}`);
    const res = run(dir, ['check', 'bad.xls']);
    expect(res.stdout).toContain('runs on for');
    expect(res.stdout).not.toContain('.xlsx');
  });

  it('quoted attributes hold ">" and quotes; a script or style ends at its end tag\'s ">"', async () => {
    const rows = await rowsOf(tempDir(), `<table><tr><td title="a>b">x</td><td data-x='1>2' class="q">y</td><td class=plain'>z</td></tr>
<tr><td><script>var s = "<td>no</td>";</script >ok</td><td><style type="text/css">td{}</STYLE
>fine</td><td title = "p > q">r</td></tr></table>`);
    expect(rows.get(1)).toEqual([undefined, 'x', 'y', 'z']);
    expect(rows.get(2)).toEqual([undefined, 'ok', 'fine', 'r']);
  });
});

/**
 * SpreadsheetML's DateTime cells in a copy (helper-48: an annotated copy of such an export was
 * refused, its dates written as text that no longer equalled the input's dates). A new workbook
 * holds them as dates to the millisecond with a format that shows them; a CSV copy as their text.
 */
describe('an XML Spreadsheet 2003 export\'s typed cells, copied', () => {
  const cell = (type: string, v: string) => `<Cell><Data ss:Type="${type}">${v}</Data></Cell>`;
  const sheet = (name: string, rows: string[]) => `<Worksheet ss:Name="${name}"><Table>${rows.map((r) => `<Row>${r}</Row>`).join('\n')}</Table></Worksheet>`;
  const orders = [
    ['订单号', '收货地址', '实付金额', '买家留言', '订单状态', '下单时间', '开票'].map((h) => cell('String', h)).join(''),
    [cell('Number', '123456789012345'), cell('String', '浙江省杭州市西湖区文一路1号'), cell('Number', '99'), cell('String', '=1+1'), cell('String', '等待卖家发货'), cell('DateTime', '2024-05-01T09:30:05.000'), cell('Boolean', '1')].join(''),
    [cell('String', '0123'), cell('String', '浙江省杭州市西湖区文一路2号'), cell('Number', '700.5'), cell('String', '@急'), cell('String', '等待卖家发货'), cell('DateTime', '2024-05-02T00:00:00.000'), cell('Boolean', '0')].join(''),
    [cell('String', '3000000000000000001'), cell('String', '浙江省杭州市西湖区文一路3号'), cell('Number', '1.5'), cell('String', ''), cell('String', '等待卖家发货'), cell('DateTime', '2024-05-03T23:59:59.250')].join(''),
  ];
  const book = (...sheets: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="宋体"/></Style><Style ss:ID="d"><NumberFormat ss:Format="yyyy\\-mm\\-dd"/></Style></Styles>
${sheets.join('\n')}</Workbook>`;
  const instants = ['2024-05-01T09:30:05.000Z', '2024-05-02T00:00:00.000Z', '2024-05-03T23:59:59.250Z'];

  it('--annotate and --write .xlsx: the dates are dates, the same instants, shown as written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xls'), book(sheet('订单', orders), sheet('订单2', orders)));
    for (const args of [['check', 'x.xls', '--annotate', 'a.xlsx'], ['review', 'x.xls', '--write', 'w.xlsx']]) {
      const res = run(dir, args);
      expect(res.stderr).not.toContain('differs');
      expect(existsSync(join(dir, args[3]))).toBe(true);
      const sheets = await readAll(join(dir, args[3]));
      const orderSheets = Object.entries(sheets).filter(([name]) => name.startsWith('订单')).map(([, rows]) => rows);
      expect(orderSheets).toHaveLength(2);
      for (const rows of orderSheets) {
        const dates = rows.slice(1).map((r) => r.cells[6]?.value);
        expect(dates.map((d) => (d instanceof Date ? d.toISOString() : d))).toEqual(instants);
      }
    }
  });

  it.runIf(openpyxlTests)('another program sees the dates with formats that show all of them', () => {
    expect(hasOpenpyxl).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xls'), book(sheet('订单', orders)));
    expect(run(dir, ['check', 'x.xls', '--annotate', 'a.xlsx']).status).not.toBe(2);
    const py = spawnSync(PYTHON, ['-c', 'import openpyxl,sys\nws=openpyxl.load_workbook(sys.argv[1])["订单"]\nfor r in range(2,5): c=ws.cell(r,6); print(c.value.isoformat(), c.number_format)', join(dir, 'a.xlsx')], { encoding: 'utf8' });
    expect(py.stdout.trim().split('\n')).toEqual(['2024-05-01T09:30:05 yyyy-mm-dd hh:mm:ss', '2024-05-02T00:00:00 yyyy-mm-dd', '2024-05-03T23:59:59.250000 yyyy-mm-dd hh:mm:ss.000']);
  });

  it('--write .csv of one sheet: dates as their text, long numbers kept whole, formulas escaped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xls'), book(sheet('订单', orders)));
    const res = run(dir, ['review', 'x.xls', '--write', 'w.csv']);
    expect(res.stderr).not.toContain('differs');
    const lines = readFileSync(join(dir, 'w.csv'), 'utf8').split('\r\n');
    expect(lines[1].startsWith('"=""123456789012345""",浙江省杭州市西湖区文一路1号,99,\'=1+1,等待卖家发货,2024-05-01 09:30:05,true,')).toBe(true);
    expect(lines[2].startsWith('"=""0123""",浙江省杭州市西湖区文一路2号,700.5,\'@急,等待卖家发货,2024-05-02,false,')).toBe(true);
    expect(lines[3].startsWith('"=""3000000000000000001""",浙江省杭州市西湖区文一路3号,1.5,,等待卖家发货,2024-05-03 23:59:59.250,,')).toBe(true);
  });

  it('a zone after the time is read as typed text is: that instant in China time (helper-49: +08:00 was read 8 hours early)', async () => {
    const dir = tempDir();
    const row = (id: string, when: string) => [cell('String', id), cell('String', '浙江省杭州市西湖区文一路1号'), cell('Number', '99'), cell('String', ''), cell('String', '等待卖家发货'), cell('DateTime', when)].join('');
    writeFileSync(join(dir, 'z.xls'), book(sheet('订单', [orders[0], row('1', '2024-05-01T09:30:05+08:00'), row('2', '2024-05-01T09:30:05Z'), row('3', '2024-05-01T23:30:00-05:00'), row('4', '2024-05-01T09:30:05.9996')])));
    const dates = Object.values(await readAll(join(dir, 'z.xls')))[0].slice(1).map((r) => (r.cells[6]?.value as Date).toISOString());
    expect(dates).toEqual(['2024-05-01T09:30:05.000Z', '2024-05-01T17:30:05.000Z', '2024-05-02T12:30:00.000Z', '2024-05-01T09:30:06.000Z']);
    // and an .xlsx cell of type d, likewise
    const scanner = new SheetScanner({ strings: StringTable.of([]), dateStyles: [], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
    const out: Parameters<SheetScanner['push']>[1] = [];
    scanner.push(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="d"><v>2024-05-01T09:30:05+08:00</v></c><c r="B1" t="d"><v>2024-05-01</v></c></row></sheetData></worksheet>'), out);
    expect(out[0].cells.slice(1).map((c) => (c?.value as Date).toISOString())).toEqual(['2024-05-01T09:30:05.000Z', '2024-05-01T00:00:00.000Z']);
    expect([isoWallClock('2024-05-01'), isoWallClock('2024-05-01Z'), isoWallClock('0050-06-01T12:00'), isoWallClock('2024-05-01T09:30:05.123456789')].map((d) => d?.toISOString())).toEqual(['2024-05-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', '0050-06-01T12:00:00.000Z', '2024-05-01T09:30:05.123Z']);
    // no looser than ISO 8601 (helper-50: V8's own parser read 1 as 2001 and 2024-02-30 as 1 March)
    for (const no of ['2024-02-30', '2023-02-29T00:00', '1900-02-29', '2024-04-31', '1', '2024', 'May 1 2024', '2024-13-01T00:00', '2024-05-01T24:00', '2024/05/01', 'yesterday']) expect(isoWallClock(no), no).toBeUndefined();
  });

  it('a date Excel would show wrong (before 1900-03-01, after 9999) is its text in a new workbook; the others are dates', async () => {
    const dir = tempDir();
    const row = (id: string, when: string) => [cell('String', id), cell('String', '浙江省杭州市西湖区文一路1号'), cell('Number', '99'), cell('String', ''), cell('String', '等待卖家发货'), cell('DateTime', when)].join('');
    writeFileSync(join(dir, 'old.xls'), book(sheet('订单', [orders[0], row('1', '1850-03-01T12:00:00'), row('2', '1899-12-31T00:00:00'), row('3', '1900-02-28T23:59:59.500'), row('4', '1900-03-01T00:00:00'), row('5', '9999-12-31T23:59:59.9999'), row('6', '9999-12-31T23:59:59.998')])));
    const res = run(dir, ['check', 'old.xls', '--annotate', 'a.xlsx']);
    expect(res.stderr).not.toContain('differs');
    const copied = Object.entries(await readAll(join(dir, 'a.xlsx'))).find(([name]) => name === '订单')![1];
    expect(copied.slice(1).map((r) => r.cells[6]?.value).map((v) => (v instanceof Date ? v.toISOString() : v))).toEqual(['1850-03-01 12:00:00', '1899-12-31', '1900-02-28 23:59:59.500', '1900-03-01T00:00:00.000Z', '+010000-01-01', '9999-12-31T23:59:59.998Z']);
  });

  it('--write .csv of an export with two sheets: refused in one line that says why, nothing written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xls'), book(sheet('订单', orders), sheet('退款单', orders)));
    const res = run(dir, ['review', 'x.xls', '--write', 'w.csv']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('has more than one sheet (the second is "退款单") and a CSV holds one: w.csv was not written; use .xlsx');
    expect(res.stderr).not.toMatch(/report the input|\n\s+at /);
    expect(readdirSync(dir)).toEqual(['x.xls']);
  });
});

/** A stylesheet given formats in sections it lacks (the new workbook's own lacks numFmts) stays well formed. */
describe('an XML Spreadsheet 2003 export\'s cells merged down (MergeDown)', () => {
  const cell = (v: string | number, attrs = '') => `<Cell${attrs}><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`;
  const book = (rows: string[]) => `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="订单"><Table>
${rows.map((r) => `<Row>${r}</Row>`).join('\n')}
</Table></Worksheet></Workbook>`;
  const head = ['订单编号', '收货地址', '联系手机', '订单状态', '商品名称', '实付金额'].map((h) => cell(h)).join('');
  const down = (v: string, n: number) => cell(v, ` ss:MergeDown="${n}"`);

  it('are read as HTML\'s rowspan is (helper-58, helper-59: each further item was an order with no number): the rows below hold the value, marked covered', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.xls'), book([
      head,
      `${down('1001', 2)}${down('浙江省杭州市西湖区文三路1号', 2)}${down('13812345678', 2)}${down('买家已付款', 2)}${cell('面膜')}${cell(300)}`,
      `${cell('精华', ' ss:Index="5"')}${cell(150)}`,
      `${cell('眼霜', ' ss:Index="5"')}${cell(100)}`,
      `${cell('1002')}${cell('广东省深圳市南山区科技园2号')}${cell('13912345678')}${cell('买家已付款')}${cell('面膜')}${cell(80)}`,
    ]));
    const rows = Object.values(await readAll(join(dir, 'x.xls')))[0];
    expect(rows[2].cells[1]).toEqual({ value: '1001', covered: true });
    expect(rows[2].cells[5]).toEqual({ value: '精华' });
    expect(rows[4].cells[1]).toEqual({ value: '1002' });
    const res = run(dir, ['review', 'x.xls', '--format', 'json']);
    const orders = (JSON.parse(res.stdout) as { orders: Array<Order & { lines?: number[] }> }).orders;
    // one order of three lines (550 yuan: over the limit, as a person would add it up), then the next
    expect(orders.map((o) => [o.orderId, o.decision, o.lines, o.reasons])).toEqual([['1001', 'manual', [2, 3, 4], ['amount-over-auto-limit']], ['1002', 'auto', undefined, []]]);
    expect(res.stdout).not.toContain('is required');
  });

  it('a merge counts the rows it covers by their numbers: a row skipped with ss:Index uses its share of it', async () => {
    const dir = tempDir();
    const xml = book([
      head,
      `${down('1001', 2)}${cell('浙江省杭州市西湖区文三路1号')}${cell('13812345678')}${cell('买家已付款')}${cell('面膜')}${cell(100)}`,
      'SKIP',
      `${cell('1002')}${cell('广东省深圳市南山区科技园2号')}${cell('13912345678')}${cell('买家已付款')}${cell('面膜')}${cell(80)}`,
    ]).replace('<Row>SKIP</Row>', `<Row ss:Index="4">${cell('精华', ' ss:Index="5"')}${cell(150)}</Row>`);
    writeFileSync(join(dir, 'x.xls'), xml);
    const rows = new Map(Object.values(await readAll(join(dir, 'x.xls')))[0].map((r) => [r.row, r.cells]));
    // row 3 skipped: row 4 is the merge's last row, row 5 is under none
    expect(rows.get(4)?.[1]).toEqual({ value: '1001', covered: true });
    expect(rows.get(5)?.[1]).toEqual({ value: '1002' });
  });
});

describe('a stylesheet given new formats', () => {
  const wellFormed = (xml: string) => { const p = new WellFormed('styles.xml'); p.push(xml); p.end(); };
  const sections = (xml: string) => [...xml.matchAll(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs|cellStyles)[ >]/g)].map((m) => m[1]);

  it.each([
    ['the minimal one', StylesEditor.minimal()],
    ['one with no numFmts and no fonts', new StylesEditor('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fills count="1"><fill><patternFill patternType="none"/></fill></fills><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>')],
    ['one with a prefix and nothing but cellXfs', new StylesEditor('<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cellXfs count="1"><x:xf numFmtId="0"/></x:cellXfs></x:styleSheet>')],
    ['an empty one closed at once (<styleSheet/>)', new StylesEditor('<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')],
  ])('%s: a number format, a bold font and a fill at once', (_name, styles) => {
    const date = styles.variant(undefined, { numFmt: 'yyyy-mm-dd hh:mm:ss' });
    const marked = styles.variant(date, { fill: 'FFFFC7CE', bold: true, numFmt: 'yyyy-mm-dd' });
    expect(marked).toBeGreaterThan(date);
    const xml = styles.toXml();
    expect(() => wellFormed(xml)).not.toThrow();
    const order = sections(xml);
    expect(new Set(order).size).toBe(order.length); // each section once
    expect(order).toEqual(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'].filter((s) => order.includes(s)));
    expect(xml).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
    // what was added goes after what every workbook has at the start (helper-49: a fill at index 0 is
    // Excel's reserved "none", a bold font at index 0 every cell's font)
    const fills = /<(?:x:)?fills count="(\d+)">(.*?)<\/(?:x:)?fills>/.exec(xml)!;
    expect(fills[2]).toMatch(/^<(x:)?fill><(x:)?patternFill patternType="none"\/><\/(x:)?fill><(x:)?fill><(x:)?patternFill patternType="gray125"\/>/);
    expect(Number(fills[1])).toBeGreaterThanOrEqual(3);
    const fonts = /<(?:x:)?fonts count="\d+">(.*?)<\/(?:x:)?fonts>/.exec(xml)![1];
    expect(fonts.startsWith('<font><b/>') || fonts.startsWith('<x:font><x:b/>')).toBe(false);
    const xfs = [...xml.matchAll(/<(?:x:)?xf [^>]*?(?:\/>|>)/g)].map((m) => m[0]).filter((x) => !/cellStyleXfs/.test(x));
    const last = xfs[xfs.length - 1];
    expect(Number(/fillId="(\d+)"/.exec(last)![1])).toBeGreaterThanOrEqual(2);
    expect(Number(/fontId="(\d+)"/.exec(last)![1])).toBeGreaterThanOrEqual(1);
  });
});
