import { SeenIds } from './seen-ids.js';
import type { Settings } from '../config/settings.js';
import { reasonsText, type OrderReason } from '../domain/orders.js';
import type { ParsedRow, SheetInfo } from '../rules/types.js';
import { decideRow } from './order-row.js';

/** One order, as `ecsop review --format json` reports it. */
export interface OrderResult {
  file: string;
  sheet: string;
  /** Excel row number */
  row: number;
  orderId: string;
  decision: 'auto' | 'manual';
  reasons: OrderReason[];
  /** 优先打单 */
  priority: boolean;
  /** province short name (`新疆`), or null when the address names none */
  province: string | null;
  /** the reasons in words, in the report's language */
  reasonText: string;
}

export interface ReviewSummary {
  orders: number;
  auto: number;
  manual: number;
  priority: number;
  byReason: Partial<Record<OrderReason, number>>;
}

/**
 * Collects the decisions of every orders sheet. `keepAll` (JSON, --write) keeps every order;
 * otherwise only the first `keepManual` manual orders are kept (for the text table) and the rest
 * go to `onManual` (the --queue file) as they come, so memory does not grow with the rows.
 */
export function reviewCollector(settings: Settings, opts: { keepAll: boolean; keepManual: number; lang: 'zh' | 'en'; onManual?: (r: OrderResult) => void }) {
  const kept: OrderResult[] = [];
  const summary: ReviewSummary = { orders: 0, auto: 0, manual: 0, priority: 0, byReason: {} };
  let seen = new SeenIds();
  let current: SheetInfo | undefined;
  return {
    onRow(sheet: SheetInfo, row: ParsedRow) {
      if (sheet.kind.id !== 'orders') return;
      if (sheet !== current) { current = sheet; seen = new SeenIds(); }
      const d = decideRow(row, seen, settings.orders);
      summary.orders += 1;
      summary[d.decision] += 1;
      if (d.priority) summary.priority += 1;
      for (const r of d.reasons) summary.byReason[r] = (summary.byReason[r] ?? 0) + 1;
      const manual = d.decision === 'manual';
      if (!opts.keepAll && !(manual && (opts.onManual || kept.length < opts.keepManual))) return;
      const result: OrderResult = { file: sheet.file, sheet: sheet.name, row: row.row, orderId: row.cells.get('orderId')?.text ?? '', decision: d.decision, reasons: d.reasons, priority: d.priority, province: d.province ?? null, reasonText: reasonsText(d, opts.lang) };
      if (manual) opts.onManual?.(result);
      if (opts.keepAll || (manual && kept.length < opts.keepManual)) kept.push(result);
    },
    /** every order (keepAll), or the first manual ones */
    results: () => kept,
    summary: () => summary,
  };
}
