import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../src/config/settings.js';
import { sameAtTwoDecimals, scoreSelection } from '../../src/domain/selection.js';

const s = defaultSettings().selection;
const score = (demand: number, competition: number, profit: number, supply: number) => scoreSelection({ demand, competition, profit, supply }, s);

describe('scoreSelection: the SOP example rows', () => {
  it.each([
    [[5, 4, 4, 5], '4.50', '通过'],
    [[4, 3, 3, 4], '3.50', '待定'],
    [[3, 2, 3, 4], '2.95', '淘汰'],
  ] as const)('%j → %s %s', (scores, display, verdict) => {
    const r = score(...(scores as unknown as [number, number, number, number]));
    expect(r.display).toBe(display);
    expect(r.verdict).toBe(verdict);
  });
  it('shows the arithmetic', () => {
    expect(score(5, 4, 4, 5).arithmetic).toBe('5×30% + 4×25% + 4×25% + 5×20% = 4.50');
  });
});

describe('scoreSelection: boundaries, exact', () => {
  it.each([
    [[4, 4, 4, 4], '4.00', '通过'], // exactly 4: pass, never 3.9999
    [[3, 3, 3, 3], '3.00', '待定'], // exactly 3: hold
    [[5, 3, 3, 4], '3.80', '待定'],
    [[4, 4, 4, 3], '3.80', '待定'],
    [[5, 4, 4, 3], '4.10', '通过'],
    [[3, 3, 3, 2], '2.80', '淘汰'],
    [[1, 1, 1, 1], '1.00', '淘汰'],
    [[5, 5, 5, 5], '5.00', '通过'],
    [[3, 4, 4, 4], '3.70', '待定'],
    [[4, 5, 3, 4], '4.00', '通过'],
    [[2, 3, 4, 4], '3.15', '待定'],
    [[3, 2, 3, 3], '2.75', '淘汰'],
  ] as const)('%j → %s %s', (scores, display, verdict) => {
    const r = score(...(scores as unknown as [number, number, number, number]));
    expect(r.display).toBe(display);
    expect(r.verdict).toBe(verdict);
  });

  it('with half points, the verdict comes from the unrounded total', () => {
    // 4.5×30 + 4×25 + 3.5×25 + 3.5×20 = 135 + 100 + 87.5 + 70 = 392.5 → 3.925
    const r = score(4.5, 4, 3.5, 3.5);
    expect(r.exact).toBe(39250);
    expect(r.display).toBe('3.93');
    expect(r.verdict).toBe('待定');
    // 4×30 + 4×25 + 3.5×25 + 4.5×20 = 120 + 100 + 87.5 + 90 = 397.5 → 3.975: shown 3.98, still 待定
    const close = score(4, 4, 3.5, 4.5);
    expect(close.display).toBe('3.98');
    expect(close.verdict).toBe('待定');
  });

  it('rounds half up at the third decimal', () => {
    // 4.5×25 = 112.5 hundredths-of-percent: 3×30 + 4.5×25 + 3×25 + 3×20 = 90+112.5+75+60 = 337.5 → 3.375 → 3.38
    expect(score(3, 4.5, 3, 3).display).toBe('3.38');
  });

  it('follows configured weights and thresholds', () => {
    const custom = settingsSchema().parse({ selection: { weights: { demand: 40, competition: 20, profit: 20, supply: 20 }, pass: 3.5, hold: 2.5 } }).selection;
    const r = scoreSelection({ demand: 4, competition: 3, profit: 3, supply: 4 }, custom);
    expect(r.display).toBe('3.60');
    expect(r.verdict).toBe('通过');
  });

  it('rejects weights that do not sum to 100', () => {
    expect(settingsSchema().safeParse({ selection: { weights: { demand: 30, competition: 30, profit: 25, supply: 20 } } }).success).toBe(false);
  });

  it('compares stated scores at two decimals', () => {
    const r = score(5, 4, 4, 5);
    expect(sameAtTwoDecimals(4.5, r)).toBe(true);
    expect(sameAtTwoDecimals(4.55, r)).toBe(false);
    expect(sameAtTwoDecimals(4.499999999, r)).toBe(true);
  });
});
