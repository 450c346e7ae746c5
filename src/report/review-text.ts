import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { format } from '../i18n/format.js';
import { ORDER_REASONS, REASON_TEXT } from '../domain/orders.js';
import type { OrderResult, ReviewSummary } from './records.js';

/** The review summary (auto/manual, manual by reason, priority) and the manual queue as a table. */
export function formatReviewText(summary: ReviewSummary, shown: OrderResult[], opts: { lang: 'zh' | 'en'; color: boolean; settings: Record<string, unknown> }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const zh = opts.lang === 'zh';
  const out: string[] = [];
  const reasonText = (r: (typeof ORDER_REASONS)[number]) => format(REASON_TEXT[r][opts.lang], opts.settings).replace(/[((][^))]*\{[^}]*\}[^))]*[))]/g, '');
  if (shown.length) {
    const table = new Table({ head: (zh ? ['文件', '工作表', '行', '订单号', '省份', '优先', '原因'] : ['file', 'sheet', 'row', 'order', 'province', 'priority', 'reasons']).map((h) => c.dim(h)), style: { head: [], border: [], compact: true } });
    for (const o of shown) table.push([o.file, o.sheet, String(o.row), o.orderId, o.province ?? '—', o.priority ? c.red(zh ? '优先打单' : 'print first') : '', o.reasonText]);
    out.push(c.bold(zh ? '待人工审核队列' : 'Manual review queue'), table.toString());
    if (summary.manual > shown.length) out.push(c.dim(zh ? `……另有 ${summary.manual - shown.length} 单未显示;用 --queue FILE 导出全部` : `… ${summary.manual - shown.length} more not shown; --queue FILE writes them all`));
    out.push('');
  }
  out.push(zh
    ? `订单 ${summary.orders} 单:自动审核通过 ${c.green(String(summary.auto))} 单,待人工审核 ${c.yellow(String(summary.manual))} 单,优先打单 ${summary.priority} 单`
    : `${summary.orders} orders: ${c.green(String(summary.auto))} auto-approved, ${c.yellow(String(summary.manual))} need manual review, ${summary.priority} to print first`);
  for (const r of ORDER_REASONS) {
    const n = summary.byReason[r];
    if (n) out.push(`  ${r.padEnd(24)} ${String(n).padStart(8)}  ${reasonText(r)}`);
  }
  return `${out.join('\n')}\n\n`;
}
