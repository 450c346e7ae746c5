import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'selection-candidate-count';
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ product: `款${i + 1}`, demand: 4, competition: 4, profit: 4, supply: 4 }));

describe(rule, () => {
  it.each([10, 12, 15])('%s candidates are fine', async (n) => {
    expect(await checkRows('selection', rows(n), { rule })).toEqual([]);
  });
  it.each([[9, '少于'], [16, '多于'], [3, '少于']] as const)('%s candidates are a warning', async (n, word) => {
    const [f] = await checkRows('selection', rows(n), { rule });
    expect(f).toMatchObject({ severity: 'warning', value: n, expected: '10-15' });
    expect(f.message).toContain(word);
  });
  it('follows config', async () => {
    expect(await checkRows('selection', rows(3), { rule, config: { sop: { selection: { candidates: { min: 3, max: 5 } } } } })).toEqual([]);
    expect(await checkRows('selection', rows(3), { rule, config: { rules: { [rule]: ['warning', { min: 2 }] } } })).toEqual([]);
  });
});
