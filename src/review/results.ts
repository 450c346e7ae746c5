import type { Settings } from '../config/settings.js';
import { REASON_TEXT, type OrderReason } from '../domain/orders.js';
import { format, type ParsedRow, type SheetInfo } from '../rules/types.js';
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
 * Collects the decisions of every orders sheet. With `keepAll` (JSON, --write) every order is
 * kept; otherwise only the manual queue and the counts, so memory does not grow with auto orders.
 */
export function reviewCollector(settings: Settings, keepAll: boolean, lang: 'zh' | 'en') {
  const kept: OrderResult[] = [];
  const summary: ReviewSummary = { orders: 0, auto: 0, manual: 0, priority: 0, byReason: {} };
  let seen = new Set<string>();
  let current: SheetInfo | undefined;
  return {
    onRow(sheet: SheetInfo, row: ParsedRow) {
      if (sheet.kind.id !== 'orders') return;
      if (sheet !== current) { current = sheet; seen = new Set(); }
      const d = decideRow(row, seen, settings.orders);
      summary.orders += 1;
      summary[d.decision] += 1;
      if (d.priority) summary.priority += 1;
      for (const r of d.reasons) summary.byReason[r] = (summary.byReason[r] ?? 0) + 1;
      if (keepAll || d.decision === 'manual') {
        const reasonText = d.reasons.map((r) => format(REASON_TEXT[r][lang], d.data)).join(lang === 'zh' ? ';' : '; ');
        kept.push({ file: sheet.file, sheet: sheet.name, row: row.row, orderId: row.cells.get('orderId')?.text ?? '', decision: d.decision, reasons: d.reasons, priority: d.priority, province: d.province ?? null, reasonText });
      }
    },
    results: () => kept,
    summary: () => summary,
  };
}
