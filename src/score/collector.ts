import { textOf } from '../cells/parse.js';
import { parseNumber } from '../cells/number.js';
import { selectionModel } from '../domain/selection.js';
import type { ParsedRow } from '../domain/row-model.js';
import { defineCollector } from '../check/collector.js';
import { SCORES, type ScoreResult } from './records.js';

/**
 * The formulas the stated cells hold, when they hold one (a copy keeps a user's correct formula),
 * and which of them have no saved result (never calculated: a copy cannot judge them and leaves them).
 */
function formulasOf(row: ParsedRow): Pick<ScoreResult['stated'], 'formulas' | 'uncalculated'> {
  const out: Pick<ScoreResult['stated'], 'formulas' | 'uncalculated'> = {};
  for (const key of ['score', 'recommendation'] as const) {
    const f = row.formula?.(key);
    if (f === undefined) continue;
    (out.formulas ??= {})[key] = f;
    if (row.cells.get(key)?.problem === 'formula-no-result') (out.uncalculated ??= []).push(key);
  }
  return out;
}

/**
 * The scores of each selection sheet, ranked within the sheet when it ends: higher score first,
 * then higher demand, then row order; rows with invalid scores last, unranked.
 */
export const scoreCollector = defineCollector('score', () => ({
    kinds: ['selection'],
    sheet(info, ctx) {
      const rows: Array<{ result: ScoreResult; exact?: number }> = [];
      return {
        row(row) {
          const { scores, result: computed } = row.model(selectionModel);
          const statedCell = row.cells.get('score');
          const statedScore = statedCell && !statedCell.empty ? (typeof statedCell.value === 'number' ? statedCell.value : parseNumber(statedCell.text)?.value ?? null) : null;
          const verdictCell = row.cells.get('recommendation');
          const statedVerdict = verdictCell && !verdictCell.empty ? (verdictCell.value as { word: string; reason?: string } | undefined) : undefined;
          rows.push({
            exact: computed?.exact,
            result: {
              file: info.file,
              sheet: info.name,
              row: row.row,
              product: textOf(row.cells.get('product')),
              scores,
              score: computed ? computed.score : null,
              scoreText: computed ? computed.display : null,
              recommendation: computed ? computed.verdict : null,
              rank: null,
              stated: {
                score: statedScore,
                recommendation: statedVerdict?.word ?? null,
                ...(statedVerdict?.reason ? { reason: statedVerdict.reason } : {}),
                ...formulasOf(row),
              },
              mismatch: {
                score: Boolean(computed && statedScore !== null && Math.round(statedScore * 100) !== Math.round(computed.score * 100)),
                recommendation: Boolean(computed && statedVerdict && statedVerdict.word !== computed.verdict),
              },
            },
          });
        },
        end() {
          rows.filter((r) => r.exact !== undefined)
            .sort((a, b) => b.exact! - a.exact! || (b.result.scores.demand ?? 0) - (a.result.scores.demand ?? 0) || a.result.row - b.result.row)
            .forEach((r, i) => { r.result.rank = i + 1; });
          rows.sort((a, b) => (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity) || a.result.row - b.result.row);
          for (const r of rows) ctx.emit(SCORES, r.result);
        },
      };
    },
}));
