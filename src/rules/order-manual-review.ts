import { z } from 'zod';
import { format } from './types.js';
import { REASON_TEXT } from '../domain/orders.js';
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
    const seen = new Set<string>(); // duplicates are looked for within one sheet (an export)
    const s = ctx.settings.orders;
    // few distinct reason texts recur over many orders: format each once
    const texts = new Map<string, string>();
    return {
      row(row) {
        const d = decideRow(row, seen, s);
        if (d.decision === 'auto') return;
        const key = `${d.reasons.join()}|${d.data.province ?? ''}|${d.data.detail ?? ''}|${d.data.stock ?? ''}|${d.data.quantity ?? ''}`;
        let reasons = texts.get(key);
        if (reasons === undefined) {
          reasons = d.reasons.map((r) => format(REASON_TEXT[r][ctx.lang], d.data)).join(ctx.lang === 'zh' ? ';' : '; ');
          if (texts.size < 10_000) texts.set(key, reasons);
        }
        ctx.report({ row: row.row, field: 'orderId', messageId: 'manual', data: { reasons }, value: row.cells.get('orderId')?.text, reasons: d.reasons });
      },
    };
  },
};
