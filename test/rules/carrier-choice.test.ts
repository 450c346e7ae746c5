import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'carrier-choice';
const row = (address: string, carrier: string, product = '面膜') => ({ orderId: '1', address, product, carrier, trackingNo: 'YT202405200001', shippedAt: '2024-05-20' });

describe(rule, () => {
  it.each([
    ['浙江省杭州市', '*通快递', undefined], // SOP rows
    ['新疆乌鲁木齐市', '*达快递', undefined],
    ['江苏省南京市', '中通快递', undefined],
    ['广东省深圳市', '任意快递', undefined], // no preference outside 江浙沪 and remote regions
    ['浙江省杭州市', '*邮', '新年礼盒套装'],
  ] as Array<[string, string, string | undefined]>)('%s → %s is fine', async (a, c, p) => {
    expect(await checkRows('shipments', [row(a, c, p)], { rule })).toEqual([]);
  });
  it.each([
    ['浙江省杭州市', '*达快递', undefined, '*通'],
    ['新疆乌鲁木齐市', '*通快递', undefined, '*达'],
    ['广东省深圳市', '*通快递', '礼盒套装', '*邮'],
  ])('%s → %s is an info finding', async (a, c, p, suggestion) => {
    const [f] = await checkRows('shipments', [row(a, c, p)], { rule });
    expect(f).toMatchObject({ severity: 'info', field: '物流公司', suggestion });
  });
});
