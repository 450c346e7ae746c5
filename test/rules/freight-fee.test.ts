import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../src/config/settings.js';
import { freightFee } from '../../src/domain/freight.js';
import { ruleTester } from '../helpers/rule-tester.js';

const s = defaultSettings();

describe('freightFee: the SOP template', () => {
  it.each([
    ['浙江省杭州市西湖区', 5, 0], ['上海市浦东新区', 1, 0], ['江苏南京', 30, 0], // 江浙沪包邮
    ['广东省深圳市', 0.5, 10], ['广东省深圳市', 1, 10], ['广东省深圳市', 1.001, 15], ['广东省深圳市', 2, 15], ['广东省深圳市', 2.3, 20],
    ['新疆乌鲁木齐市', 1, 25], ['新疆乌鲁木齐市', 2.3, 35], ['西藏拉萨市', 0.2, 25], // remote: not free, +15
  ] as const)('%s %skg → %s元', (address, kg, yuan) => {
    expect(freightFee(address, kg, s).fen).toBe(yuan * 100);
  });
  it('shows the breakdown', () => expect(freightFee('新疆乌鲁木齐市', 2.3, s).breakdown).toBe('首重10元 + 续重2kg×5元 + 偏远15元 = 35元'));
  it('takes a template per region from config', () => {
    const custom = settingsSchema.parse({ freight: { regions: { 广东: { firstKgYuan: 8, extraKgYuan: 4 }, 安徽: { free: true } } } });
    expect(freightFee('广东省深圳市', 2.3, custom).fen).toBe(1600);
    expect(freightFee('安徽省合肥市', 3, custom).fen).toBe(0);
  });
});

const row = (address: string, weight: string | number, freight: number) => ({ orderId: '1', address, carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', weight, freight });
ruleTester('freight-fee', {
  kind: 'shipments',
  valid: [row('新疆乌鲁木齐市', '2.3kg', 35), row('浙江省杭州市', 1, 0), row('广东省深圳市', '1500g', 15)].map((r) => ({ rows: [r] })),
  invalid: [{
    name: 'a wrong fee, with the breakdown',
    rows: [row('新疆乌鲁木齐市', 2.3, 20)],
    errors: [{ messageId: 'fee', field: '运费', value: 20, expected: 35, suggestion: '35', message: '运费填写为 20 元,按运费模板应为 首重10元 + 续重2kg×5元 + 偏远15元 = 35元' }],
  }],
});
