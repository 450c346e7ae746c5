import type { Decision, OrderReason, OrderStatus } from '../domain/orders.js';
import { channel } from '../report/records.js';

/** One order, as `ecsop review --format json` reports it (`orders`). */
export interface OrderResult {
  file: string;
  sheet: string;
  /** Excel row number */
  row: number;
  orderId: string;
  /** `skipped`: not reviewed, by its status (unpaid, closed, already shipped) */
  decision: Decision;
  /** the status class from the export's status columns (`paid`, `unpaid`, `closed`, `after-sale` …); absent when the sheet has none */
  status?: OrderStatus['cls'];
  /** the status words as the export writes them */
  statusText?: string;
  reasons: OrderReason[];
  /** 优先打单 */
  priority: boolean;
  /** province short name (`新疆`), or null when the address names none */
  province: string | null;
  /** the reasons in words, in the report's language */
  reasonText: string;
  /** the Excel rows of an order written on several lines (one per product), when there are several */
  lines?: number[];
}

/** The review of every orders sheet of a run (`review` in the JSON report). */
export interface ReviewSummary {
  /** every order read, the skipped ones too */
  orders: number;
  auto: number;
  manual: number;
  /** not reviewed by their status: unpaid, closed or already shipped (`byStatus` says which) */
  skipped: number;
  priority: number;
  byReason: Partial<Record<OrderReason, number>>;
  /** orders by status class, when the sheets have status columns */
  byStatus: Partial<Record<OrderStatus['cls'], number>>;
}

export const ORDERS = channel<OrderResult>('orders');
export const REVIEW_SUMMARY = channel<ReviewSummary>('reviewSummary');
