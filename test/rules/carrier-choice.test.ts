import { ruleTester } from '../helpers/rule-tester.js';

const row = (address: string, carrier: string, product = '面膜') => ({ orderId: '1', address, product, carrier, trackingNo: 'YT202405200001', shippedAt: '2024-05-20' });
ruleTester('carrier-choice', {
  valid: [
    { name: 'the SOP rows', rows: [row('浙江省杭州市', '*通快递'), row('新疆乌鲁木齐市', '*达快递')] },
    { rows: [row('江苏省南京市', '中通快递')] },
    { name: 'no preference outside 江浙沪 and remote regions', rows: [row('广东省深圳市', '任意快递')] },
    { rows: [row('浙江省杭州市', '*邮', '新年礼盒套装')] },
  ],
  invalid: [
    { rows: [row('浙江省杭州市', '*达快递')], errors: [{ messageId: 'choice', severity: 'info', field: '物流公司', cell: 'F2', suggestion: '*通', message: '江浙沪宜选次日达快递' }] },
    { rows: [row('新疆乌鲁木齐市', '*通快递')], errors: [{ messageId: 'choice', suggestion: '*达' }] },
    { rows: [row('广东省深圳市', '*通快递', '礼盒套装')], errors: [{ messageId: 'choice', suggestion: '*邮' }] },
  ],
});
