import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule } from './types.js';

/** SOP 三.2: 属性完整度≥90%可提升搜索权重 — checked when the column exists. */
export const attributeCompleteness: Rule<{ min: number }, 'listing', 'low'> = {
  id: 'attribute-completeness',
  sheetKinds: ['listing'],
  defaultSeverity: 'warning',
  description: msg('rule.attribute-completeness.description'),
  options: (s) => z.object({ min: z.number().min(0).max(1).default(s.listing.attributeCompleteness) }).strict(),
  messages: { low: msg('rule.attribute-completeness.low') },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('attributeCompleteness');
        if (!cell || typeof cell.value !== 'number') return;
        if (cell.value < ctx.options.min) ctx.report({ row: row.row, field: 'attributeCompleteness', messageId: 'low', data: { value: cell.text, min: Math.round(ctx.options.min * 100) }, value: cell.text, expected: `≥ ${Math.round(ctx.options.min * 100)}%` });
      },
    };
  },
};
