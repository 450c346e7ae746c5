import { ruleTester } from '../helpers/rule-tester.js';

const row = (address: string, note: string, freight?: number) => ({ orderId: '1', address, carrier: '*达快递', trackingNo: 'YD202405200002', shippedAt: '2024-05-20', note, ...(freight === undefined ? {} : { freight }) });
ruleTester('remote-surcharge-missing', {
  valid: [
    { name: "the SOP's own row", rows: [row('新疆乌鲁木齐市', '偏远地区,需补运费15元')] },
    { rows: [row('西藏拉萨市', '已收邮费')] },
    { rows: [row('浙江省杭州市', '')] },
    { name: 'a charged freight of at least the surcharge', rows: [row('新疆乌鲁木齐市', '', 25)] },
  ],
  invalid: [row('新疆乌鲁木齐市', '加急'), row('内蒙古呼和浩特市', ''), row('青海省西宁市', '易碎品')].map((r) => ({
    rows: [r], errors: [{ messageId: 'missing', cell: 'K2', severity: 'warning' as const, message: '15元' }],
  })),
});
