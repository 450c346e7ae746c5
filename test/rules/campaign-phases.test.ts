import { describe, expect, it } from 'vitest';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { parsePhases } from '../../src/cells/schedule.js';
import { checkRows } from '../helpers/check.js';

const rule = 'campaign-phases';
const sop = campaign.examples.rows[0] as Record<string, string>;
describe(rule, () => {
  it("reads and passes the SOP's own schedule", async () => {
    expect(parsePhases(sop.schedule, 2024)?.map((p) => [p.label, p.days])).toEqual([['预热', 3], ['爆发', 2], ['返场', 1]]);
    expect(await checkRows('campaign', [sop], { rule })).toEqual([]);
  });
  it.each(['5月17日-19日(预热);5月20日-21日(爆发);5月22日(返场)', '2024.5.17-5.19(预热),5.20-5.21(爆发),5.22(返场)', '12.30-1.1(预热);1.2-1.3(爆发);1.4(返场)'])('%s is fine', async (schedule) => {
    expect(await checkRows('campaign', [{ ...sop, schedule }], { rule })).toEqual([]);
  });
  it.each([
    ['5.17-5.18(预热);5.19-5.20(爆发);5.21(返场)', '预热期为 2 天'],
    ['5.17-5.19(预热);5.21-5.22(爆发);5.23(返场)', '没有前后相接'],
    ['5.17-5.19(预热);5.20-5.21(爆发)', '缺少返场期'],
    ['下周', '无法识别'],
  ])('%s', async (schedule, text) => {
    const findings = await checkRows('campaign', [{ ...sop, schedule }], { rule });
    expect(findings.map((f) => f.message).join(' ')).toContain(text);
  });
});
