import { z } from 'zod';
import type { Rule } from './types.js';

/** 选取TOP5竞品 (SOP 一.2): at most 5 competitors in one sheet. */
export const competitorCount: Rule<{ max: number }> = {
  id: 'competitor-count',
  sheetKinds: ['competitor'],
  defaultSeverity: 'warning',
  description: { zh: '竞品超过 TOP5', en: 'More than the TOP5 competitors' },
  options: (s) => z.object({ max: z.number().int().default(s.competitor.top) }).strict(),
  messages: { tooMany: { zh: '本表有 {count} 个竞品,SOP 只选 TOP{max}', en: '{count} competitors; the SOP picks the TOP{max}' } },
  create(ctx) {
    let count = 0;
    return {
      row(row) { if (!row.cells.get('name')?.empty) count += 1; },
      end() { if (count > ctx.options.max) ctx.report({ messageId: 'tooMany', data: { count, max: ctx.options.max }, value: count, expected: `≤ ${ctx.options.max}` }); },
    };
  },
};
