import { orderModel } from '../domain/order-sheet.js';
import { reasonsText } from '../domain/orders.js';
import { defineCollector } from '../check/collector.js';
import { emptyReviewSummary } from './counts.js';
import { ORDERS, REVIEW_SUMMARY, type OrderResult, type ReviewSummary } from './records.js';

/**
 * The review of each orders sheet: every order's decision (from the orders model the rule
 * `order-manual-review` also reads, so each order is decided once) and the sheet's counts.
 */
export interface ReviewAsk {
  /** which orders are handed on one by one: every order (JSON, --write) or the manual ones (the queue) */
  orders: 'all' | 'manual';
  /** at most this many orders per sheet (the text report shows the first ones) */
  limit?: number;
}

export const reviewCollector = defineCollector('review', (spec: ReviewAsk) => ({
  kinds: ['orders'],
  sheet(info, ctx) {
      const summary: ReviewSummary = emptyReviewSummary();
      let handed = 0;
      ctx.subscribe(orderModel, ({ row, lines, orderId, decision: d, statusText }) => {
        summary.orders += 1;
        summary[d.decision] += 1;
        if (d.priority) summary.priority += 1;
        for (const r of d.reasons) summary.byReason[r] = (summary.byReason[r] ?? 0) + 1;
        if (d.status) summary.byStatus[d.status] = (summary.byStatus[d.status] ?? 0) + 1;
        if ((spec.orders === 'manual' && d.decision !== 'manual') || (spec.limit !== undefined && handed >= spec.limit)) return;
        handed += 1;
        const result: OrderResult = {
          file: info.file, sheet: info.name, row, orderId, decision: d.decision,
          ...(d.status ? { status: d.status } : {}), ...(statusText !== undefined ? { statusText } : {}),
          reasons: d.reasons, priority: d.priority, province: d.province ?? null, reasonText: reasonsText(d, ctx.lang), ...(lines ? { lines } : {}),
        };
        ctx.emit(ORDERS, result);
      });
      return { end: () => ctx.emit(REVIEW_SUMMARY, summary) };
    },
}));

