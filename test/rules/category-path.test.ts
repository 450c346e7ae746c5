import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'category-path';
describe(rule, () => {
  it.each(['美妆护肤/面膜/修护面膜', '美妆护肤 > 面膜 > 修护面膜', '美妆护肤／面膜／修护面膜'])('%s has three levels', async (c) => {
    expect(await checkRows('listing', [{ id: '1', title: 't', category: c }], { rule })).toEqual([]);
  });
  it.each([['美妆·面膜', 1], ['美妆护肤/面膜', 2], ['美妆护肤/面膜/修护面膜/贴片', 4], ['美妆护肤//修护面膜', 2]])('%s is not', async (c, n) => {
    const [f] = await checkRows('listing', [{ id: '1', title: 't', category: c }], { rule });
    expect(f.message).toContain(`有 ${n} 级`);
  });
});
