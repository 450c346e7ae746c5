import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'competitor-channel-share';
describe(rule, () => {
  it.each(['直播(40%)+小红书(30%)', '短视频(50%)+千川投放', '直播(60%)+小红书(40%)', ''])('%j is fine', async (c) => {
    expect(await checkRows('competitor', [{ name: 'A', priceBand: '89-159元', channels: c || null }], { rule })).toEqual([]);
  });
  it('over 100% is an error', async () => {
    const [f] = await checkRows('competitor', [{ name: 'A', priceBand: '89-159元', channels: '直播(70%)+小红书(40%)' }], { rule });
    expect(f).toMatchObject({ cell: 'G2' });
    expect(f.message).toContain('110%');
  });
});
