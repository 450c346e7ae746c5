import { describe, expect, it } from 'vitest';
import { parsePhases } from '../../src/cells/schedule.js';
import { campaign } from '../../src/sheets/kinds/campaign.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = campaign.examples.rows[0] as Record<string, string>;
describe('campaign-phases reads the SOP', () => {
  it("reads the SOP's own schedule", () => {
    expect(parsePhases(sop.schedule, 2024)?.map((p) => [p.label, p.days])).toEqual([['预热', 3], ['爆发', 2], ['返场', 1]]);
  });
});
ruleTester('campaign-phases', {
  valid: [
    { name: "the SOP's own schedule", rows: [sop] },
    ...['5月17日-19日(预热);5月20日-21日(爆发);5月22日(返场)', '2024.5.17-5.19(预热),5.20-5.21(爆发),5.22(返场)', '12.30-1.1(预热);1.2-1.3(爆发);1.4(返场)',
      // the phases by other names (蓄水, 正式, English), or by the order of their days when unnamed
      '蓄水 5.30-6.1 / 爆发 6.2-6.3 / 返场 6.4', '预热5.30-6.1,正式6.2-6.3,返场6.4', 'Preheat 5.17-5.19; Peak 5.20-5.21; Encore 5.22', '5.17-5.19;5.20-5.21;5.22',
      '爆发 6.18-6.19;预热 6.15-6.17;返场 6.20'].map((schedule) => ({ rows: [{ ...sop, schedule }] })),
  ],
  invalid: [
    { rows: [{ ...sop, schedule: '5.17-5.18(预热);5.19-5.20(爆发);5.21(返场)' }], errors: [{ messageId: 'days', cell: 'C2', message: '预热期为 2 天', expected: '3/2/1天', expectedEn: '3/2/1 days' }] },
    { rows: [{ ...sop, schedule: '5.17-5.19(预热);5.21-5.22(爆发);5.23(返场)' }], errors: [{ messageId: 'gap', message: '没有前后相接' }] },
    { rows: [{ ...sop, schedule: '5.17-5.19(预热);5.20-5.21(爆发)' }], errors: [{ messageId: 'missing', message: '缺少返场期' }] },
    { rows: [{ ...sop, schedule: '下周' }], errors: [{ messageId: 'unreadable', message: '无法识别' }] },
  ],
});
