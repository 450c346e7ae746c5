import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'tracking-number-format';
const row = (carrier: string, trackingNo: string) => ({ orderId: '1', address: '浙江省杭州市', carrier, trackingNo, shippedAt: '2024-05-20' });

describe(rule, () => {
  it.each([
    ['*通快递', 'YT202405200001'], ['*达快递', 'YD202405200002'], // SOP rows
    ['顺丰速运', 'SF1234567890123'], ['圆通快递', 'YT1234567890123'], ['EMS', 'EA123456789CN'], ['中通快递', '78123456789012'], ['京东物流', 'JDVA12345678901'],
    ['中通快递', ' 7812 3456 7890 12 '],
  ])('%s %s', async (c, t) => {
    expect(await checkRows('shipments', [row(c, t)], { rule })).toEqual([]);
  });
  it.each([['顺丰速运', 'YT1234567890123'], ['圆通快递', 'SF1234567890'], ['中通快递', '123'], ['*通快递', '单号待补'], ['EMS', 'E123']])('%s %s is wrong', async (c, t) => {
    const [f] = await checkRows('shipments', [row(c, t)], { rule });
    expect(f).toMatchObject({ ruleId: rule, field: '物流单号', value: t });
  });
  it('takes patterns from config', async () => {
    const config = { sop: { shipping: { trackingPatterns: [{ carrier: '', pattern: '^X\\d+$' }] } } };
    expect(await checkRows('shipments', [row('任意', 'X1')], { rule, config })).toEqual([]);
  });
});
