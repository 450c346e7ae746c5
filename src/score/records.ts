import type { Verdict } from '../domain/selection.js';
import { channel } from '../report/records.js';

/** One product row of a selection sheet, as `ecsop score --format json` reports it (`results`). */
export interface ScoreResult {
  file: string;
  sheet: string;
  /** Excel row number */
  row: number;
  product: string;
  /** the four scores as read; null where a cell is missing or invalid */
  scores: { demand: number | null; competition: number | null; profit: number | null; supply: number | null };
  /** computed 综合得分 rounded to two decimals; null when a score is invalid */
  score: number | null;
  /** the same, always with two decimals (`4.50`) */
  scoreText: string | null;
  recommendation: Verdict | null;
  /** rank within its sheet (1 = best); ties break by demand, then row order */
  rank: number | null;
  /** what the sheet says: 综合得分 and the leading word of 选品建议 (its reason apart) */
  /** what the sheet says; `formulas`: the formulas the 综合得分 and 选品建议 cells hold, if any */
  stated: {
    score: number | null;
    recommendation: string | null;
    reason?: string;
    formulas?: { score?: string; recommendation?: string };
    /** stated cells whose formula has no saved result (the file was never calculated) */
    uncalculated?: Array<'score' | 'recommendation'>;
  };
  /** where the stated values differ from the computed ones */
  mismatch: { score: boolean; recommendation: boolean };
}

export const SCORES = channel<ScoreResult>('results');
