import { describe, expect, it } from 'vitest';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { checkRows } from '../helpers/check.js';

const rule = 'campaign-budget-split';
const sop = campaign.examples.rows[0] as Record<string, string>;
describe(rule, () => {
  it("reports the SOP's own example: 15万/10万/3万/2万 is 50/33.33/10/6.67, not 50/30/10/10 (the SOP is inconsistent)", async () => {
    const [f] = await checkRows('campaign', [sop], { rule });
    expect(f.message).toBe('预算分配为 推广50%/补贴33.33%/物料10%/备用金6.67%,SOP 为 推广50%/补贴30%/物料10%/备用金10%(允许偏差 2 个百分点)');
  });
  it.each(['15万/9万/3万/3万', '25万/15万/5万/5万', '15万/9.5万/3万/2.5万'])('%s is within 2 points', async (budget) => {
    expect(await checkRows('campaign', [{ ...sop, budget }], { rule })).toEqual([]);
  });
  it('needs four parts', async () => {
    const [f] = await checkRows('campaign', [{ ...sop, budget: '15万/10万' }], { rule });
    expect(f.message).toContain('四项');
  });
  it('follows the configured tolerance', async () => {
    expect(await checkRows('campaign', [sop], { rule, config: { sop: { campaign: { budgetTolerance: 4 } } } })).toEqual([]);
  });
});
