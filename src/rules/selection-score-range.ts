import { z } from 'zod';
import { nearestShape } from '../cells/grammar/families.js';
import { SCORE_KEYS } from '../domain/selection.js';
import type { Rule } from './types.js';

interface Options { min: number; max: number; halfPoints: boolean }

/** Each of the four selection scores is a number from 1 to 5 (SOP 一.3). */
export const selectionScoreRange: Rule<Options> = {
  id: 'selection-score-range',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: { zh: '四项评分须为 1-5 分的数字(半分需在配置中允许)', en: 'Each of the four scores is a number from 1 to 5 (half points only when allowed)' },
  options: (s) => z.object({
    min: z.number().default(s.selection.minScore),
    max: z.number().default(s.selection.maxScore),
    halfPoints: z.boolean().default(s.selection.halfPoints),
  }).strict(),
  messages: {
    missing: { zh: '「{field}」未评分;应为 {min}-{max} 分', en: '"{field}" has no score; expected {min}–{max}' },
    notNumber: { zh: '「{field}」的“{value}”不是分数;应为 {min}-{max} 的数字,可附理由;最接近的写法:{shape}', en: '"{field}": "{value}" is not a score; expected a number {min}–{max}, a reason may follow; the nearest accepted shape: {shape}' },
    outOfRange: { zh: '「{field}」为 {score},超出 {min}-{max} 分', en: '"{field}" is {score}, outside {min}–{max}' },
    notWhole: { zh: '「{field}」为 {score};评分应为{step}', en: '"{field}" is {score}; scores must be {step}' },
  },
  create(ctx) {
    const { min, max, halfPoints } = ctx.options;
    const step = { step: halfPoints ? { zh: '整数或 .5', en: 'whole or half points' } : { zh: '整数', en: 'whole points' } };
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
