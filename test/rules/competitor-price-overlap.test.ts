import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'competitor-price-overlap';
const config = { sop: { competitor: { priceBand: '89-159' } } };
describe(rule, () => {
  it('is silent without our price band', async () => {
    expect(await checkRows('competitor', [{ name: 'B', priceBand: '199-299元' }], { rule })).toEqual([]);
  });
  it.each(['89-159元', '79-169元', '89-149元'])('%s overlaps 89-159 by ≥80%', async (b) => {
    expect(await checkRows('competitor', [{ name: 'A', priceBand: b }], { rule, config })).toEqual([]);
  });
  it.each([['199-299元', 0], ['120-200元', 55.7], ['89-140元', 72.9]])('%s overlaps by %s%', async (b, pct) => {
    const [f] = await checkRows('competitor', [{ name: 'A', priceBand: b }], { rule, config });
    expect(f.message).toContain(`${pct}%`);
  });
});
