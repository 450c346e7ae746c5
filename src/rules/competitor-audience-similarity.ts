import { textOf } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule } from './types.js';

/** SOP 一.2: a core competitor shares the price band (≥80%) and the target audience (相似度≥70%). */
export const competitorAudienceSimilarity: Rule<{ min: number }, 'competitor', 'low'> = {
  id: 'competitor-audience-similarity',
  sheetKinds: ['competitor'],
  defaultSeverity: 'warning',
  description: msg('rule.competitor-audience-similarity.description'),
  options: (s) => z.object({ min: z.number().min(0).max(1).default(s.competitor.audienceSimilarity) }).strict(),
  messages: {
    low: msg('rule.competitor-audience-similarity.low'),
  },
  create(ctx) {
    const min = ctx.options.min;
    return {
      row(row) {
        const cell = row.cells.get('audienceSimilarity');
        if (!cell || typeof cell.value !== 'number' || cell.value >= min) return;
        ctx.report({ row: row.row, field: 'audienceSimilarity', messageId: 'low', data: { name: textOf(row.cells.get('name')), min: Math.round(min * 100) }, value: cell.text, expected: `≥ ${Math.round(min * 100)}%` });
      },
    };
  },
};
