import { campaign } from '../../src/sheets/kinds/campaign.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = campaign.examples.rows[0] as Record<string, string>;
ruleTester('campaign-goal-quantified', {
  // a goal in Chinese numerals names a number too: the ROI reads it (one answer everywhere)
  valid: [sop.goal, '新客占比30%', '粉丝+1万', 'GMV五十万元', '销售额目标:伍拾万元', 'GMV突破五十万'].map((goal) => ({ rows: [{ ...sop, goal }] })),
  invalid: [{ name: 'a goal without a number', rows: [{ ...sop, goal: '提升品牌影响力' }], errors: [{ messageId: 'vague', cell: 'B2', severity: 'warning', value: '提升品牌影响力' }] }],
});
