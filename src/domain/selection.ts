import type { Settings } from '../config/settings.js';
import { rowModel } from './row-model.js';

/** 选品建议: pass, hold (re-evaluate), drop — in the order of the thresholds. */
export const VERDICTS = ['通过', '待定', '淘汰'] as const;
export type Verdict = (typeof VERDICTS)[number];
const [PASS, HOLD, DROP] = VERDICTS;

/**
 * The verdict a word means, as operators write it (建议通过, 不通过, 暂不通过, PASS, 观望): the
 * SOP's three words are 通过/待定/淘汰 (SOP 一.2); any other word is not a verdict.
 */
const VERDICT_WORDS: ReadonlyArray<[Verdict, RegExp]> = [
  [HOLD, /^(?:建议)?(?:待定|暂不通过|暂缓|待评估|待复评|需复评|再议|观望|hold|pending|tbd)$/i],
  [DROP, /^(?:建议)?(?:淘汰|不通过|未通过|放弃|否决|fail(?:ed)?|reject(?:ed)?)$/i],
  [PASS, /^(?:通过|建议通过|可以通过|pass(?:ed)?)$/i],
];
export function verdictOf(word: string): Verdict | undefined {
  // the column's name or a stage typed before the verdict: 建议:通过, 结论:待定, 初审通过
  const w = word.replace(/\s+/g, '').replace(/^(?:(?:选品)?建议|结论|评估结果|审核结果|评审结果|判断)[:：]|^(?:初审|复审|终审|评审|审核)(?=通过|待定|淘汰|不通过)/, '');
  // a question mark makes a verdict unsure: 待定? is still 待定, 通过? and 淘汰? are not decided
  const unsure = /[?？]+$/.exec(w);
  if (unsure) { const v = verdictOf(w.slice(0, unsure.index)); return v === HOLD ? HOLD : undefined; }
  return VERDICT_WORDS.find(([, re]) => re.test(w))?.[0];
}

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

/** The four scores of SOP 一.3, by column key: the sheet kind, the weights and the formulas use these. */
export const SCORE_KEYS = ['demand', 'competition', 'profit', 'supply'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

/** Scores as integer hundredths, so 4.5 × 25% is 11250/10000 and never 1.1249999. */
const hundredths = (n: number) => Math.round(n * 100);

/**
 * 综合得分 = 需求×30% + 竞争×25% + 利润×25% + 供应链×20% (SOP 一.3), in integer arithmetic,
 * and the verdict from the unrounded total: ≥pass 通过, ≥hold 待定, else 淘汰.
 */
export function scoreSelection(scores: SelectionScores, settings: Settings['selection']): SelectionResult {
  const w = settings.weights;
  const exact = SCORE_KEYS.reduce((sum, k) => sum + hundredths(scores[k]) * w[k], 0);
  const rounded = Math.floor((exact + 50) / 100); // half-up to hundredths, as Excel's ROUND(…,2); exact ≥ 0
  const bars = [hundredths(settings.pass) * 100, hundredths(settings.hold) * 100];
  const verdict: Verdict = exact >= bars[0] ? PASS : exact >= bars[1] ? HOLD : DROP;
  // two decimals, unless rounding would cross a bar the exact score is under (3.995 shown as "4.00" but 待定)
  const misleads = bars.some((bar) => (rounded * 100 >= bar) !== (exact >= bar));
  const display = misleads ? exactText(exact) : `${Math.floor(rounded / 100)}.${String(rounded % 100).padStart(2, '0')}`;
  const arithmetic = `${SCORE_KEYS.map((k) => `${scores[k]}×${w[k]}%`).join(' + ')} = ${display}`;
  return { exact, score: rounded / 100, display, verdict, arithmetic };
}

/** An exact score (in 1/10000) with all its decimals, at least two: 39950 → "3.995". */
function exactText(exact: number): string {
  const whole = Math.floor(exact / 10000);
  const frac = String(exact % 10000).padStart(4, '0').replace(/0{1,2}$/, '');
  return `${whole}.${frac}`;
}

/**
 * A stated 综合得分 is right when it is the exact score rounded to two places the way Excel's
 * ROUND(…,2) rounds (2.175 → 2.18), or the exact score itself as a formula computes it in binary
 * (2.1749999999999998 is 2.175).
 */
export function sameAtTwoDecimals(stated: number, result: SelectionResult): boolean {
  const units = stated * 10000;
  if (Math.abs(units - result.exact) < 1e-6) return true;
  // the stated value at hundredths, tolerant of binary noise (4.55 is 454.99999… hundredths)
  return Math.round(stated * 100 + (stated >= 0 ? 1e-9 : -1e-9)) === Math.floor((result.exact + 50) / 100);
}

/** A score as the SOP accepts it: within bounds, whole (or half, when allowed); else null. */
export function validScore(v: number | undefined, s: Pick<Settings['selection'], 'minScore' | 'maxScore' | 'halfPoints'>): number | null {
  return v !== undefined && v >= s.minScore && v <= s.maxScore && Number.isInteger(s.halfPoints ? v * 2 : v) ? v : null;
}

/** One product row of a selection sheet: its four scores as read, and the result when all four are valid. */
export interface SelectionRow {
  /** each score, null where the cell is missing or not a valid score */
  scores: Record<ScoreKey, number | null>;
  /** the computed 综合得分 and verdict; undefined when a score is not valid */
  result?: SelectionResult;
}

/** The selection model of a row: the rules and `ecsop score` share it. */
export const selectionModel = rowModel<SelectionRow>('selection', (row, env) => {
  const s = env.settings.selection;
  const scores = {} as Record<ScoreKey, number | null>;
  for (const k of SCORE_KEYS) scores[k] = validScore((row.cells.get(k)?.value as { value: number } | undefined)?.value, s);
  const complete = SCORE_KEYS.every((k) => scores[k] !== null);
  return complete ? { scores, result: scoreSelection(scores as SelectionScores, s) } : { scores };
});
