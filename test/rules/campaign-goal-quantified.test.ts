import { describe, expect, it } from 'vitest';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { checkRows } from '../helpers/check.js';

const rule = 'campaign-goal-quantified';
const sop = campaign.examples.rows[0] as Record<string, string>;
describe(rule, () => {
  it.each([sop.goal, '新客占比30%', '粉丝+1万'])('%s is quantified', async (goal) => expect(await checkRows('campaign', [{ ...sop, goal }], { rule })).toEqual([]));
  it('a goal without a number is not', async () => {
    const [f] = await checkRows('campaign', [{ ...sop, goal: '提升品牌影响力' }], { rule });
    expect(f).toMatchObject({ cell: 'B2', severity: 'warning' });
  });
});
