import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'order-manual-review';
const ok = { orderId: '1', phone: '13812345678', address: '浙江省杭州市西湖区文三路90号', quantity: 1, amount: 258, presale: '否', note: '', stock: 10 };

describe(rule, () => {
  it('is silent on an order that is approved automatically', async () => {
    expect(await checkRows('orders', [ok], { rule })).toEqual([]);
  });

  it.each([
    [{ amount: '500.01' }, ['amount-over-auto-limit']],
    [{ amount: 5000.01 }, ['amount-over-auto-limit', 'amount-large']],
    [{ address: '新疆乌鲁木齐市天山区解放北路8号' }, ['remote-area']],
    [{ presale: '是' }, ['presale']],
    [{ address: 'xx公司前台' }, ['address-vague']],
    [{ note: '加急' }, ['note-urgent']],
    [{ stock: 0 }, ['stock-short']],
    [{ phone: '12345' }, ['phone-invalid']],
  ])('%j → %j', async (change, reasons) => {
    const [f, ...rest] = await checkRows('orders', [{ ...ok, ...change }], { rule });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: rule, severity: 'warning', row: 2, cell: 'A2', field: '订单号', value: '1', reasons });
    expect(f.message).toMatch(/^待人工审核:/);
  });

  it('names every reason in the message, in Chinese or English', async () => {
    const [zh] = await checkRows('orders', [{ ...ok, amount: 6000, address: '新疆乌鲁木齐市天山区解放北路8号' }], { rule });
    expect(zh.message).toBe('待人工审核:金额超过自动审核上限 500 元;大额订单(金额>5000元);偏远地区(新疆)');
    const [en] = await checkRows('orders', [{ ...ok, stock: 0, quantity: 2 }], { rule, lang: 'en' });
    expect(en.message).toBe('Needs manual review: stock short (0 < 2): presale "ships within 3 days" or contact the buyer');
  });

  it('finds a duplicate order number within a sheet', async () => {
    const findings = await checkRows('orders', [ok, { ...ok, orderId: '2' }, { ...ok }], { rule });
    expect(findings.map((f) => [f.row, f.reasons])).toEqual([[4, ['duplicate-order']]]);
  });

  it('follows the configured amounts', async () => {
    expect(await checkRows('orders', [{ ...ok, amount: 800 }], { rule, config: { sop: { orders: { autoApproveMaxYuan: 1000 } } } })).toEqual([]);
  });
});

describe('duplicate order numbers, however the cell holds them', () => {
  it('as numbers and in a CSV export (by text), and as shared strings (by table index)', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ecsop, tempDir } = await import('../helpers/cli.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), '订单号,收件地址,金额\nA1,浙江省杭州市西湖区文三路90号,99\nA2,浙江省杭州市西湖区文三路90号,99\nA1,浙江省杭州市西湖区文三路90号,99\n');
    const csv = JSON.parse((await ecsop(['review', 'o.csv', '--format', 'json'], { cwd: dir })).stdout);
    expect(csv.orders.map((o: { reasons: string[] }) => o.reasons)).toEqual([[], [], ['duplicate-order']]);
    const numbers = await checkRows('orders', [{ ...ok, orderId: 20240520001 as never }, { ...ok, orderId: 20240520001 as never }], { rule });
    expect(numbers.map((f) => f.reasons)).toEqual([['duplicate-order']]);
  });
});
