import type { Settings } from '../config/settings.js';

export type Verdict = '通过' | '待定' | '淘汰';

export interface SelectionScores {
  demand: number;
  competition: number;
  profit: number;
  supply: number;
}

export interface SelectionResult {
  /** Σ score×weight in units of 1/10000 (scores in hundredths × weights in percent): exact */
  exact: number;
  /** the score rounded half-up to two decimals, as a number (4.5) */
  score: number;
  /** the same, always with two decimals (`4.50`) */
  display: string;
  verdict: Verdict;
  /** `5×30% + 4×25% + 4×25% + 5×20% = 4.50` */
  arithmetic: string;
}

const KEYS = ['demand', 'competition', 'profit', 'supply'] as const;

/** Scores as integer hundredths, so 4.5 × 25% is 11250/10000 and never 1.1249999. */
const hundredths = (n: number) => Math.round(n * 100);

/**
 * 综合得分 = 需求×30% + 竞争×25% + 利润×25% + 供应链×20% (SOP 一.3), in integer arithmetic,
 * and the verdict from the unrounded total: ≥pass 通过, ≥hold 待定, else 淘汰.
 */
export function scoreSelection(scores: SelectionScores, settings: Settings['selection']): SelectionResult {
  const w = settings.weights;
  const exact = KEYS.reduce((sum, k) => sum + hundredths(scores[k]) * w[k], 0);
  const rounded = Math.floor((exact + 50) / 100); // half-up to hundredths; exact ≥ 0
  const display = `${Math.floor(rounded / 100)}.${String(rounded % 100).padStart(2, '0')}`;
  const verdict: Verdict = exact >= hundredths(settings.pass) * 100 ? '通过' : exact >= hundredths(settings.hold) * 100 ? '待定' : '淘汰';
  const arithmetic = `${KEYS.map((k) => `${scores[k]}×${w[k]}%`).join(' + ')} = ${display}`;
  return { exact, score: rounded / 100, display, verdict, arithmetic };
}

/** A stated 综合得分 compared at two decimals. */
export function sameAtTwoDecimals(stated: number, result: SelectionResult): boolean {
  return hundredths(stated) === Math.floor((result.exact + 50) / 100);
}
