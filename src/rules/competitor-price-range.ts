import { nearestShape } from '../cells/grammar/families.js';
import { z } from 'zod';
import type { ParsedRange } from '../cells/range.js';
import type { Rule } from './types.js';

/** 价格区间 such as `89-159元`: readable, low ≤ high. */
export const competitorPriceRange: Rule<Record<string, never>> = {
  id: 'competitor-price-range',
  sheetKinds: ['competitor'],
  defaultSeverity: 'error',
  description: { zh: '价格区间无法识别,或低价高于高价', en: 'The price band cannot be read, or its low end is above its high end' },
  options: () => z.object({}).strict(),
  messages: {
    unreadable: { zh: '价格区间“{value}”无法识别;应写作 89-159元;最接近的写法:{shape}', en: 'Cannot read the price band "{value}"; write 89-159元; the nearest accepted shape: {shape}' },
    reversed: { zh: '价格区间“{value}”的低价 {low} 高于高价 {high}', en: 'Price band "{value}": the low end {low} is above the high end {high}' },
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('priceBand');
        if (!cell || cell.empty) return;
        const r = cell.value as ParsedRange | undefined;
        if (!r) ctx.report({ row: row.row, field: 'priceBand', messageId: 'unreadable', data: { value: cell.text, shape: nearestShape('QuantityRange', cell.text, (s) => !/kg/.test(s)) ?? '89-159元' }, value: cell.text, expected: '89-159元' });
        else if (r.low > r.high) ctx.report({ row: row.row, field: 'priceBand', messageId: 'reversed', data: { value: cell.text, low: r.low, high: r.high }, value: cell.text, expected: `${r.high}-${r.low}` });
      },
    };
  },
};
