import { ruleTester } from '../helpers/rule-tester.js';
import type { CellInput } from '../helpers/rule-tester.js';

const scores = (d: CellInput, c: CellInput, p: CellInput, s: CellInput) => ({ product: '面膜', demand: d, competition: c, profit: p, supply: s });
const halfPoints = { sop: { selection: { halfPoints: true } } };
ruleTester('selection-score-mismatch', {
  valid: [
    { name: '4.00 exactly', rows: [{ ...scores(4, 4, 4, 4), score: 4 }] },
    { name: '4 as text', rows: [{ ...scores(4, 4, 4, 4), score: '4.00' }] },
    { name: 'a cached formula result', rows: [{ ...scores(4, 3, 3, 4), score: { formula: 'X', result: 3.5 } }] },
    { name: '3.975 stated as 3.98', rows: [{ ...scores(4, 4, 3.5, 4.5), score: 3.98 }], config: halfPoints },
    { name: 'no stated score', rows: [scores(3, 3, 3, 3)] },
    { name: 'configured weights', rows: [{ ...scores(5, 4, 4, 5), score: 4.6 }], config: { sop: { selection: { weights: { demand: 40, competition: 20, profit: 20, supply: 20 } } } } },
  ],
  invalid: [
    {
      name: 'the SOP rows whose stated score is off, with the arithmetic',
      rows: [
        { ...scores('5(搜索量高,供给缺口)', '4(TOP5竞品中无同成分)', '4(毛利率60%)', '5(合作工厂成熟)'), score: 4.55 },
        { ...scores('4(需求增长快)', '3(竞品多,但高浓度少)', '3(毛利率50%)', '4(原料供应稳定)'), score: 3.55 },
        { ...scores('3(需求稳定)', '2(竞品饱和)', '3(毛利率45%)', '4(生产简单)'), score: 2.95 },
      ],
      errors: [
        { messageId: 'mismatch', cell: 'G2', value: 4.55, expected: 4.5, suggestion: '4.50', message: '综合得分填写为 4.55,按 SOP 权重应为 4.50(5×30% + 4×25% + 4×25% + 5×20% = 4.50)' },
        { messageId: 'mismatch', cell: 'G3', value: 3.55, expected: 3.5 },
      ],
    },
    { name: 'a stated score that is not a number', rows: [{ ...scores(3, 3, 3, 3), score: '高' }], errors: [{ messageId: 'notNumber', cell: 'G2', expected: 3 }] },
  ],
});
