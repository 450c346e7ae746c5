import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { nearestShape } from '../cells/grammar/families.js';
import { SCORE_KEYS } from '../domain/selection.js';
import type { Rule } from './types.js';

interface Options { min: number; max: number; halfPoints: boolean }

/** Each of the four selection scores is a number from 1 to 5 (SOP 一.3). */
export const selectionScoreRange: Rule<Options, 'selection', 'missing' | 'notNumber' | 'outOfRange' | 'notWhole'> = {
  id: 'selection-score-range',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: msg('rule.selection-score-range.description'),
  options: (s) => z.object({
    min: z.number().default(s.selection.minScore),
    max: z.number().default(s.selection.maxScore),
    halfPoints: z.boolean().default(s.selection.halfPoints),
  }).strict(),
  messages: {
    missing: msg('rule.selection-score-range.missing'),
    notNumber: msg('rule.selection-score-range.notNumber'),
    outOfRange: msg('rule.selection-score-range.outOfRange'),
    notWhole: msg('rule.selection-score-range.notWhole'),
  },
  create(ctx) {
    const { min, max, halfPoints } = ctx.options;
    const step = { step: halfPoints ? msg('rule.selection-score-range.step.step') : msg('rule.selection-score-range.step.step.2') };
    return {
      row(row) {
        for (const field of SCORE_KEYS) {
          const cell = row.cells.get(field);
          if (!cell) continue; // a missing column is sheet/missing-column's finding
          const expected = `${min}-${max}`;
          if (cell.empty) { ctx.report({ row: row.row, field, messageId: 'missing', data: { min, max }, expected }); continue; }
          const score = (cell.value as { value: number } | undefined)?.value;
          if (score === undefined) {
            if (cell.problem === 'type') ctx.report({ row: row.row, field, messageId: 'notNumber', data: { min, max, shape: nearestShape('Score', cell.text) ?? String(max) }, value: cell.text, expected });
            continue;
          }
          if (score < min || score > max) ctx.report({ row: row.row, field, messageId: 'outOfRange', data: { score, min, max }, value: cell.text, expected });
          else if (!Number.isInteger(halfPoints ? score * 2 : score)) ctx.report({ row: row.row, field, messageId: 'notWhole', data: { score, ...step }, value: cell.text, expected });
        }
      },
    };
  },
};
