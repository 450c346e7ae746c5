import { ruleTester } from '../helpers/rule-tester.js';

const row = (carrier: string, trackingNo: string) => ({ orderId: '1', address: '浙江省杭州市', carrier, trackingNo, shippedAt: '2024-05-20' });
ruleTester('tracking-number-format', {
  valid: [
    { name: 'the SOP rows', rows: [row('*通快递', 'YT202405200001'), row('*达快递', 'YD202405200002')] },
    ...([['顺丰速运', 'SF1234567890123'], ['圆通快递', 'YT1234567890123'], ['EMS', 'EA123456789CN'], ['中通快递', '78123456789012'], ['京东物流', 'JDVA12345678901'], ['中通快递', ' 7812 3456 7890 12 ']] as const).map(([c, t]) => ({ rows: [row(c, t)] })),
    { name: 'patterns from config', rows: [row('任意', 'X1')], config: { sop: { shipping: { trackingPatterns: [{ carrier: '', pattern: '^X\\d+$' }] } } } },
  ],
  invalid: [
    ...([['顺丰速运', 'YT1234567890123', 'SF1234567890123'], ['圆通快递', 'SF1234567890', 'YT1234567890123'], ['中通快递', '123', '773012345678901'], ['*通快递', '单号待补', '773012345678901'], ['EMS', 'E123', 'EA123456789CN']] as const).map(([c, t, example]) => ({
      // an example the carrier's pattern accepts, never the pattern itself (issue #24)
      rows: [row(c, t)], errors: [{ messageId: 'format', cell: 'G2', field: '物流单号', value: t, expected: example }],
    })),
    {
      name: 'a pattern of the config without an example: the setting is named, the pattern is not shown',
      rows: [row('任意', 'Y1')], config: { sop: { shipping: { trackingPatterns: [{ carrier: '', pattern: '^X\\d+$' }] } } },
      errors: [{ messageId: 'unlike', message: '物流单号“Y1”不符合设置 sop.shipping.trackingPatterns 中常见快递单号的格式' }],
    },
  ],
});
