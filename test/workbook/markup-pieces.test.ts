import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const bin = join(__dirname, '../../bin/ecsop.js');

/**
 * An ERP's order export saved as an HTML table under .xls, large enough to be read in many pieces of
 * 1 MB, most of them beginning inside a tag. Each such piece was searched as a rope (the tag's start
 * joined to the piece), anew at every tag: 40,000 rows were read in 1.3 s, 80,000 in 30 s and 887 MB,
 * and 150,000 reached the file's time limit and were reported as a file that could not be read with
 * half their orders (issue #25). Every row is read, with its values.
 */
describe('an HTML-table .xls export of many pieces', () => {
  it('is read whole: every order, to the last, with its values', () => {
    const dir = tempDir();
    const n = 120_000;
    const rows = ['<tr><td>订单号</td><td>收货地址</td><td>实付金额</td><td>买家留言</td></tr>'];
    for (let i = 0; i < n; i++) rows.push(`<tr><td>T${String(i).padStart(10, '0')}</td><td class="addr">新疆乌鲁木齐市天山区解放路${i}号</td><td>${600 + (i % 50)}</td><td>${i % 3 ? '' : '加急'}</td></tr>`);
    writeFileSync(join(dir, 'orders.xls'), `<html><head><meta charset="utf-8"></head><body><table>${rows.join('\n')}</table></body></html>`);
    // the command as a user runs it (its checking thread, as configured there: read in-process, the rope did not slow)
    const res = spawnSync(process.execPath, [bin, 'review', 'orders.xls', '--format', 'json', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const report = JSON.parse(res.stdout) as { files: Array<{ status: string; sheets: Array<{ rows: number }> }>; orders: Array<{ orderId: string; province: string; reasons: string[] }> };
    expect(report.files[0].status).toBe('ok');
    expect(report.files[0].sheets[0].rows).toBe(n);
    expect(report.orders).toHaveLength(n);
    expect(report.orders[n - 1]).toMatchObject({ orderId: `T${String(n - 1).padStart(10, '0')}`, province: '新疆' });
    expect(report.orders.filter((o) => o.reasons.includes('note-urgent'))).toHaveLength(n / 3);
  }, 60_000);
});

/**
 * What an export's other parts hold is passed over, never the cells after them (outsider helper-48):
 * SpreadsheetML's <Styles> block, which Excel and ERPs always write, was taken for an HTML <style>
 * and everything after it skipped (the orders read as an empty workbook, and the check passed); and
 * an HTML page's <STYLE> or <SCRIPT> in capitals was never found to end.
 */
describe('an export whose styles or scripts come before its rows', () => {
  const orders = [['订单号', '收货地址', '实付金额', '买家留言'], ['2024050100001', '新疆乌鲁木齐市天山区解放路1号', '888', '加急'], ['2024050100002', '浙江省杭州市西湖区文三路2号', '99', '']];
  const spreadsheetMl = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="宋体" ss:Size="11"/></Style><Style ss:ID="d"><NumberFormat ss:Format="yyyy-mm-dd"/></Style></Styles>
<Worksheet ss:Name="订单"><Table>${orders.map((r) => `<Row>${r.map((v) => `<Cell><Data ss:Type="String">${v}</Data></Cell>`).join('')}</Row>`).join('\n')}</Table></Worksheet></Workbook>`;
  const html = (style: string, script: string) => `<HTML><HEAD><META charset="utf-8"><${style}>td { color: red } /* <td>not a cell</td> */</${style}><${script}>var x = "<tr><td>no</td></tr>";</${script}></HEAD><BODY><TABLE>${orders.map((r) => `<TR>${r.map((v) => `<TD>${v}</TD>`).join('')}</TR>`).join('\n')}</TABLE></BODY></HTML>`;

  it.each([
    ['SpreadsheetML with its <Styles> block', spreadsheetMl],
    ['HTML with <STYLE> and <SCRIPT> in capitals', html('STYLE', 'SCRIPT')],
    ['HTML with <style> and <script>', html('style', 'script')],
    ['HTML with a <Style> closed as </STYLE>', html('Style', 'Script').replace('</Style>', '</STYLE>')],
  ])('%s: every order is read', (_name, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.xls'), text);
    const res = spawnSync(process.execPath, [bin, 'review', 'orders.xls', '--format', 'json', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(res.stdout) as { files: Array<{ status: string; sheets: Array<{ rows: number }> }>; orders: Array<{ orderId: string; province: string }> };
    expect(report.files[0].status).toBe('ok');
    expect(report.files[0].sheets[0].rows).toBe(2);
    expect(report.orders.map((o) => [o.orderId, o.province])).toEqual([['2024050100001', '新疆'], ['2024050100002', '浙江']]);
  });
});

