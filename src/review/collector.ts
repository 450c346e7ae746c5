import { orderModel } from '../domain/order-sheet.js';
import { reasonsText } from '../domain/orders.js';
import type { OrderResult, ReviewSummary } from '../report/records.js';
import type { CollectSpec, Collector } from '../check/collector.js';
import { emptyReviewSummary } from '../report/review-counts.js';

/**
 * The review of each orders sheet: every order's decision (from the orders model the rule
 * `order-manual-review` also reads, so each order is decided once) and the sheet's counts.
 */
export function reviewCollector(spec: NonNullable<CollectSpec['review']>): Collector {
  return {
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
          ...(d.status ? { status: d.status, statusText } : {}),
          reasons: d.reasons, priority: d.priority, province: d.province ?? null, reasonText: reasonsText(d, ctx.lang), ...(lines ? { lines } : {}),
        };
        ctx.emit('orders', result);
      });
      return { end: () => ctx.emit('reviewSummary', summary) };
    },
  };
}

