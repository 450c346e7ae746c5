import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'selection-score-range';
const ok = { product: '面膜', demand: 5, competition: 4, profit: 4, supply: 5 };

describe(rule, () => {
  it.each([
    ['the SOP rows with reasons', { demand: '5(搜索量高,供给缺口)', competition: '4(TOP5竞品中无同成分)' }],
    ['full-width digits', { demand: '５', competition: '４（竞品少）' }],
    ['the bounds 1 and 5', { demand: 1, competition: 5 }],
    ['a formula result', { profit: { formula: '2+2', result: 4 } }],
  ])('valid: %s', async (_name, row) => {
    expect(await checkRows('selection', [{ ...ok, ...row }], { rule })).toEqual([]);
  });

  it.each([
    ['missing', { demand: null }, 'C2', '未评分'],
    ['not a number', { competition: '高' }, 'D2', '不是分数'],
    ['0', { profit: 0 }, 'E2', '超出'],
    ['6', { supply: 6 }, 'F2', '超出'],
    ['5.5', { supply: 5.5 }, 'F2', '超出'],
    ['a half point without config', { demand: 4.5 }, 'C2', '整数'],
  ])('invalid: %s', async (_name, row, cell, text) => {
    const findings = await checkRows('selection', [{ ...ok, ...row }], { rule });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: rule, severity: 'error', cell, row: 2 });
    expect(findings[0].message).toContain(text);
  });

  it('allows half points when config does', async () => {
    expect(await checkRows('selection', [{ ...ok, demand: 4.5 }], { rule, config: { sop: { selection: { halfPoints: true } } } })).toEqual([]);
    const quarter = await checkRows('selection', [{ ...ok, demand: 4.25 }], { rule, config: { sop: { selection: { halfPoints: true } } } });
    expect(quarter.map((f) => f.cell)).toEqual(['C2']);
  });
});
