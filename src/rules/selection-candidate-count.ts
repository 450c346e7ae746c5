import { z } from 'zod';
import type { Rule } from './types.js';

interface Options { min: number; max: number }

/** 初步拟定10-15款候选产品 (SOP 一.3): one round has 10–15 candidates. */
export const selectionCandidateCount: Rule<Options> = {
  id: 'selection-candidate-count',
  sheetKinds: ['selection'],
  defaultSeverity: 'warning',
  description: { zh: '每轮候选产品应为 10-15 款', en: 'A selection round has 10–15 candidates' },
  options: (s) => z.object({
    min: z.number().int().default(s.selection.candidates.min),
    max: z.number().int().default(s.selection.candidates.max),
  }).strict(),
  messages: {
    tooFew: { zh: '本表有 {count} 款候选产品,少于 SOP 要求的 {min}-{max} 款', en: '{count} candidates; the SOP asks for {min}–{max}' },
    tooMany: { zh: '本表有 {count} 款候选产品,多于 SOP 要求的 {min}-{max} 款', en: '{count} candidates; the SOP asks for {min}–{max}' },
  },
  create(ctx) {
    let count = 0;
    return {
      row(row) {
        if (!row.cells.get('product')?.empty) count += 1;
      },
      end() {
        const { min, max } = ctx.options;
        if (count === 0) return; // an empty template is not a round yet
        const data = { count, min, max };
        if (count < min) ctx.report({ messageId: 'tooFew', data, value: count, expected: `${min}-${max}` });
        else if (count > max) ctx.report({ messageId: 'tooMany', data, value: count, expected: `${min}-${max}` });
      },
    };
  },
};
