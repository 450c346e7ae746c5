import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'competitor-count';
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `竞品${i}`, priceBand: '89-159元' }));

describe(rule, () => {
  it.each([1, 5])('%s competitors are fine', async (n) => expect(await checkRows('competitor', rows(n), { rule })).toEqual([]));
  it('6 is one too many', async () => {
    const [f] = await checkRows('competitor', rows(6), { rule });
    expect(f).toMatchObject({ value: 6, severity: 'warning' });
  });
});
