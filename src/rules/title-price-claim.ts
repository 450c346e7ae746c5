import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

/**
 * Price claims in a title (《明码标价和禁止价格欺诈规定》第十六、十七、十九条): 原价 and 划线价
 * must not exceed the shop's lowest price of the last 7 days unless their basis is stated; 出厂价,
 * 成本价 need a real basis; 全网最低, 史上最低 cannot be proven at all. Warnings that say what proof
 * the seller must keep.
 */
export const titlePriceClaim: Rule<Record<string, never>, 'listing', 'proof'> = {
  id: 'title-price-claim',
  sheetKinds: ['listing'],
  defaultSeverity: 'warning',
  description: msg('rule.title-price-claim.description'),
  options: () => z.object({}).strict(),
  messages: { proof: msg('rule.title-price-claim.proof') },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        for (const f of l.lawFor('title-price-claim')) {
          const w = wordFinding(l.title, f);
          ctx.report({ row: row.row, field: 'title', messageId: 'proof', severity: f.severity, data: w.data, value: w.value, expected: w.expected, suggestion: l.suggestion, reasons: [f.entry.code] });
        }
      },
    };
  },
};
