import { SeenIds } from '../review/seen-ids.js';
import { z } from 'zod';
import { reasonsText } from '../domain/orders.js';
import { decideRow } from '../review/order-row.js';
import type { Rule } from './types.js';

/**
 * Every order that cannot be approved automatically (SOP 五.1) is a warning naming its reasons:
 * amount over 500 / over 5000, remote region, presale, vague address, urgent note, short stock,
 * invalid phone, duplicate order number.
 */
export const orderManualReview: Rule<Record<string, never>> = {
  id: 'order-manual-review',
  sheetKinds: ['orders'],
  defaultSeverity: 'warning',
  description: { zh: '不能自动审核的订单(待人工审核)及其原因', en: 'Orders that need manual review (待人工审核), with every reason' },
  options: () => z.object({}).strict(),
  messages: {
    manual: { zh: '待人工审核:{reasons}', en: 'Needs manual review: {reasons}' },
  },
  create(ctx) {
    const seen = new SeenIds(); // duplicates are looked for within one sheet (an export)
    const s = ctx.settings.orders;
    return {
      row(row) {
        const d = decideRow(row, seen, s);
        if (d.decision === 'auto') return;
        const reasons = reasonsText(d, ctx.lang);
        ctx.report({ row: row.row, field: 'orderId', messageId: 'manual', data: { reasons }, value: row.cells.get('orderId')?.text, reasons: d.reasons });
      },
    };
  },
};
