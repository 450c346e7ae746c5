import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../src/config/settings.js';
import { freightBreakdown, freightFee, type FreightResult, type NoFreight } from '../../src/domain/freight.js';
import { ruleTester } from '../helpers/rule-tester.js';

const s = defaultSettings();
const fen = (fee: FreightResult | NoFreight) => ('fen' in fee ? fee.fen : undefined);

describe('freightFee: the SOP template', () => {
  it.each([
    ['浙江省杭州市西湖区', 5, 0], ['上海市浦东新区', 1, 0], ['江苏南京', 30, 0], // 江浙沪包邮
    ['广东省深圳市', 0.5, 10], ['广东省深圳市', 1, 10], ['广东省深圳市', 1.001, 15], ['广东省深圳市', 2, 15], ['广东省深圳市', 2.3, 20],
    ['新疆乌鲁木齐市', 1, 25], ['新疆乌鲁木齐市', 2.3, 35], ['西藏拉萨市', 0.2, 25], // remote: not free, +15
  ] as const)('%s %skg → %s元', (address, kg, yuan) => {
    expect(fen(freightFee(address, kg, s))).toBe(yuan * 100);
  });
  it('shows the breakdown in the run\'s language', () => {
    expect(freightBreakdown(freightFee('新疆乌鲁木齐市', 2.3, s), 'zh')).toBe('首重10元 + 续重2kg×5元 + 偏远15元 = 35元');
    expect(freightBreakdown(freightFee('新疆乌鲁木齐市', 2.3, s), 'en')).toBe('first kg 10 yuan + 2 more kg × 5 yuan + remote 15 yuan = 35 yuan');
    expect(freightBreakdown(freightFee('上海市浦东新区', 1, s), 'en')).toBe('free to 上海 = 0 yuan');
  });
  // the answer review gives: outside the domestic template, a person quotes it
  it.each(['香港九龙弥敦道100号', '香港特别行政区九龙城区', '澳门半岛新马路1号', '台湾省台北市信义区', 'Taipei, Taiwan', '美国加州洛杉矶', '12 Baker Street, London'])('%s: no domestic fee', (address) => {
    const fee = freightFee(address, 1, s);
    expect('fen' in fee).toBe(false);
    expect(freightBreakdown(fee, 'zh')).toMatch(/不适用国内运费模板/);
    expect(freightBreakdown(fee, 'en')).toMatch(/^(Hong Kong|Macao|Taiwan|another country)\b.* is outside the domestic freight template/);
  });
  it('takes a template per region from config', () => {
    const custom = settingsSchema().parse({ freight: { regions: { 广东: { firstKgYuan: 8, extraKgYuan: 4 }, 安徽: { free: true } } } });
    expect(fen(freightFee('广东省深圳市', 2.3, custom))).toBe(1600);
    expect(fen(freightFee('安徽省合肥市', 3, custom))).toBe(0);
  });
});

const row = (address: string, weight: string | number, freight: number) => ({ orderId: '1', address, carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', weight, freight });
ruleTester('freight-fee', {
  kind: 'shipments',
  valid: [
    ...[row('新疆乌鲁木齐市', '2.3kg', 35), row('浙江省杭州市', 1, 0), row('广东省深圳市', '1500g', 15)].map((r) => ({ rows: [r] })),
    // outside the mainland the domestic template gives no fee (review sends the order to a person)
    { name: 'Hong Kong and Taiwan rows are not priced by the domestic template', rows: [row('香港九龙弥敦道100号', 1, 10), row('台湾省台北市信义区', 2, 99)] },
  ],
  invalid: [{
    name: 'a wrong fee, with the breakdown',
    rows: [row('新疆乌鲁木齐市', 2.3, 20)],
    errors: [{ messageId: 'fee', field: '运费', value: 20, expected: 35, suggestion: '35', message: '运费填写为 20 元,按运费模板应为 首重10元 + 续重2kg×5元 + 偏远15元 = 35元' }],
  }],
});
