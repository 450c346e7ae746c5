import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'keyword-competition-range';
const row = (competition: unknown) => ({ id: '10001', keyword: '面膜', searchIndex: 12500, competition }) as unknown as Record<string, never>;
describe(rule, () => {
  it.each([0.3, 0.5, 0, 1, '0.3', null])('%s is fine', async (c) => expect(await checkRows('keyword', [row(c)], { rule })).toEqual([]));
  it.each([1.2, -0.1, '高', '30%x'])('%s is out of range', async (c) => {
    const [f] = await checkRows('keyword', [row(c)], { rule });
    expect(f).toMatchObject({ cell: 'F2', expected: '0-1' });
  });
});
