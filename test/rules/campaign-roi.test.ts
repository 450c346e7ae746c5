import { describe, expect, it } from 'vitest';
import { campaignFigures } from '../../src/domain/campaign.js';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = campaign.examples.rows[0] as Record<string, string>;
describe('campaign-roi reads the SOP', () => {
  it("reads the SOP's own row: 50万 ÷ 15万 = 3.33", () => {
    expect(campaignFigures(sop.goal, sop.budget, sop.channels)).toMatchObject({ gmvYuan: 500000, promotionYuan: 150000, roi: 3.33, channelSum: 100 });
  });
});
ruleTester('campaign-roi', {
  valid: [
    { name: "the SOP's own row", rows: [sop] },
    { rows: [{ ...sop, goal: 'GMV45万元', budget: '15万/9万/3万/3万' }] },
    { rows: [{ ...sop, goal: 'GMV45万元', budget: '14万/9万/3万/3万' }] },
    { rows: [{ ...sop, goal: '目标GMV 30万', budget: '10万/6万/2万/2万' }] },
    { name: 'the goal phrased as 销售额 / GMV达 / 成交额 with separators', rows: [{ ...sop, goal: '销售额50万元' }, { ...sop, goal: 'GMV达50万' }, { ...sop, goal: '成交额 500,000元' }] },
    { name: 'a labelled budget', rows: [{ ...sop, budget: '推广15万/补贴9万/内容3万/其他3万' }] },
    { name: 'shares with the total', rows: [{ ...sop, budget: '总预算30万:50%/30%/10%/10%' }] },
  ],
  invalid: [
    { rows: [{ ...sop, goal: 'GMV44万元', budget: '15万/9万/3万/3万' }], errors: [{ messageId: 'low', cell: 'F2', severity: 'error' }] },
    { rows: [{ ...sop, goal: 'GMV29.9万元', budget: '10万/6万/2万/2万' }], errors: [{ messageId: 'low', cell: 'F2' }] },
    { name: 'an ROI of 2.9993 is below 3 (compared exactly), shown 2.999', rows: [{ ...sop, goal: 'GMV44.99万元', budget: '15万/9万/3万/3万' }], errors: [{ messageId: 'low', message: '2.999,低于 3' }] },
    { name: 'one unit at the end: 15/9/3/3万', rows: [{ ...sop, goal: 'GMV40万', budget: '15/9/3/3万' }], errors: [{ messageId: 'low', message: '= 2.67' }] },
    { name: 'labelled parts: the promotion part is the one labelled 推广', rows: [{ ...sop, goal: 'GMV40万', budget: '补贴9万/推广15万/物料3万/备用金3万' }], errors: [{ messageId: 'low', message: '推广投入 15万' }] },
    { name: 'shares only: the total is asked for', rows: [{ ...sop, budget: '50%/30%/10%/10%' }], errors: [{ messageId: 'sharesOnly', cell: 'F2', message: '总预算' }] },
    { name: 'an unreadable budget: what was expected, no number made up', rows: [{ ...sop, budget: '看情况再定' }], errors: [{ messageId: 'noSpend', message: '15万/9万/3万/3万' }] },
    { name: 'an ROI that cannot be computed is said so', rows: [{ ...sop, goal: '提升新客占比30%' }], errors: [{ messageId: 'noGoal', cell: 'B2', message: '无法计算' }] },
  ],
});

describe('an amount is written one way in an output: the roi table and the findings alike (issue #24)', () => {
  it('4.5万 and 9000元 in Chinese, 45000 and 9000 in English, in the table and in the message', async () => {
    const { amountText } = await import('../../src/domain/campaign.js');
    const { formatRoiText } = await import('../../src/roi/text.js');
    const { runRows } = await import('../helpers/rule-tester.js');
    expect(amountText(45000)).toEqual({ zh: '4.5万', en: '45000' });
    expect(amountText(9000)).toEqual({ zh: '9000元', en: '9000' });
    const [low] = (await runRows('campaign', [{ ...sop, goal: 'GMV4.5万', budget: '推广2.5万/补贴1.5万/物料0.5万/备用金0.5万' }])).filter((x) => x.finding.ruleId === 'campaign-roi');
    expect(low.finding.message).toContain('目标GMV 4.5万 ÷ 推广投入 2.5万');
    const table = formatRoiText({ rows: [{ file: 'a.xlsx', sheet: 's', row: 2, name: 'C活动', gmvYuan: 45000, promotionYuan: 25000, roiText: '1.80', roiLow: true, budgetShares: [50, 30, 10, 10], sharesOff: [false, false, false, false], channelSum: 0 } as never], more: 0 } as never, { split: [50, 30, 10, 10] }, { lang: 'zh', color: false });
    expect(table).toMatch(/C活动 +4\.5万 +2\.5万 +1\.80/);
  });
});
