import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule } from './types.js';

interface Options { min: number; max: number }

/** 初步拟定10-15款候选产品 (SOP 一.3): one round has 10–15 candidates. */
export const selectionCandidateCount: Rule<Options, 'selection', 'tooFew' | 'tooMany'> = {
  id: 'selection-candidate-count',
  sheetKinds: ['selection'],
  defaultSeverity: 'warning',
  description: msg('rule.selection-candidate-count.description'),
  options: (s) => z.object({
    min: z.number().int().default(s.selection.candidates.min),
    max: z.number().int().default(s.selection.candidates.max),
  }).strict(),
  messages: {
    tooFew: msg('rule.selection-candidate-count.tooFew'),
    tooMany: msg('rule.selection-candidate-count.tooMany'),
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
