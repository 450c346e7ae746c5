import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule } from './types.js';

/** 选取TOP5竞品 (SOP 一.2): at most 5 competitors in one sheet. */
export const competitorCount: Rule<{ max: number }, 'competitor', 'tooMany'> = {
  id: 'competitor-count',
  sheetKinds: ['competitor'],
  defaultSeverity: 'warning',
  description: msg('rule.competitor-count.description'),
  options: (s) => z.object({ max: z.number().int().default(s.competitor.top) }).strict(),
  messages: { tooMany: msg('rule.competitor-count.tooMany') },
  create(ctx) {
    let count = 0;
    return {
      row(row) { if (!row.cells.get('name')?.empty) count += 1; },
      end() { if (count > ctx.options.max) ctx.report({ messageId: 'tooMany', data: { count, max: ctx.options.max }, value: count, expected: `≤ ${ctx.options.max}` }); },
    };
  },
};
