import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { parseRange, type ParsedRange } from '../cells/range.js';
import type { Rule } from './types.js';

interface Options { priceBand?: string; minOverlap: number }

/**
 * 价格带重叠度≥80% (SOP 一.2). Overlap = the part of our price band the competitor's band also
 * covers (our choice: the SOP does not define the ratio). Runs only when our band is known
 * (config `sop.competitor.priceBand` or `--price-band 89-159`).
 */
export const competitorPriceOverlap: Rule<Options, 'competitor', 'low'> = {
  id: 'competitor-price-overlap',
  sheetKinds: ['competitor'],
  defaultSeverity: 'warning',
  description: msg('rule.competitor-price-overlap.description'),
  options: (s) => z.object({ priceBand: z.string().optional().default(s.competitor.priceBand as string), minOverlap: z.number().min(0).max(1).default(s.competitor.priceOverlap) }).strict(),
  messages: { low: msg('rule.competitor-price-overlap.low') },
  create(ctx) {
    const ours = ctx.options.priceBand ? parseRange(ctx.options.priceBand) : undefined;
    if (!ours || ours.high <= ours.low) return {};
    return {
      row(row) {
        const cell = row.cells.get('priceBand');
        const theirs = cell?.value as ParsedRange | undefined;
        if (!cell || !theirs || theirs.low > theirs.high) return;
        const overlap = Math.max(0, Math.min(ours.high, theirs.high) - Math.max(ours.low, theirs.low)) / (ours.high - ours.low);
        if (overlap < ctx.options.minOverlap) {
          ctx.report({ row: row.row, field: 'priceBand', messageId: 'low', data: { theirs: cell.text, ours: ctx.options.priceBand, overlap: Math.round(overlap * 1000) / 10, min: ctx.options.minOverlap * 100 }, value: cell.text, expected: `≥ ${ctx.options.minOverlap * 100}%` });
        }
      },
    };
  },
};
