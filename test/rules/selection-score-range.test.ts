import { ruleTester } from '../helpers/rule-tester.js';

const ok = { product: '面膜', demand: 5, competition: 4, profit: 4, supply: 5 };
const halfPoints = { sop: { selection: { halfPoints: true } } };

ruleTester('selection-score-range', {
  valid: [
    { name: 'the SOP rows with reasons', rows: [{ ...ok, demand: '5(搜索量高,供给缺口)', competition: '4(TOP5竞品中无同成分)' }] },
    { name: 'full-width digits', rows: [{ ...ok, demand: '５', competition: '４（竞品少）' }] },
    { name: 'the bounds 1 and 5', rows: [{ ...ok, demand: 1, competition: 5 }] },
    { name: 'a formula result', rows: [{ ...ok, profit: { formula: '2+2', result: 4 } }] },
    { name: 'a half point when the config allows it', rows: [{ ...ok, demand: 4.5 }], config: halfPoints },
  ],
  invalid: [
    { name: 'missing', rows: [{ ...ok, demand: null }], errors: [{ messageId: 'missing', cell: 'C2', row: 2, severity: 'error', message: '未评分' }] },
    { name: 'not a number', rows: [{ ...ok, competition: '高' }], errors: [{ messageId: 'notNumber', cell: 'D2', value: '高', message: '「竞争强度」的“高”不是分数' }] },
    { name: '0', rows: [{ ...ok, profit: 0 }], errors: [{ messageId: 'outOfRange', cell: 'E2', message: '超出' }] },
    { name: '6', rows: [{ ...ok, supply: 6 }], errors: [{ messageId: 'outOfRange', cell: 'F2' }] },
    { name: '5.5', rows: [{ ...ok, supply: 5.5 }], errors: [{ messageId: 'outOfRange', cell: 'F2' }] },
    { name: 'a half point without config', rows: [{ ...ok, demand: 4.5 }], errors: [{ messageId: 'notWhole', cell: 'C2', message: '整数' }] },
    { name: 'a quarter point with half points allowed', rows: [{ ...ok, demand: 4.25 }], config: halfPoints, errors: [{ messageId: 'notWhole', cell: 'C2', message: '整数或 .5' }] },
  ],
});
