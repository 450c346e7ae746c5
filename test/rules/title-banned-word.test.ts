import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-banned-word';
const row = (title: string) => ({ id: '1', title });
describe(rule, () => {
  it.each(['敏感肌修护面膜补水舒缓', '最近上新第一次用', '一级能效空调', '100%纯棉T恤'])('%s is clean', async (t) => {
    expect(await checkRows('listing', [row(t)], { rule })).toEqual([]);
  });
  it('marks the word in the title, names the basis and suggests a title', async () => {
    const [f] = await checkRows('listing', [row('最佳补水面膜')], { rule });
    expect(f).toMatchObject({ ruleId: rule, severity: 'error', cell: 'D2', value: '最佳', expected: '优选', suggestion: '优选补水面膜', reasons: ['superlative'] });
    expect(f.message).toContain('【最佳】补水面膜');
    expect(f.message).toContain('《广告法》第九条第(三)项');
  });
  it('catches evasion by spacing and symbols', async () => {
    const found = await checkRows('listing', [row('最 佳面膜 第*一品牌')], { rule });
    expect(found.map((f) => f.value)).toEqual(['最 佳', '第*一']);
  });
  it("uses each entry's own severity, capped when the rule is lowered", async () => {
    const [w] = await checkRows('listing', [row('独家配方面膜')], { rule });
    expect(w.severity).toBe('warning');
    const [capped] = await checkRows('listing', [row('最佳面膜')], { rule, config: { rules: { [rule]: 'warning' } } });
    expect(capped.severity).toBe('warning');
  });
});
