import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'trend-period';
const row = (period: string) => ({ market: '面膜', metrics: 'a', period, values: '1', direction: '增长' });

describe(rule, () => {
  it.each(['2024.1-3', '2023.10-2024.3', '近6个月', '近12个月', '2024年1-3月', '2023.4-2024.3', '近1年'])('%s is 3–12 months', async (p) => {
    expect(await checkRows('trend', [row(p)], { rule })).toEqual([]);
  });
  it.each([['2024.1-2', '2 个月'], ['近2个月', '2 个月'], ['2023.1-2024.1', '13 个月'], ['近2年', '24 个月']])('%s is outside', async (p, text) => {
    const [f] = await checkRows('trend', [row(p)], { rule });
    expect(f).toMatchObject({ cell: 'D2', severity: 'warning' });
    expect(f.message).toContain(text);
  });
  it('reports an unreadable period', async () => {
    const [f] = await checkRows('trend', [row('第一季度')], { rule });
    expect(f.message).toContain('无法识别');
  });
});
