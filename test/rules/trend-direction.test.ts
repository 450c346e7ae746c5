import { ruleTester } from '../helpers/rule-tester.js';

const row = (direction: string, conclusion = '') => ({ market: '面膜', metrics: 'a/b', period: '2024.1-3', values: '1/2', direction, conclusion });
ruleTester('trend-direction', {
  valid: ['增长(搜索环比+32%)', '增长(成交额环比+45%)', '下滑(环比-5%)', '下滑(同比下降5%)', '稳定(环比+3%)', '稳定', '增长', '增长（搜索环比＋32％）'].map((d) => ({ rows: [row(d)] })),
  invalid: [
    ...([['下滑(搜索环比+32%)', '增长'], ['增长(环比-5%)', '下滑'], ['增长(同比下降12%)', '下滑'], ['稳定(环比+32%)', '增长'], ['稳定(环比-15%)', '下滑']] as const).map(([d, expected]) => ({
      rows: [row(d)], errors: [{ messageId: 'contradicts', cell: 'F2', field: '趋势判断', expected }],
    })),
    { name: 'the conclusion is read when the bracket is empty', rows: [row('增长', '环比下降8%,需求萎缩')], errors: [{ messageId: 'contradicts', message: '表示下滑' }] },
  ],
});
