import { ruleTester } from '../helpers/rule-tester.js';

const now = new Date(Date.UTC(2024, 4, 22, 12, 0));
const row = (lastUpdate: string | null, trackingStatus = '运输中') => ({ orderId: '1', address: '浙江省杭州市', carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', lastUpdate, trackingStatus });
ruleTester('tracking-stalled', {
  valid: [
    ...['2024-05-20 12:01', '2024-05-22 08:00', null].map((u) => ({ name: `last update ${u} at 2024-05-22 12:00`, rows: [row(u)], now })),
    { name: 'a delivered parcel is not stalled', rows: [row('2024-05-01 12:00', '已签收')], now },
  ],
  invalid: [{ name: '48 h exactly is stalled', rows: [row('2024-05-20 12:00')], now, errors: [{ messageId: 'stalled', field: '物流更新时间', severity: 'warning', message: '48 小时' }] }],
});
