import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { nearestShape } from '../cells/grammar/families.js';
import { z } from 'zod';
import type { ParsedRange } from '../cells/range.js';
import type { Rule } from './types.js';

/** 价格区间 such as `89-159元`: readable, low ≤ high. */
export const competitorPriceRange: Rule<Record<string, never>, 'competitor', 'unreadable' | 'reversed'> = {
  id: 'competitor-price-range',
  sheetKinds: ['competitor'],
  defaultSeverity: 'error',
  description: msg('rule.competitor-price-range.description'),
  options: () => z.object({}).strict(),
  messages: {
    unreadable: msg('rule.competitor-price-range.unreadable'),
    reversed: msg('rule.competitor-price-range.reversed'),
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('priceBand');
        if (!hasValue(cell)) return;
        const r = cell.value as ParsedRange | undefined;
        if (!r) ctx.report({ row: row.row, field: 'priceBand', messageId: 'unreadable', data: { value: cell.text, shape: nearestShape('QuantityRange', cell.text, (s) => !/kg/.test(s)) ?? '89-159元' }, value: cell.text, expected: '89-159元' });
        else if (r.low > r.high) ctx.report({ row: row.row, field: 'priceBand', messageId: 'reversed', data: { value: cell.text, low: r.low, high: r.high }, value: cell.text, expected: `${r.high}-${r.low}` });
      },
    };
  },
};
