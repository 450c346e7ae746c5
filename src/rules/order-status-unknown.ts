import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { lineStatusModel, type StatusColumn } from '../domain/order-sheet.js';
import type { Rule } from './types.js';

/** Header names that look like a status (状态, 维权, Status); not invoices, logistics, reviews or printing. */
const STATUS_LIKE = /状态|维权|纠纷|status|state/i;
const NOT_STATUS = /发票|开票|物流|快递|运单|评价|打印|审核|签收|备货|库存|商品状态说明/;

/** Distinct unknown words reported one by one per sheet; the rest are counted in one more finding. */
const MAX_WORDS = 50;

interface Word { row: number; column: StatusColumn; text: string; count: number }

/**
 * A status word ecsop does not know (订单状态, 子订单状态, 售后状态 …): one warning per word and
 * column, on the first cell that holds it, with how many other cells do. Its orders are never
 * approved automatically (order-manual-review says `status-unknown`).
 */
export const orderStatusUnknown: Rule<Record<string, never>, 'orders', 'unknown' | 'unknownMany' | 'others' | 'unread'> = {
  id: 'order-status-unknown',
  sheetKinds: ['orders'],
  defaultSeverity: 'warning',
  description: msg('rule.order-status-unknown.description'),
  options: () => z.object({}).strict(),
  messages: {
    unknown: msg('rule.order-status-unknown.unknown'),
    unknownMany: msg('rule.order-status-unknown.unknownMany'),
    others: msg('rule.order-status-unknown.others'),
    unread: msg('rule.order-status-unknown.unread'),
  },
  create(ctx) {
    // a status-like column the recognition does not know: said once, at its header
    for (const h of ctx.sheet.extraHeaders) {
      if (STATUS_LIKE.test(h.text) && !NOT_STATUS.test(h.text)) ctx.report({ row: ctx.sheet.headerRow, column: h.column, messageId: 'unread', value: h.text, data: { header: h.text } });
    }
    const seen = new Map<string, Word>();
    let others: { row: number; column: StatusColumn; text: string; words: Set<string> } | undefined;
    return {
      row(row) {
        const status = row.model(lineStatusModel);
        if (!status?.unknown) return;
        for (const u of status.unknown) {
          const key = `${u.column}\u0000${u.text}`;
          const had = seen.get(key);
          if (had) had.count += 1;
          else if (seen.size < MAX_WORDS) seen.set(key, { row: row.row, column: u.column, text: u.text, count: 1 });
          else if (others) { if (others.words.size < 100_000) others.words.add(key); } else others = { row: row.row, column: u.column, text: u.text, words: new Set([key]) };
        }
      },
      end() {
        const header = (key: StatusColumn) => ctx.sheet.kind.columns.find((c) => c.key === key)!.header;
        for (const w of seen.values()) {
          ctx.report({ row: w.row, field: w.column, value: w.text, messageId: w.count > 1 ? 'unknownMany' : 'unknown', data: { column: header(w.column), count: w.count - 1 } });
        }
        if (others) ctx.report({ row: others.row, field: others.column, value: others.text, messageId: 'others', data: { count: others.words.size } });
      },
    };
  },
};
