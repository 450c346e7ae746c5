import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-keyword-stuffing';
describe(rule, () => {
  it.each(['敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', '面膜补水面膜'])('%s is fine', async (t) => {
    expect(await checkRows('listing', [{ id: '1', title: t }], { rule })).toEqual([]);
  });
  it.each([['面膜补水面膜保湿面膜', '面膜', 3], ['补水补水补水', '补水', 3]])('%s repeats %s', async (t, w, n) => {
    const [f] = await checkRows('listing', [{ id: '1', title: t }], { rule });
    expect(f.message).toContain(`“${w}”在标题中出现 ${n} 次,属于堆砌关键词:`);
    expect(f.message).toContain(`【${w}】`);
  });
});
