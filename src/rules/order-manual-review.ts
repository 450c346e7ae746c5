import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { orderModel } from '../domain/order-sheet.js';
import { reasonSettings, reasonsText } from '../domain/orders.js';
import type { Rule } from './types.js';

/**
 * Every order that cannot be approved automatically (SOP 五.1) is a warning naming its reasons:
 * amount over 500 / over 5000, remote region, presale, vague address, urgent note, short stock,
 * invalid phone, duplicate order number.
 */
export const orderManualReview: Rule<Record<string, never>, 'orders', 'manual'> = {
  id: 'order-manual-review',
  sheetKinds: ['orders'],
  defaultSeverity: 'warning',
  description: msg('rule.order-manual-review.description'),
  options: () => z.object({}).strict(),
  messages: {
    manual: msg('rule.order-manual-review.manual'),
  },
  create(ctx) {
    ctx.subscribe(orderModel, ({ row, orderId, decision: d }) => {
      if (d.decision !== 'manual') return;
      ctx.report({ row, field: 'orderId', messageId: 'manual', data: () => { const settings = reasonSettings(d, t(ctx.lang, 'list.and')); return { reasons: reasonsText(d, ctx.lang), settings: settings ? t(ctx.lang, 'rule.order-manual-review.settings', { settings }) : '' }; }, value: orderId, reasons: d.reasons });
    });
    return {};
  },
};
