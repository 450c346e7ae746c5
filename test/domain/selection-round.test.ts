import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/settings.js';
import { sameAtTwoDecimals, scoreSelection } from '../../src/domain/selection.js';

const sop = defaultSettings().selection;
const weights = (w: [number, number, number, number]) => ({ ...sop, halfPoints: true, weights: { demand: w[0], competition: w[1], profit: w[2], supply: w[3] } });

describe('a stated 综合得分 is right when Excel\'s ROUND(…,2) of the exact score gives it', () => {
  // weights 35/25/25/15 and half points: 1×35 + 1×25 + 4.5×25 + 3×15 = 2.175 exactly
  const r = scoreSelection({ demand: 1, competition: 1, profit: 4.5, supply: 3 }, weights([35, 25, 25, 15]));
  it.each([
    [2.18, true], // ROUND(2.175,2) = 2.18 (half away from zero)
    [2.175, true], // the exact score as typed
    [2.1749999999999998, true], // the exact score as a formula computes it in binary
    [2.17, false], // cut, not rounded
    [2.2, false],
    [2.1800000000000002, true],
  ])('stated %s → %s', (stated, right) => {
    expect(r.exact).toBe(21750);
    expect(r.display).toBe('2.18');
    expect(sameAtTwoDecimals(stated, r)).toBe(right);
  });

  it('the SOP\'s own rows at two decimals, and binary noise in a formula\'s result', () => {
    const a = scoreSelection({ demand: 5, competition: 4, profit: 4, supply: 5 }, sop);
    expect(a.display).toBe('4.50');
    expect(sameAtTwoDecimals(4.5, a)).toBe(true);
    expect(sameAtTwoDecimals(4.55, a)).toBe(false);
    const b = scoreSelection({ demand: 3, competition: 2, profit: 3, supply: 4 }, sop);
    expect(sameAtTwoDecimals(0.9 + 0.5 + 0.75 + 0.8, b)).toBe(true); // 2.95 summed in floating point
  });
});

describe('the shown score never contradicts the verdict', () => {
  it.each([
    // [scores, weights, shown, verdict]
    [[2.5, 5, 5, 4], [35, 25, 25, 15], '3.98', '待定'], // 3.975 → 3.98: no bar crossed
    [[4, 4, 4, 4], [30, 25, 25, 20], '4.00', '通过'],
    [[3.5, 5, 2, 5], [33, 33, 17, 17], '3.995', '待定'], // 3.995 would show as 4.00, yet it is under 4
    [[1.5, 5, 1, 4], [33, 33, 17, 17], '2.995', '淘汰'], // 2.995 would show as 3.00, yet it is under 3
    [[3.5, 5, 3, 5], [33, 33, 17, 17], '4.17', '通过'], // 4.165 → 4.17: above the bar either way
  ] as const)('%j with weights %j → %s %s', (s, w, shown, verdict) => {
    const r = scoreSelection({ demand: s[0], competition: s[1], profit: s[2], supply: s[3] }, weights(w as unknown as [number, number, number, number]));
    expect(r.verdict).toBe(verdict);
    expect(r.display).toBe(shown);
  });
});
