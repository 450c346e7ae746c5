import { ruleTester } from '../helpers/rule-tester.js';

const row = (title: string) => ({ id: '1', category: '居家日用/纸品', title });
ruleTester('title-price-claim', {
  valid: [{ rows: [row('抽纸 24包 到手价29.9'), row('厂商建议零售价2999 现售2599')] }],
  invalid: [
    { name: '原价 needs the 7-day price', rows: [row('原价999 现价99 羽绒服')], errors: [{ messageId: 'proof', severity: 'warning', value: '原价', reasons: ['price-claim'], message: /前七日内的最低成交价/ }] },
    { name: '全网最低 cannot be proven', rows: [row('全网最低价 抽纸')], errors: [{ messageId: 'proof', value: '全网最低价', message: /无法证明/ }] },
  ],
});
