import { campaign } from '../../src/sheets/kinds/campaign.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';
import { zh } from '../../src/i18n/zh.js';
import { en } from '../../src/i18n/en.js';

const sop = campaign.examples.rows[0] as Record<string, string>;
ruleTester('campaign-budget-split', {
  valid: [
    ...['15万/9万/3万/3万', '25万/15万/5万/5万', '15万/9.5万/3万/2.5万'].map((budget) => ({ name: `${budget} is within 2 points`, rows: [{ ...sop, budget }] })),
    { name: 'the configured tolerance', rows: [sop], config: { sop: { campaign: { budgetTolerance: 4 } } } },
  ],
  invalid: [
    {
      name: "the SOP's own example: 15万/10万/3万/2万 is 50/33.33/10/6.67, not 50/30/10/10 (the SOP is inconsistent)",
      rows: [sop],
      errors: [{ messageId: 'off', cell: 'F2', expected: '50%/30%/10%/10%', message: '预算分配为 推广50%/补贴33.33%/物料10%/备用金6.67%,SOP 为 推广50%/补贴30%/物料10%/备用金10%(允许偏差 2 个百分点)' }],
    },
    { name: 'four parts are needed', rows: [{ ...sop, budget: '15万/10万' }], errors: [{ messageId: 'parts', cell: 'F2', message: '四项' }] },
    { name: 'parts that add up to another total than the one written', rows: [{ ...sop, budget: '推广15万,补贴9万,物料3万,备用金3万,合计28万' }], errors: [{ messageId: 'total', cell: 'F2', expected: '30万', message: '各项合计 30万,与写明的合计 28万 不符' }] },
    { name: 'a budget with no unit anywhere (15/9/3/3) is not read as yuan', rows: [{ ...sop, budget: '15/9/3/3' }], errors: [{ messageId: 'parts', cell: 'F2' }] },
    { name: 'named parts of a total by a ratio are read', rows: [{ ...sop, budget: '预算30w,推广/补贴/物料/备用=5:4:1:0.5' }], errors: [{ messageId: 'off', cell: 'F2' }] },
  ],
});

describe('the shapes the messages show as examples pass the rule themselves (issue #24: one answer everywhere)', () => {
  it('every budget a message tells a person to write is read as four parts within the split', async () => {
    const texts = [zh['rule.campaign-budget-split.parts'], en['rule.campaign-budget-split.parts'], zh['rule.campaign-roi.noSpend']];
    const shown = new Set(texts.flatMap((x) => [...x.matchAll(/(?:推广)?\d+万?\/(?:补贴)?\d+万?\/(?:物料)?\d+万?\/(?:备用金)?\d+万|\d+%\/\d+%\/\d+%\/\d+%/g)].map((m) => m[0])));
    expect(shown.size).toBeGreaterThanOrEqual(3);
    for (const budget of shown) {
      const found = (await runRows('campaign', [{ name: '活动', goal: 'GMV50万元', budget: budget.includes('%') ? `总预算30万:${budget}` : budget }])).map((x) => x.finding.ruleId);
      expect(found.filter((r) => r === 'campaign-budget-split'), budget).toEqual([]);
    }
  });
});
