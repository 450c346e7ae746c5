import { describe, expect, it } from 'vitest';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { checkRows } from '../helpers/check.js';

const rule = 'campaign-channel-share';
const sop = campaign.examples.rows[0] as Record<string, string>;
describe(rule, () => {
  it("passes the SOP's own row (30+40+20+10)", async () => expect(await checkRows('campaign', [sop], { rule })).toEqual([]));
  it.each([['直通车(30%)+抖音直播(40%)', '70'], ['直通车(60%)+抖音直播(50%)', '110'], ['直通车(50%)+抖音直播', '50']])('%s sums to %s%', async (channels, sum) => {
    const [f] = await checkRows('campaign', [{ ...sop, channels }], { rule });
    expect(f.message).toContain(`${sum}%`);
  });
});
