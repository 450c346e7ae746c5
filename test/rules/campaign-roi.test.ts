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
  ],
  invalid: [
    { rows: [{ ...sop, goal: 'GMV44万元', budget: '15万/9万/3万/3万' }], errors: [{ messageId: 'low', cell: 'F2', severity: 'error' }] },
    { rows: [{ ...sop, goal: 'GMV29.9万元', budget: '10万/6万/2万/2万' }], errors: [{ messageId: 'low', cell: 'F2' }] },
    { name: 'an ROI that cannot be computed is said so', rows: [{ ...sop, goal: '提升新客占比30%' }], errors: [{ messageId: 'unknown', cell: 'B2', message: '无法计算' }] },
  ],
});
