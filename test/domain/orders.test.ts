import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../src/config/settings.js';
import { isUrgent, reasonsText, reviewOrder, type OrderInput, type OrderStatus } from '../../src/domain/orders.js';
import { isValidPhone, phoneOf } from '../../src/domain/phone.js';
import { parseMoneyFen } from '../../src/cells/number.js';

const s = defaultSettings().orders;
const clean: OrderInput = { amountFen: 25800, address: '浙江省杭州市西湖区文三路90号', presale: false, note: '', quantity: 2, stock: 100, phone: '13812345678' };
const review = (o: Partial<OrderInput>) => reviewOrder({ ...clean, ...o }, s);

describe('reviewOrder: the SOP auto-approve test', () => {
  it('approves a clean order automatically', () => {
    expect(review({})).toMatchObject({ decision: 'auto', reasons: [], priority: false, province: '浙江' });
  });

  it.each([
    ['500', 'auto', []],
    ['500.00', 'auto', []],
    ['500.01', 'manual', ['amount-over-auto-limit']],
    ['5000', 'manual', ['amount-over-auto-limit']],
    ['5000.01', 'manual', ['amount-over-auto-limit', 'amount-large']],
    ['¥1,299', 'manual', ['amount-over-auto-limit']],
    ['0.5万', 'manual', ['amount-over-auto-limit']],
  ] as const)('金额 %s → %s %j', (amount, decision, reasons) => {
    expect(review({ amountFen: parseMoneyFen(amount) })).toMatchObject({ decision, reasons });
  });

  it('needs a person for a missing amount', () => expect(review({ amountFen: undefined }).reasons).toEqual(['amount-missing']));

  it.each(['新疆乌鲁木齐市天山区解放北路8号', '西藏拉萨市城关区北京中路1号', '内蒙古自治区呼和浩特市新城区新华大街1号', '青海省西宁市城东区八一路1号', '宁夏银川市兴庆区解放西街1号', '甘肃省兰州市城关区东岗西路1号'])('remote: %s', (address) => {
    expect(review({ address }).reasons).toEqual(['remote-area']);
  });

  it('takes remote regions from config', () => {
    const custom = settingsSchema().parse({ orders: { remoteRegions: ['海南'] } }).orders;
    expect(reviewOrder({ ...clean, address: '新疆乌鲁木齐市天山区解放北路8号' }, custom).decision).toBe('auto');
    expect(reviewOrder({ ...clean, address: '海南省海口市龙华区国贸路1号' }, custom).reasons).toEqual(['remote-area']);
  });

  it('presale, vague address, urgent note, short stock, bad phone, duplicate: each is a reason', () => {
    expect(review({ presale: true }).reasons).toEqual(['presale']);
    expect(review({ address: 'xx公司前台' }).reasons).toEqual(['address-vague']);
    expect(review({ note: '加急!' })).toMatchObject({ reasons: ['note-urgent'], priority: true });
    expect(review({ stock: 1, quantity: 2 }).reasons).toEqual(['stock-short']);
    expect(review({ stock: 2, quantity: 2 }).reasons).toEqual([]);
    expect(review({ phone: '0571-8888' }).reasons).toEqual(['phone-invalid']);
    expect(review({ duplicate: true }).reasons).toEqual(['duplicate-order']);
  });

  it('lists every reason that applies, in the SOP order', () => {
    const r = review({ amountFen: 600000, address: '新疆乌鲁木齐市xx公司前台', presale: true, note: '加急', stock: 0, quantity: 1, phone: '123', duplicate: true });
    expect(r.reasons).toEqual(['amount-over-auto-limit', 'amount-large', 'remote-area', 'presale', 'address-vague', 'note-urgent', 'stock-short', 'phone-invalid', 'duplicate-order']);
    expect(r.decision).toBe('manual');
  });

  it('skips checks whose column the sheet lacks', () => {
    expect(reviewOrder({ amountFen: 100 }, s)).toMatchObject({ decision: 'auto', reasons: [] });
  });
});

describe('the reasons in words, found again for orders alike (issue #25: kept by the reasons and the placeholders\' values)', () => {
  it('orders with the same reasons and other values each say their own; past the values kept, each still says its own', () => {
    const texts = (o: Partial<OrderInput>) => reasonsText(review(o), 'zh');
    const xj = texts({ address: '新疆乌鲁木齐市天山区解放北路8号', amountFen: 60000 });
    const xz = texts({ address: '西藏拉萨市城关区北京中路1号', amountFen: 60000 });
    expect(xj).toContain('新疆');
    expect(xz).toContain('西藏');
    expect(texts({ address: '新疆乌鲁木齐市天山区解放北路9号', amountFen: 70000 })).toBe(xj);
    // a phone is each order's own: 5,000 of them, each named in its order's text, in both languages
    for (let i = 0; i < 5000; i++) {
      const phone = `1${String(i).padStart(6, '0')}`;
      const d = review({ phone });
      expect(reasonsText(d, 'zh'), phone).toContain(phone);
      expect(reasonsText(d, 'en'), phone).toContain(phone);
    }
    // a reason in words made anew for each order (缺少区县) is one placeholder value: orders alike share one object, and one text
    const vague = (street: string) => review({ address: `浙江省杭州市${street}`, amountFen: 60000 });
    expect(vague('文三路1号').reasons).toContain('address-vague');
    expect(vague('文三路1号').data).toBe(vague('文三路2号').data);
    expect(reasonsText(vague('文三路1号'), 'zh')).toBe(reasonsText(vague('文三路3号'), 'zh'));
    // other settings: their own limit in the words
    const low = reviewOrder({ ...clean, amountFen: 30000 }, { ...s, autoApproveMaxYuan: 200 });
    expect(reasonsText(low, 'zh')).toContain('200');
    expect(reasonsText(review({ amountFen: 60000 }), 'zh')).toContain('500');
  });
});

describe('phones', () => {
  it.each([
    '13812345678', '138****5678', '+86 138 1234 5678', '86-138-1234-5678', '19912345678', '１３８１２３４５６７８', '138-0013-8000',
    // landlines, 400/800, privacy numbers with an extension, country codes
    '0571-88888888', '(0571)8888 8888', '010-62345678', '021-6888 8888', '0571-88888888-123', '+86-571-88888888', '+86 10 6234 5678',
    '400-123-4567', '4001234567', '800-810-8888', '13800138000-1234', '13800138000转1234', '0086 13800138000', "'138****8000",
    '+852 2123 4567', '85291234567', '+853 2812 3456', '+886 912 345 678',
    // as exports hold them: two numbers in one cell, a masked number with its extension, a masked landline
    '13800138000/13900139000', '13800138000，13900139000', '138****5678 / 0571-88888888', '13800138000;13900139000', '13800138000 13900139000',
    '170****5678-1234', '170****5678转1234', '0571-****8888',
  ])('%s is valid', (p) => expect(isValidPhone(p)).toBe(true));
  it.each(['', '1381234567', '138123456789', '12812345678', '0571-8888', '138****567', '138*****678', 'abc', '13800138000-', '400-123', '0000-00000000', '13800138000/123', '170****5678-', '0000-****8888'])('%j is not', (p) => expect(isValidPhone(p)).toBe(false));

  it('an empty mobile next to a landline: the landline; both empty: no phone (not an invalid one)', () => {
    expect(phoneOf('', '0571-88888888', true)).toBe('0571-88888888');
    expect(phoneOf("'-", '0571-88888888', true)).toBe('0571-88888888');
    expect(phoneOf('13800138000', '0571-88888888', true)).toBe('13800138000');
    expect(phoneOf(undefined, undefined, true)).toBe('');
    expect(phoneOf(undefined, undefined, false)).toBeUndefined();
    expect(reviewOrder({ amountFen: 100, phone: '' }, s).reasons).toEqual(['phone-missing']);
    expect(reviewOrder({ amountFen: 100, phone: 'abc' }, s).reasons).toEqual(['phone-invalid']);
  });
});

describe('notes that ask for another address (buyer remark or seller memo)', () => {
  it.each(['改地址', '请帮我改地址', '麻烦修改收货地址为上海市…', '地址写错了,改成杭州', '地址有误', '换个地址', '改寄到公司'])('%s asks for it', (n) => expect(reviewOrder({ amountFen: 100, note: n }, s).reasons).toContain('note-address-change'));
  it.each(['', '不用改地址', '无需修改地址', '地址没问题', '加急'])('%j does not', (n) => expect(reviewOrder({ amountFen: 100, note: n }, s).reasons).not.toContain('note-address-change'));
});

describe('masked addresses', () => {
  it('a masked street is not vague for being masked', () => {
    expect(reviewOrder({ amountFen: 100, address: '浙江省杭州市西湖区文三路****' }, s).reasons).toEqual([]);
    expect(reviewOrder({ amountFen: 100, address: '浙江省杭州市西湖区****' }, s).reasons).toEqual([]);
  });
  it('a mask that hides the province says so', () => {
    expect(reviewOrder({ amountFen: 100, address: '******文三路90号' }, s).reasons).toEqual(['address-masked']);
  });
  it('an unmasked address still needs its street', () => {
    expect(reviewOrder({ amountFen: 100, address: '浙江省杭州市西湖区' }, s).reasons).toEqual(['address-vague']);
  });
});

describe('the order status decides first', () => {
  const st = (cls: OrderStatus['cls'], text: string = cls) => ({ status: { cls, text } });
  it.each(['unpaid', 'closed', 'shipped'] as const)('%s: skipped, whatever else is wrong', (cls) => {
    expect(reviewOrder({ amountFen: 900_000, address: '新疆乌鲁木齐市天山区解放北路8号', ...st(cls) }, s)).toMatchObject({ decision: 'skipped', reasons: [], status: cls });
  });
  it.each([['after-sale', 'status-after-sale'], ['hold', 'status-hold'], ['partly-shipped', 'status-partly-shipped'], ['mixed', 'status-mixed'], ['unknown', 'status-unknown']] as const)('%s: a person, with the reason named first', (cls, reason) => {
    expect(reviewOrder({ amountFen: 100, ...st(cls, '退款中') }, s)).toMatchObject({ decision: 'manual', reasons: [reason] });
  });
  it('paid: reviewed as before', () => expect(reviewOrder({ amountFen: 100, ...st('paid') }, s)).toMatchObject({ decision: 'auto', reasons: [] }));
});

describe('urgent notes', () => {
  it.each(['加急', '请加急发货', '急用,谢谢', '今天发可以吗', '尽快发', '急', '尽快', '急需', '着急用', '急急急', '麻烦今天发'])('%s is urgent', (n) => expect(isUrgent(n, s.urgentWords)).toBe(true));
  it.each(['', '不加急', '不用加急', '无需加急', '周末送货', '不急', '不着急', '不是很急', '别急', '不急,慢慢发', '不需要今天发'])('%j is not', (n) => expect(isUrgent(n, s.urgentWords)).toBe(false));
});
