import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'remote-surcharge-missing';
const row = (address: string, note: string, freight?: number) => ({ orderId: '1', address, carrier: '*达快递', trackingNo: 'YD202405200002', shippedAt: '2024-05-20', note, ...(freight === undefined ? {} : { freight }) });

describe(rule, () => {
  it.each([
    ['新疆乌鲁木齐市', '偏远地区,需补运费15元'], // the SOP's own row
    ['西藏拉萨市', '已收邮费'],
    ['浙江省杭州市', ''],
  ])('%s / %j is fine', async (a, n) => {
    expect(await checkRows('shipments', [row(a, n)], { rule })).toEqual([]);
  });
  it('accepts a charged freight of at least the surcharge', async () => {
    expect(await checkRows('shipments', [row('新疆乌鲁木齐市', '', 25)], { rule })).toEqual([]);
  });
  it.each([['新疆乌鲁木齐市', '加急'], ['内蒙古呼和浩特市', ''], ['青海省西宁市', '易碎品']])('%s / %j lacks the surcharge', async (a, n) => {
    const [f] = await checkRows('shipments', [row(a, n)], { rule });
    expect(f).toMatchObject({ ruleId: rule, cell: 'K2', severity: 'warning' });
    expect(f.message).toContain('15元');
  });
});
