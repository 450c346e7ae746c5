import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import { compactTable, escapeControls, readableMessage, shownCell, wrapText, type TableLayout } from '../report/layout.js';
import { format, type Lang } from '../i18n/format.js';
import { ORDER_REASONS, REASON_LABEL } from '../domain/orders.js';
import type { OrderResult, ReviewSummary } from './records.js';

/** The statuses that take an order out of the review, in the order the summary names them. */
const SKIPPED_STATUSES = ['unpaid', 'closed', 'shipped'] as const;

/** The review summary (auto/manual, manual by reason, priority) and the manual queue as a table. */
export function formatReviewText(summary: ReviewSummary, shown: OrderResult[], opts: { lang: Lang; color: boolean; settings: Record<string, unknown>; layout?: TableLayout }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const reasonText = (r: (typeof ORDER_REASONS)[number]) => format(REASON_LABEL[r][opts.lang], opts.settings, opts.lang);
  if (shown.length) {
    // what came from a cell is shortened as the check's report shortens it (an order number of 70,000 characters is no line)
    const cell = (text: string) => shownCell(text, opts.lang);
    const table = compactTable(list(opts.lang, 'review.head').map((h) => c.dim(h)), shown.map((o) => [escapeControls(o.file), cell(o.sheet), String(o.row), cell(o.orderId), cell(o.province ?? '—'), o.priority ? c.red(t(opts.lang, 'review.print-first')) : '', escapeControls(readableMessage({ message: o.reasonText }, opts.lang))]), opts.layout);
    out.push(c.bold(t(opts.lang, 'review.queue')), table);
    if (summary.manual > shown.length) out.push(c.dim(t(opts.lang, 'review.more', { count: summary.manual - shown.length })));
    out.push('');
  }
  out.push(t(opts.lang, 'review.summary', { orders: summary.orders - summary.skipped, auto: c.green(String(summary.auto)), manual: c.yellow(String(summary.manual)), priority: summary.priority }));
  if (summary.skipped) {
    const parts = SKIPPED_STATUSES.filter((s) => summary.byStatus[s]).map((s) => t(opts.lang, 'review.status-count', { label: t(opts.lang, `status.${s}`), count: summary.byStatus[s] }));
    out.push(t(opts.lang, 'review.skipped', { skipped: summary.skipped, parts: parts.join(t(opts.lang, 'list.comma')) }));
  }
  // a reason's words fold under themselves when the terminal is narrower than the line
  const indent = 2 + 24 + 1 + 8 + 2;
  for (const r of ORDER_REASONS) {
    const n = summary.byReason[r];
    if (!n) continue;
    const words = opts.layout?.columns ? wrapText(reasonText(r), Math.max(20, opts.layout.columns - indent)).split('\n') : [reasonText(r)];
    out.push(`  ${r.padEnd(24)} ${String(n).padStart(8)}  ${words[0]}`, ...words.slice(1).map((w) => `${' '.repeat(indent)}${w}`));
  }
  return `${out.join('\n')}\n\n`;
}
