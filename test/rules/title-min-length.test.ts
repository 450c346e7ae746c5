import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-min-length';
const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
describe(rule, () => {
  it.each([['面'.repeat(8), '抖音'], ['面'.repeat(7) + 'ab', '抖音'], ['面膜', '淘宝'], ['面膜', undefined]])('%s on %s is long enough', async (t, p) => {
    expect(await checkRows('listing', [row(t, p)], { rule })).toEqual([]);
  });
  it.each([['面'.repeat(7) + 'a', '抖音'], ['面膜', '抖音'], ['a'.repeat(15), '抖音']])('%s on %s is too short', async (t, p) => {
    const [f] = await checkRows('listing', [row(t, p)], { rule });
    expect(f).toMatchObject({ ruleId: rule, expected: '≥ 16' });
  });
});
