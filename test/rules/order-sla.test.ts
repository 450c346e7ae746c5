import { ruleTester } from '../helpers/rule-tester.js';

const row = (times: { reviewedAt?: string; printedAt?: string; pickedUpAt?: string }) => ({ orderId: 'A', paidAt: '2024-05-20 09:00', address: '浙江省杭州市西湖区文三路1号', amount: 100, ...times });
ruleTester('order-sla', {
  valid: [
    { name: 'no time columns filled', rows: [row({})] },
    { name: 'each step exactly at its limit (30 min, 1 h, 2 h)', rows: [row({ reviewedAt: '2024-05-20 09:30', printedAt: '2024-05-20 10:30', pickedUpAt: '2024-05-20 12:30' })] },
    { name: 'printing timed from payment when the review time is missing', rows: [row({ printedAt: '2024-05-20 09:59' })] },
    { name: 'configured limits', rows: [row({ reviewedAt: '2024-05-20 10:00' })], config: { sop: { orders: { reviewMinutes: 60 } } } },
  ],
  invalid: [
    { name: 'review 31 minutes after payment', rows: [row({ reviewedAt: '2024-05-20 09:31' })], errors: [{ messageId: 'late', cell: 'R2', field: '审核时间', value: '2024-05-20 09:31', expected: '≤ 2024-05-20 09:30', message: '审核用时 31分钟,超过 SOP 的 30分钟' }] },
    { name: 'printing 61 minutes after the review', rows: [row({ reviewedAt: '2024-05-20 09:10', printedAt: '2024-05-20 10:11' })], errors: [{ messageId: 'late', cell: 'S2', message: '打单用时 1小时1分钟,超过 SOP 的 1小时' }] },
    { name: 'pick-up 3 hours after printing', rows: [row({ reviewedAt: '2024-05-20 09:10', printedAt: '2024-05-20 09:40', pickedUpAt: '2024-05-20 12:40' })], errors: [{ messageId: 'late', cell: 'T2', message: '揽收用时 3小时' }] },
    { name: 'a review before the payment', rows: [row({ reviewedAt: '2024-05-20 08:00' })], errors: [{ messageId: 'before', cell: 'R2', message: '早于支付时间' }] },
  ],
});
