import { parseNumber } from '../cells/number.js';
import type { Settings } from '../config/settings.js';
import type { SelectionResult, Verdict } from '../domain/selection.js';
import { rowScores, selectionOf } from '../rules/selection-score-range.js';
import type { ParsedRow, SheetInfo } from '../rules/types.js';

/** One product row of a selection sheet, as `ecsop score --format json` reports it. */
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
  stated: { score: number | null; recommendation: string | null; reason?: string };
  /** where the stated values differ from the computed ones */
  mismatch: { score: boolean; recommendation: boolean };
  /** the computed 综合得分 in units of 1/10000, for exact ranking (not in JSON) */
  exact?: number;
}

/** Collects a ScoreResult per row of every selection sheet the engine reads. */
export function scoreCollector(settings: Settings) {
  const s = settings.selection;
  const results: ScoreResult[] = [];
  return {
    onRow(sheet: SheetInfo, row: ParsedRow) {
      if (sheet.kind.id !== 'selection') return;
      const scores = rowScores(row, s);
      const computed: SelectionResult | undefined = selectionOf(row, s);
      const statedCell = row.cells.get('score');
      const statedScore = statedCell && !statedCell.empty ? (typeof statedCell.value === 'number' ? statedCell.value : parseNumber(statedCell.text)?.value ?? null) : null;
      const verdictCell = row.cells.get('recommendation');
      const statedVerdict = verdictCell && !verdictCell.empty ? (verdictCell.value as { word: string; reason?: string } | undefined) : undefined;
      results.push({
        file: sheet.file,
        sheet: sheet.name,
        row: row.row,
        product: row.cells.get('product')?.text ?? '',
        scores,
        score: computed ? computed.score : null,
        scoreText: computed ? computed.display : null,
        recommendation: computed ? computed.verdict : null,
        rank: null,
        stated: { score: statedScore, recommendation: statedVerdict?.word ?? null, ...(statedVerdict?.reason ? { reason: statedVerdict.reason } : {}) },
        mismatch: {
          score: Boolean(computed && statedScore !== null && Math.round(statedScore * 100) !== Math.round(computed.score * 100)),
          recommendation: Boolean(computed && statedVerdict && statedVerdict.word !== computed.verdict),
        },
        exact: computed?.exact,
      });
    },
    /** Results ranked within each sheet: higher score first, then higher demand, then row order. */
    results(): ScoreResult[] {
      const groups = new Map<string, ScoreResult[]>();
      for (const r of results) {
        const key = `${r.file}\u0000${r.sheet}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(r);
      }
      for (const group of groups.values()) {
        group
          .filter((r) => r.exact !== undefined)
          .sort((a, b) => b.exact! - a.exact! || (b.scores.demand ?? 0) - (a.scores.demand ?? 0) || a.row - b.row)
          .forEach((r, i) => { r.rank = i + 1; });
      }
      return results.map(({ exact: _exact, ...r }) => r);
    },
  };
}

/** How many rows got each verdict. */
export function verdictCounts(results: ScoreResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { 通过: 0, 待定: 0, 淘汰: 0 };
  for (const r of results) if (r.recommendation) counts[r.recommendation] += 1;
  return counts;
}
