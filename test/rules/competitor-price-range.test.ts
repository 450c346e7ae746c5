import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'competitor-price-range';
describe(rule, () => {
  it.each(['89-159元', '199-299元', '89元-159元', '89~159', '99元'])('%s is fine', async (b) => {
    expect(await checkRows('competitor', [{ name: 'A', priceBand: b }], { rule })).toEqual([]);
  });
  it.each([['159-89元', '高于'], ['便宜', '无法识别'], ['89-', '无法识别']])('%s is wrong', async (b, text) => {
    const [f] = await checkRows('competitor', [{ name: 'A', priceBand: b }], { rule });
    expect(f).toMatchObject({ cell: 'D2', severity: 'error' });
    expect(f.message).toContain(text);
  });
});
