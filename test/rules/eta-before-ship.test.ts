import { ruleTester } from '../helpers/rule-tester.js';

const base = { orderId: '1', address: '浙江省杭州市', carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', eta: '2024-05-21' };
ruleTester('eta-before-ship', {
  valid: ['2024-05-21', '2024-05-20', '2024-05-24', null].map((eta) => ({ rows: [{ ...base, eta }] })),
  invalid: [{ name: 'an ETA before the ship date', rows: [{ ...base, eta: '2024-05-19' }], errors: [{ messageId: 'before', cell: 'I2', field: '预计到达时间', value: '2024-05-19', severity: 'error' }] }],
});
