import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-duplicate';
describe(rule, () => {
  it('reports the second listing with the same title, naming the first', async () => {
    const found = await checkRows('listing', [{ id: '1', title: '补水面膜' }, { id: '2', title: '保湿面膜' }, { id: '3', title: '补水 面膜' }], { rule });
    expect(found).toEqual([expect.objectContaining({ row: 4, cell: 'D4' })]);
    expect(found[0].message).toContain('D2');
  });
});
