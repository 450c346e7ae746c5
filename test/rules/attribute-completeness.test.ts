import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'attribute-completeness';
describe(rule, () => {
  it.each(['90%', '95%', 0.9, 1])('%s is complete enough', async (v) => {
    expect(await checkRows('listing', [{ id: '1', title: 't', attributeCompleteness: v }], { rule })).toEqual([]);
  });
  it.each(['89%', 0.5])('%s is below 90%', async (v) => {
    expect(await checkRows('listing', [{ id: '1', title: 't', attributeCompleteness: v }], { rule })).toHaveLength(1);
  });
});
