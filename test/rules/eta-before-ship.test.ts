import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'eta-before-ship';
const base = { orderId: '1', address: '浙江省杭州市', carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', eta: '2024-05-21' };

describe(rule, () => {
  it.each([['2024-05-21'], ['2024-05-20'], ['2024-05-24'], [null]])('ETA %s is fine', async (eta) => {
    expect(await checkRows('shipments', [{ ...base, eta }], { rule })).toEqual([]);
  });
  it('reports an ETA before the ship date', async () => {
    const [f] = await checkRows('shipments', [{ ...base, eta: '2024-05-19' }], { rule });
    expect(f).toMatchObject({ cell: 'I2', field: '预计到达时间', value: '2024-05-19', severity: 'error' });
  });
});
