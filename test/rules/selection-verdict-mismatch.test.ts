import { ruleTester } from '../helpers/rule-tester.js';

const row = (d: number, c: number, p: number, s: number, recommendation: string | null) => ({ product: '面膜', demand: d, competition: c, profit: p, supply: s, recommendation });
ruleTester('selection-verdict-mismatch', {
  valid: [
    { rows: [row(5, 4, 4, 5, '通过')] },
    { rows: [row(4, 3, 3, 4, '待定(需优化成分浓度)')] },
    { rows: [row(4, 3, 3, 4, '待定（需优化成分浓度）')] },
    { rows: [row(3, 2, 3, 4, '淘汰')] },
    { name: 'exactly 4.00', rows: [row(4, 4, 4, 4, '通过')] },
    { name: 'exactly 3.00', rows: [row(3, 3, 3, 3, '待定')] },
    { name: '3.80 with spaces around the word', rows: [row(4, 4, 4, 3, ' 待定 ')] },
    { name: 'no verdict stated', rows: [row(3, 3, 3, 3, null)] },
    { name: 'configured thresholds', rows: [row(4, 3, 3, 4, '通过')], config: { sop: { selection: { pass: 3.5 } } } },
  ],
  invalid: ([[row(4, 4, 4, 4, '待定'), '通过'], [row(3, 3, 3, 3, '淘汰'), '待定'], [row(3, 2, 3, 4, '待定(再看看)'), '淘汰'], [row(5, 5, 5, 5, '推荐'), '通过']] as const).map(([r, expected]) => ({
    rows: [r], errors: [{ messageId: 'mismatch', cell: 'H2', expected, field: '选品建议' }],
  })),
});
