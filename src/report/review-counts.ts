import type { ReviewSummary } from './records.js';

/** Adds one sheet's review counts to the run's (and returns the run's). */
export function addReviewCounts(total: ReviewSummary, sheet: ReviewSummary): ReviewSummary {
  total.orders += sheet.orders;
  total.auto += sheet.auto;
  total.manual += sheet.manual;
  total.priority += sheet.priority;
  for (const [r, n] of Object.entries(sheet.byReason) as Array<[keyof ReviewSummary['byReason'], number]>) total.byReason[r] = (total.byReason[r] ?? 0) + n;
  return total;
}
