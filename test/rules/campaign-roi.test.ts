import { describe, expect, it } from 'vitest';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { campaignFigures } from '../../src/domain/campaign.js';
import { checkRows } from '../helpers/check.js';

const rule = 'campaign-roi';
const sop = campaign.examples.rows[0] as Record<string, string>;
describe(rule, () => {
  it("reads the SOP's own row: 50万 ÷ 15万 = 3.33", async () => {
    expect(campaignFigures(sop.goal, sop.budget, sop.channels)).toMatchObject({ gmvYuan: 500000, promotionYuan: 150000, roi: 3.33, channelSum: 100 });
    expect(await checkRows('campaign', [sop], { rule })).toEqual([]);
  });
  it.each([['GMV44万元', '15万/9万/3万/3万', true], ['GMV45万元', '15万/9万/3万/3万', false], ['GMV45万元', '14万/9万/3万/3万', false], ['目标GMV 30万', '10万/6万/2万/2万', false], ['GMV29.9万元', '10万/6万/2万/2万', true]])('%s with %s', async (goal, budget, low) => {
    const findings = await checkRows('campaign', [{ ...sop, goal, budget }], { rule });
    expect(findings.length).toBe(low ? 1 : 0);
  });
  it('says when the ROI cannot be computed', async () => {
    const [f] = await checkRows('campaign', [{ ...sop, goal: '提升新客占比30%' }], { rule });
    expect(f.message).toContain('无法计算');
  });
});
