import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'trend-metric-count';
const row = (metrics: string, values: string) => ({ market: '面膜', metrics, period: '2024.1-3', values, direction: '增长' });

describe(rule, () => {
  it.each([['搜索指数/供需比', '12500/1:3'], ['成交额增速/客单价', '58%/320元'], ['搜索指数', '12500']])('%s ↔ %s', async (m, v) => {
    expect(await checkRows('trend', [row(m, v)], { rule })).toEqual([]);
  });
  it.each([['搜索指数/供需比', '12500'], ['搜索指数', '12500/1:3'], ['a/b/c', '1/2']])('%s ↔ %s differ', async (m, v) => {
    const [f] = await checkRows('trend', [row(m, v)], { rule });
    expect(f).toMatchObject({ cell: 'E2', field: '指标数值' });
  });
});
