import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import type { ParsedPeriod } from '../cells/period.js';
import type { Rule } from './types.js';

/**
 * 收集近3-12个月的核心指标 (SOP 一.1): 近 means recent — the period ends close to when it was
 * analysed (the row's 分析日期, else --now), not only that it lasts 3–12 months. Data from 2020
 * analysed in 2024 is stale. The allowed lag is ours (3 months: monthly reports come late).
 */
export const trendRecency: Rule<{ maxLag: number }, 'trend', 'stale' | 'future'> = {
  id: 'trend-recency',
  sheetKinds: ['trend'],
  defaultSeverity: 'warning',
  // its findings depend on the month, but say the day (分析日期 2024-08-05, --now when the row has none):
  // a result kept by the month would print another day's date (an outsider, helper-68)
  clock: 'day',
  description: msg('rule.trend-recency.description'),
  options: (s) => z.object({ maxLag: z.number().int().min(0).default(s.trend.maxLagMonths) }).strict(),
  messages: {
    stale: msg('rule.trend-recency.stale'),
    future: msg('rule.trend-recency.future'),
  },
  create(ctx) {
    const { maxLag } = ctx.options;
    return {
      row(row) {
        const cell = row.cells.get('period');
        const p = cell?.value as ParsedPeriod | undefined;
        if (!cell || !p?.end) return; // 近6个月 is recent by its words; unreadable periods are trend-period's
        const stated = row.cells.get('date')?.value;
        const at = stated instanceof Date ? stated : ctx.now;
        const y = at.getUTCFullYear();
        const m = at.getUTCMonth() + 1;
        const lag = (y - p.end.year) * 12 + (m - p.end.month);
        const data = { value: cell.text, end: t(ctx.lang, 'piece.year-month', { year: p.end.year, month: p.end.month }), date: at.toISOString().slice(0, 10), lag, max: maxLag };
        if (lag > maxLag) ctx.report({ row: row.row, field: 'period', messageId: 'stale', data, value: cell.text, expected: `≥ ${y}.${m}-${maxLag}` });
        else if (lag < 0) ctx.report({ row: row.row, field: 'period', messageId: 'future', data, value: cell.text, expected: `≤ ${data.date}` });
      },
    };
  },
};
