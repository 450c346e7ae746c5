import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-max-length';
const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
const hanzi = (n: number) => '面'.repeat(n);

describe(rule, () => {
  it.each([
    [hanzi(30), '淘宝'], [hanzi(29) + 'ab', '淘宝'], [hanzi(30), '抖音'], [hanzi(30), undefined], ['a'.repeat(60), '天猫'],
    ['敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', '淘宝'], ['敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', '抖音'],
  ])('%s on %s is within the limit', async (t, p) => {
    expect(await checkRows('listing', [row(t, p)], { rule })).toEqual([]);
  });
  it.each([
    [hanzi(31), '淘宝', 62], [hanzi(30) + 'a', '天猫', 61], [hanzi(29) + '（）', '淘宝', 62], [hanzi(30) + '🔥', '抖音', 62], [hanzi(30) + '𠀀', '京东', 62], [hanzi(31), undefined, 62],
  ])('%s on %s is over (%s units)', async (t, p, units) => {
    const [f] = await checkRows('listing', [row(t, p)], { rule });
    expect(f).toMatchObject({ ruleId: rule, cell: 'D2', expected: '≤ 60' });
    expect(f.message).toContain(`标题 ${units} 字符`);
    expect(f.message).toMatch(/【[^【】]+】$/); // the part past the limit is marked
    expect([...(f.suggestion ?? '')].length).toBeLessThanOrEqual(30);
  });
  it('takes the max from the rule options and the platform from config', async () => {
    expect(await checkRows('listing', [row(hanzi(31))], { rule, config: { rules: { [rule]: ['error', { max: 62 }] } } })).toEqual([]);
    expect(await checkRows('listing', [row(hanzi(31))], { rule, config: { sop: { listing: { titleMaxHanzi: 31 } } } })).toEqual([]);
  });
});
