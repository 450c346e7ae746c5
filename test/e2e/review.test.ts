import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { readWorkbook, writeWorkbook } from '../helpers/workbook.js';

const FULFILMENT = STAGES[4].file;
const HEADER = ['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注', '库存'];

describe('ecsop review', () => {
  it('gives the example orders the decisions the SOP implies', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['review', FULFILMENT, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(res.stdout);
    expect(report.orders).toEqual([
      { file: FULFILMENT, sheet: '订单', row: 2, orderId: '20240520001', decision: 'manual', reasons: ['note-urgent'], priority: true, province: '浙江', reasonText: '备注要求加急,优先打单' },
      { file: FULFILMENT, sheet: '订单', row: 3, orderId: '20240520002', decision: 'manual', reasons: ['remote-area'], priority: false, province: '新疆', reasonText: '偏远地区(新疆)' },
      { file: FULFILMENT, sheet: '订单', row: 4, orderId: '20240520003', decision: 'manual', reasons: ['amount-over-auto-limit', 'amount-large', 'address-vague'], priority: false, province: null, reasonText: '金额超过自动审核上限 500 元;大额订单(金额>5000元);地址模糊(“xx”)' },
    ]);
    expect(report.review).toEqual({ orders: 3, auto: 0, manual: 3, skipped: 0, priority: 1, byReason: { 'note-urgent': 1, 'remote-area': 1, 'amount-over-auto-limit': 1, 'amount-large': 1, 'address-vague': 1 }, byStatus: {} });
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'order-manual-review')).toHaveLength(3);
    expect(res.code).toBe(0); // manual review is a warning, not an error
  });

  it('prints the summary and the manual queue', async () => {
    const dir = tempDir();
    const file = join(dir, 'orders.xlsx');
    await writeWorkbook(file, {
      订单: [HEADER,
        ['A1', '2024-05-20 09:00', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 1, 500, '否', '', 10],
        ['A2', '2024-05-20 09:00', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 1, 500.01, '否', '', 10],
        ['A3', '2024-05-20 09:00', '*先生', '138****5678', '西藏拉萨市城关区北京中路1号', '面膜', 1, 99, '否', '加急', 10]],
    });
    const res = await ecsop(['review', 'orders.xlsx'], { cwd: dir });
    expect(res.stdout).toContain('订单 3 单:自动审核通过 1 单,待人工审核 2 单,优先打单 1 单');
    expect(res.stdout).toMatch(/^orders\.xlsx +订单 +3 +A2 +浙江 +金额超过自动审核上限 500 元/m);
    expect(res.stdout).toMatch(/ 4 +A3 +西藏 +优先打单  偏远地区\(西藏\);备注要求加急,优先打单/);
    // the queue says it once: the manual orders are counted, not listed as findings
    expect(res.stdout).not.toMatch(/订单!A\d/);
    expect(res.stdout).toContain('……另有 2 条 order-manual-review');
    expect(res.stdout).toMatch(/order-manual-review +警告 +2 +1/);
  });

  it('reads split address columns as an ERP exports them (LibreOffice file)', async () => {
    const dir = tempDir();
    copyFileSync(join(__dirname, '../fixtures/libreoffice-orders.xlsx'), join(dir, 'erp.xlsx'));
    const report = JSON.parse((await ecsop(['review', 'erp.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    expect(report.orders.map((o: { orderId: string; reasons: string[]; province: string }) => [o.orderId, o.province, o.reasons])).toEqual([
      ['20240520001', '浙江', ['note-urgent']],
      ['20240520002', '新疆', ['remote-area']],
      ['20240520003', '上海', ['amount-over-auto-limit', 'amount-large', 'address-vague']],
    ]);
  });

  it('writes the manual queue as CSV with a BOM, escaped against formula injection', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'o.xlsx'), {
      订单: [HEADER, ['=HYPERLINK("http://evil")', '', '', '13812345678', '新疆乌鲁木齐市天山区解放北路8号', '', 1, 99, '否', '+1 加急', 10], ['1002', '', '', '13812345678', '浙江省杭州市西湖区文三路90号', '', 1, 99, '否', '', 10]],
    });
    const res = await ecsop(['review', 'o.xlsx', '--queue', 'queue.csv'], { cwd: dir });
    expect(res.code).toBe(0);
    const bytes = readFileSync(join(dir, 'queue.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('文件,工作表,行,订单号,省份,优先打单,原因代码,原因');
    expect(lines).toHaveLength(2); // only the manual order
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // a formula for an order number holds no digit: no number (order-id-missing), and still escaped
    expect(lines[1]).toContain('"order-id-missing,remote-area,note-urgent"');
  });

  it('--write adds 审核结果 / 审核原因 / 优先打单 and highlights manual rows; the input is untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'o.xlsx');
    await writeWorkbook(file, { 订单: [HEADER, ['A1', '', '', '13812345678', '浙江省杭州市西湖区文三路90号', '', 1, 99, '否', '', 10], ['A2', '', '', '13812345678', '新疆乌鲁木齐市天山区解放北路8号', '', 1, 99, '否', '', 10]] });
    const before = readFileSync(file);
    expect((await ecsop(['review', 'o.xlsx', '--write', 'reviewed.xlsx'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const rows = (await readWorkbook(join(dir, 'reviewed.xlsx')))['订单'];
    expect(rows[0].slice(11, 14)).toEqual(['审核结果', '审核原因', '优先打单']);
    expect(rows[1].slice(11, 14)).toEqual(['自动审核通过', null, '否']); // no reason: an empty cell
    expect(rows[2].slice(11, 14)).toEqual(['待人工审核', '偏远地区(新疆)', '否']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'reviewed.xlsx'));
    const fill = (r: number) => (wb.getWorksheet('订单')!.getCell(r, 1).fill as { fgColor?: { argb: string } } | undefined)?.fgColor?.argb;
    expect(fill(3)).toBe('FFFFF2CC');
    expect(fill(2)).toBeUndefined();
    expect((await ecsop(['review', 'o.xlsx', '--write', 'reviewed.xlsx'], { cwd: dir })).code).toBe(2); // exists, no --force
  });

  it('reads a GBK CSV export', async () => {
    const res = await ecsop(['review', join(__dirname, '../fixtures/orders-gbk.csv'), '--format', 'json']);
    expect(JSON.parse(res.stdout).review).toMatchObject({ orders: 3, manual: 3, priority: 1 });
  });
});

describe('ecsop review exit codes and counts agree in text and JSON', () => {
  it('manual orders are warnings in both', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    for (const format of ['text', 'json']) {
      expect((await ecsop(['review', FULFILMENT, '--format', format], { cwd: dir })).code).toBe(0);
      expect((await ecsop(['review', FULFILMENT, '--format', format, '--fail-on', 'warning'], { cwd: dir })).code).toBe(1);
      expect((await ecsop(['review', FULFILMENT, '--format', format, '--max-warnings', '2'], { cwd: dir })).code).toBe(1);
    }
    expect((await ecsop(['review', FULFILMENT], { cwd: dir })).stdout).toContain('0 个错误,3 个警告');
  });
});

describe('two exports whose headers a NUL join makes one (outsider helper-38)', () => {
  it('each is read by its own header in a run that read the other first', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'a1.csv'), '订单号,支付时间,收件人,电话\u0000收件地址,商品,数量,金额,买家备注\n2024052000101,2024-05-20 09:12,张三,13800000000,敏感肌面膜,2,258,\n');
    writeFileSync(join(dir, 'a2.csv'), '订单号,支付时间,收件人\u0000电话,收件地址,商品,数量,金额,买家备注\n2024052000102,2024-05-20 09:12,李四,xx公司前台,抗老精华,1,99,\n');
    const run = async (...files: string[]) => JSON.parse((await ecsop(['review', ...files, '--format', 'json', '--now', '2024-05-21T12:00', '-j', '1'], { cwd: dir })).stdout).orders;
    const [first] = await run('a1.csv');
    const [second] = await run('a2.csv');
    expect(second.reasons).toContain('address-vague');
    // read in one run, in either order, each file's orders are what they are alone
    for (const order of [['a1.csv', 'a2.csv'], ['a2.csv', 'a1.csv']]) expect(await run(...order), order.join(' ')).toEqual(expect.arrayContaining([first, second]));
  });
});
