import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'tracking-stalled';
const now = new Date(Date.UTC(2024, 4, 22, 12, 0));
const row = (lastUpdate: string | null, trackingStatus = '运输中') => ({ orderId: '1', address: '浙江省杭州市', carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', lastUpdate, trackingStatus });

describe(rule, () => {
  it.each([['2024-05-20 12:01'], ['2024-05-22 08:00'], [null]])('last update %s is fine at 2024-05-22 12:00', async (u) => {
    expect(await checkRows('shipments', [row(u)], { rule, now })).toEqual([]);
  });
  it('48 h exactly is stalled', async () => {
    const [f] = await checkRows('shipments', [row('2024-05-20 12:00')], { rule, now });
    expect(f).toMatchObject({ ruleId: rule, field: '物流更新时间', severity: 'warning' });
    expect(f.message).toContain('48 小时');
  });
  it('a delivered parcel is not stalled', async () => {
    expect(await checkRows('shipments', [row('2024-05-01 12:00', '已签收')], { rule, now })).toEqual([]);
  });
});
