import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';

const rule = 'order-manual-review';
const ok = { orderId: '1', phone: '13812345678', address: '浙江省杭州市西湖区文三路90号', quantity: 1, amount: 258, presale: '否', note: '', stock: 10 };
const manual = (reasons: string[], message?: string) => ({ messageId: 'manual', severity: 'warning' as const, row: 2, cell: 'A2', field: '订单号', value: '1', reasons, message: message ?? '待人工审核:' });

ruleTester(rule, {
  valid: [
    { name: 'an order that is approved automatically', rows: [ok] },
    { name: 'the configured amounts', rows: [{ ...ok, amount: 800 }], config: { sop: { orders: { autoApproveMaxYuan: 1000 } } } },
    { name: 'a quantity with its unit, as a decimal of a whole number, or empty, says nothing', rows: [{ ...ok, quantity: '2件' }, { ...ok, orderId: '2', quantity: '1.0' }, { ...ok, orderId: '3', quantity: '' }] },
    { name: 'the SOP\'s sheet: a full 收件地址 with its 街道 typed beside it (helper-100: read as 西溪街道浙江省…, "no province")', rows: [{ ...ok, town: '西溪街道' }, { ...ok, orderId: '2', street: '文三路90号' }] },
    { name: 'the SOP\'s sheet: a 收件地址 that stops at its district, the street in 详细地址 or 街道 (helper-101: "no street")', rows: [{ ...ok, address: '浙江省杭州市西湖区', street: '文三路90号' }, { ...ok, orderId: '2', address: '浙江省杭州市西湖区', town: '西溪街道', street: '文三路90号' }, { ...ok, orderId: '3', address: '杭州市西湖区', town: '文三路90号' }] },
    { name: 'a count however typed: full width, circled, thousands, a sign, Chinese numerals with a unit', rows: ['２', '②', '1,000', '1，000', '+1', '两个', '十一件', '2盒', '１件', '2.00', '一十', '一百零五', '三百二', '一千零一', '两万五', '一万零五百', '壹佰'].map((quantity, i) => ({ ...ok, orderId: String(i + 1), quantity, stock: 50000 })) },
  ],
  invalid: [
    { rows: [{ ...ok, amount: '500.01' }], errors: [manual(['amount-over-auto-limit'])] },
    { rows: [{ ...ok, amount: 5000.01 }], errors: [manual(['amount-over-auto-limit', 'amount-large'])] },
    { rows: [{ ...ok, address: '新疆乌鲁木齐市天山区解放北路8号' }], errors: [manual(['remote-area'])] },
    { rows: [{ ...ok, presale: '是' }], errors: [manual(['presale'])] },
    { rows: [{ ...ok, address: 'xx公司前台' }], errors: [manual(['address-vague'])] },
    { rows: [{ ...ok, note: '加急' }], errors: [manual(['note-urgent'])] },
    { rows: [{ ...ok, stock: 0 }], errors: [manual(['stock-short'])] },
    { rows: [{ ...ok, phone: '12345' }], errors: [manual(['phone-invalid'])] },
    { name: 'every reason named', rows: [{ ...ok, amount: 6000, address: '新疆乌鲁木齐市天山区解放北路8号' }], errors: [manual(['amount-over-auto-limit', 'amount-large', 'remote-area'], '待人工审核:金额超过自动审核上限 500 元;大额订单(金额>5000元);偏远地区(新疆)')] },
    { name: 'a duplicate order number within a sheet', rows: [ok, { ...ok, orderId: '2' }, { ...ok }], errors: [{ messageId: 'manual', row: 4, reasons: ['duplicate-order'] }] },
    { name: 'the same line twice (an order number typed as a number): one order, a duplicate', rows: [{ ...ok, orderId: 20240520001 }, { ...ok, orderId: 20240520001 }], errors: [{ messageId: 'manual', row: 2, reasons: ['duplicate-order'] }] },
    { name: 'one order on two lines (two products): its total is over 500, decided once, no duplicate', rows: [{ ...ok, orderId: 'A1', product: '面膜', amount: 300 }, { ...ok, orderId: 'A1', product: '精华', amount: 300 }], errors: [{ messageId: 'manual', row: 2, reasons: ['amount-over-auto-limit'] }] },
    { name: 'Taobao wraps the order number as ="…" and the phone as \'138…: read as the values inside', rows: [{ ...ok, orderId: '="3756291048576123456"', phone: "'138****8000", amount: 300 }, { ...ok, orderId: '3756291048576123456', product: '另一件', amount: 300 }], errors: [{ messageId: 'manual', row: 2, reasons: ['amount-over-auto-limit'] }] },
    { name: 'a note typed into 数量: how many to send cannot be told', rows: [{ ...ok, quantity: '1"加急' }], errors: [manual(['quantity-unreadable'], '待人工审核:数量“1"加急”无法识别或不是正整数,不知道要发几件')] },
    { name: 'a quantity of 0, below 0 or with a fraction', rows: [{ ...ok, quantity: 0 }, { ...ok, orderId: '2', quantity: -1 }, { ...ok, orderId: '3', quantity: 1.5 }, { ...ok, orderId: '4', quantity: 'x1' }], errors: [2, 3, 4, 5].map((row) => ({ messageId: 'manual', row, reasons: ['quantity-unreadable'] })) },
    { name: 'words beside the number: a note in brackets, an estimate, a bound, a weight, a set', rows: ['1(加急)', '1（加急）', '1【加急】', '2件(加急)', '约2', '2左右', '2以上', '1kg', '3件套'].map((quantity, i) => ({ ...ok, orderId: String(i + 1), quantity })), errors: [2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => ({ messageId: 'manual', row, reasons: ['quantity-unreadable'] })) },
    { name: 'Chinese numerals that are no number, though a lenient reading makes one (helper-101)', rows: ['十十', '一十十', '一百百', '十百', '十零', '一百零零一', '两十', '一万零'].map((quantity, i) => ({ ...ok, orderId: String(i + 1), quantity, stock: '' })), errors: [2, 3, 4, 5, 6, 7, 8, 9].map((row) => ({ messageId: 'manual', row, reasons: ['quantity-unreadable'] })) },
    { name: 'a count past what a number holds exactly', rows: [{ ...ok, quantity: '9007199254740993', stock: '' }], errors: [{ messageId: 'manual', row: 2, reasons: ['quantity-unreadable'] }] },
    { name: 'one line of a two-line order with an unreadable quantity: the order goes to a person', rows: [{ ...ok, orderId: 'B1', product: '面膜', amount: 100 }, { ...ok, orderId: 'B1', product: '精华', amount: 100, quantity: '1 急' }], errors: [{ messageId: 'manual', row: 2, reasons: ['quantity-unreadable'] }] },
    { name: 'Hong Kong and abroad have their own reason', rows: [{ ...ok, address: '香港九龙弥敦道100号' }, { ...ok, orderId: '9', address: '新加坡 Orchard Road 1号' }], errors: [{ messageId: 'manual', row: 2, reasons: ['outside-mainland'] }, { messageId: 'manual', row: 3, reasons: ['outside-mainland'] }] },
  ],
});

describe('order-manual-review in English', () => {
  it('names the reasons in English', async () => {
    const [en] = (await runRows('orders', [{ ...ok, stock: 0, quantity: 2 }], { lang: 'en' })).map((x) => x.finding).filter((f) => f.ruleId === rule);
    expect(en.message).toBe('Needs manual review: stock short (0 < 2): presale "ships within 3 days" or contact the buyer (setting sop.orders.presaleDays)');
  });
});

describe('duplicate order numbers, however the cell holds them', () => {
  it('in a CSV export (by text)', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ecsop, tempDir } = await import('../helpers/cli.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), '订单号,收件地址,金额\nA1,浙江省杭州市西湖区文三路90号,99\nA2,浙江省杭州市西湖区文三路90号,99\nA1,浙江省杭州市西湖区文三路90号,99\n');
    const csv = JSON.parse((await ecsop(['review', 'o.csv', '--format', 'json'], { cwd: dir })).stdout);
    expect(csv.orders.map((o: { reasons: string[] }) => o.reasons)).toEqual([[], [], ['duplicate-order']]);
  });
});
