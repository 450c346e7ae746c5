import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'selection-score-mismatch';
const scores = (d: unknown, c: unknown, p: unknown, s: unknown) => ({ product: '面膜', demand: d, competition: c, profit: p, supply: s }) as unknown as Record<string, never>;

describe(rule, () => {
  it('reports the SOP rows whose stated score is off, with the arithmetic', async () => {
    const findings = await checkRows('selection', [
      { ...scores('5(搜索量高,供给缺口)', '4(TOP5竞品中无同成分)', '4(毛利率60%)', '5(合作工厂成熟)'), score: 4.55 },
      { ...scores('4(需求增长快)', '3(竞品多,但高浓度少)', '3(毛利率50%)', '4(原料供应稳定)'), score: 3.55 },
      { ...scores('3(需求稳定)', '2(竞品饱和)', '3(毛利率45%)', '4(生产简单)'), score: 2.95 },
    ], { rule });
    expect(findings.map((f) => [f.cell, f.value, f.expected])).toEqual([['G2', 4.55, 4.5], ['G3', 3.55, 3.5]]);
    expect(findings[0].message).toBe('综合得分填写为 4.55,按 SOP 权重应为 4.50(5×30% + 4×25% + 4×25% + 5×20% = 4.50)');
  });

  it.each([
    ['4.00 exactly', scores(4, 4, 4, 4), 4],
    ['4 as text', scores(4, 4, 4, 4), '4.00'],
    ['a cached formula result', scores(4, 3, 3, 4), { formula: 'X', result: 3.5 }],
    ['3.995 stated for 3.975? no: stated 3.98', scores(4, 4, 3.5, 4.5), 3.98],
    ['no stated score', scores(3, 3, 3, 3), null],
  ])('valid: %s', async (_n, row, score) => {
    const config = { sop: { selection: { halfPoints: true } } };
    expect(await checkRows('selection', [{ ...row, score: score as never }], { rule, config })).toEqual([]);
  });

  it('says when the stated score is not a number', async () => {
    const [f] = await checkRows('selection', [{ ...scores(3, 3, 3, 3), score: '高' }], { rule });
    expect(f).toMatchObject({ cell: 'G2', expected: 3 });
  });

  it('uses configured weights', async () => {
    const config = { sop: { selection: { weights: { demand: 40, competition: 20, profit: 20, supply: 20 } } } };
    expect(await checkRows('selection', [{ ...scores(5, 4, 4, 5), score: 4.6 }], { rule, config })).toEqual([]);
  });
});
