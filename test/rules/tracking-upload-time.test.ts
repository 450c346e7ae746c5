import { ruleTester } from '../helpers/rule-tester.js';

const row = (shippedAt: string, trackingUploadedAt: string | null) => ({ orderId: '1', address: '浙江省杭州市', carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt, trackingUploadedAt });
ruleTester('tracking-upload-time', {
  valid: [
    { name: 'no upload time', rows: [row('2024-05-20 10:00', null)] },
    { name: 'exactly 2 h after shipping', rows: [row('2024-05-20 10:00', '2024-05-20 12:00')] },
    { name: 'a ship date without a time: until the end of that day plus 2 h', rows: [row('2024-05-20', '2024-05-21 02:00')] },
  ],
  invalid: [
    { name: '2 h 1 min after shipping', rows: [row('2024-05-20 10:00', '2024-05-20 12:01')], errors: [{ messageId: 'late', cell: 'N2', field: '单号上传时间', expected: '≤ 2024-05-20 12:00', message: '超过 2 小时' }] },
    { name: 'a ship date without a time, uploaded the next morning', rows: [row('2024-05-20', '2024-05-21 08:00')], errors: [{ messageId: 'late' }] },
    { name: 'uploaded before shipping', rows: [row('2024-05-20 10:00', '2024-05-20 09:00')], errors: [{ messageId: 'before' }] },
  ],
});
