import type { ReviewSummary } from '../review/records.js';

/** No orders yet. */
export function emptyReviewSummary(): ReviewSummary {
  return { orders: 0, auto: 0, manual: 0, skipped: 0, priority: 0, byReason: {}, byStatus: {} };
}

/** Adds one sheet's review counts to the run's (and returns the run's). */
export function addReviewCounts(total: ReviewSummary, sheet: ReviewSummary): ReviewSummary {
  total.orders += sheet.orders;
  total.auto += sheet.auto;
  total.manual += sheet.manual;
  total.skipped += sheet.skipped;
  total.priority += sheet.priority;
  for (const [r, n] of Object.entries(sheet.byReason) as Array<[keyof ReviewSummary['byReason'], number]>) total.byReason[r] = (total.byReason[r] ?? 0) + n;
  for (const [c, n] of Object.entries(sheet.byStatus) as Array<[keyof ReviewSummary['byStatus'], number]>) total.byStatus[c] = (total.byStatus[c] ?? 0) + n;
  return total;
}
