import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';

const rule = 'title-max-length';
const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
const hanzi = (n: number) => '面'.repeat(n);
const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
const over = ([[hanzi(31), '淘宝', 62], [hanzi(30) + 'a', '天猫', 61], [hanzi(29) + '（）', '淘宝', 62], [hanzi(30) + '🔥', '抖音', 62], [hanzi(30) + '𠀀', '京东', 62], [hanzi(31), undefined, 62], [hanzi(31), 'Tmall', 62], [hanzi(31), '抖店', 62]] as const);

ruleTester(rule, {
  valid: [
    ...([[hanzi(30), '淘宝'], [hanzi(29) + 'ab', '淘宝'], [hanzi(30), '抖音'], [hanzi(30), undefined], ['a'.repeat(60), '天猫'], [SOP_TITLE, '淘宝'], [SOP_TITLE, '抖音']] as const).map(([t, p]) => ({ rows: [row(t, p)] })),
    { name: 'the max from the rule options', rows: [row(hanzi(31))], config: { rules: { [rule]: ['error', { max: 62 }] } } },
    { name: "the SOP's number from config", rows: [row(hanzi(31))], config: { sop: { listing: { titleMaxHanzi: 31 } } } },
  ],
  invalid: over.map(([t, p, units]) => ({ rows: [row(t, p)], errors: [{ messageId: 'long', cell: 'D2', expected: '≤ 60', data: { length: units }, message: `标题 ${units} 字符` }] })),
});

describe('title-max-length marks and suggests', () => {
  it.each(over)('%s on %s: the part past the limit is marked; the suggestion fits', async (t, p) => {
    const [f] = (await runRows('listing', [row(t, p)])).map((x) => x.finding).filter((x) => x.ruleId === rule);
    expect(f.message).toMatch(/【[^【】]+】$/);
    expect([...(f.suggestion ?? '')].length).toBeLessThanOrEqual(30);
  });
});
