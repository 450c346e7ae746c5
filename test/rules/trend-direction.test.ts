import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'trend-direction';
const row = (direction: string, conclusion = '') => ({ market: '面膜', metrics: 'a/b', period: '2024.1-3', values: '1/2', direction, conclusion });

describe(rule, () => {
  it.each(['增长(搜索环比+32%)', '增长(成交额环比+45%)', '下滑(环比-5%)', '下滑(同比下降5%)', '稳定(环比+3%)', '稳定', '增长', '增长（搜索环比＋32％）'])('%s is consistent', async (d) => {
    expect(await checkRows('trend', [row(d)], { rule })).toEqual([]);
  });
  it.each([
    ['下滑(搜索环比+32%)', '增长'], ['增长(环比-5%)', '下滑'], ['增长(同比下降12%)', '下滑'], ['稳定(环比+32%)', '增长'], ['稳定(环比-15%)', '下滑'],
  ])('%s contradicts itself', async (d, expected) => {
    const [f] = await checkRows('trend', [row(d)], { rule });
    expect(f).toMatchObject({ ruleId: rule, cell: 'F2', field: '趋势判断', expected });
  });
  it('reads the conclusion when the bracket is empty', async () => {
    expect(await checkRows('trend', [row('增长', '环比下降8%,需求萎缩')], { rule })).toHaveLength(1);
  });
});
