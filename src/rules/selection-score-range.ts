import { z } from 'zod';
import type { Settings } from '../config/settings.js';
import { scoreSelection, type SelectionResult } from '../domain/selection.js';
import type { ParsedRow, Rule } from './types.js';

export const SCORE_KEYS = ['demand', 'competition', 'profit', 'supply'] as const;

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
    notNumber: { zh: '「{field}」的“{value}”不是分数;应以 {min}-{max} 的数字开头,如 5(搜索量高)', en: '"{field}": "{value}" is not a score; expected a number {min}–{max}, e.g. 5(搜索量高)' },
    outOfRange: { zh: '「{field}」为 {score},超出 {min}-{max} 分', en: '"{field}" is {score}, outside {min}–{max}' },
    notWhole: { zh: '「{field}」为 {score};评分应为{step}', en: '"{field}" is {score}; scores must be {stepEn}' },
  },
  create(ctx) {
    const { min, max, halfPoints } = ctx.options;
    const step = halfPoints ? { step: '整数或 .5', stepEn: 'whole or half points' } : { step: '整数', stepEn: 'whole points' };
    return {
      row(row) {
        for (const field of SCORE_KEYS) {
          const cell = row.cells.get(field);
          if (!cell) continue; // a missing column is sheet/missing-column's finding
          const expected = `${min}-${max}`;
          if (cell.empty) { ctx.report({ row: row.row, field, messageId: 'missing', data: { min, max }, expected }); continue; }
          const score = (cell.value as { value: number } | undefined)?.value;
          if (score === undefined) {
            if (cell.problem === 'type') ctx.report({ row: row.row, field, messageId: 'notNumber', data: { min, max }, value: cell.text, expected });
            continue;
          }
          if (score < min || score > max) ctx.report({ row: row.row, field, messageId: 'outOfRange', data: { score, min, max }, value: cell.text, expected });
          else if (!Number.isInteger(halfPoints ? score * 2 : score)) ctx.report({ row: row.row, field, messageId: 'notWhole', data: { score, ...step }, value: cell.text, expected });
        }
      },
    };
  },
};

/** A score as this rule accepts it: within bounds, whole (or half, when allowed); else null. */
export function validScore(v: number | undefined, s: Pick<Settings['selection'], 'minScore' | 'maxScore' | 'halfPoints'>): number | null {
  return v !== undefined && v >= s.minScore && v <= s.maxScore && Number.isInteger(s.halfPoints ? v * 2 : v) ? v : null;
}

/** The four scores of a row, each null where it is not a valid score. */
export function rowScores(row: ParsedRow, s: Settings['selection']): Record<(typeof SCORE_KEYS)[number], number | null> {
  const out = {} as Record<(typeof SCORE_KEYS)[number], number | null>;
  for (const k of SCORE_KEYS) out[k] = validScore((row.cells.get(k)?.value as { value: number } | undefined)?.value, s);
  return out;
}

const SELECTION = 'selection-result';

/**
 * The row's computed 综合得分 and verdict, once per row: the two mismatch rules and `ecsop score`
 * share it through ParsedRow.derived. Undefined when a score is not a valid number.
 */
export function selectionOf(row: ParsedRow, s: Settings['selection']): SelectionResult | undefined {
  if (row.derived?.has(SELECTION)) return row.derived.get(SELECTION) as SelectionResult | undefined;
  const scores = rowScores(row, s);
  const complete = SCORE_KEYS.every((k) => scores[k] !== null);
  const result = complete ? scoreSelection(scores as Record<(typeof SCORE_KEYS)[number], number>, s) : undefined;
  (row.derived ??= new Map()).set(SELECTION, result);
  return result;
}
