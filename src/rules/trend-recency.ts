import { z } from 'zod';
import type { ParsedPeriod } from '../cells/period.js';
import type { Rule } from './types.js';

/**
 * 收集近3-12个月的核心指标 (SOP 一.1): 近 means recent — the period ends close to when it was
 * analysed (the row's 分析日期, else --now), not only that it lasts 3–12 months. Data from 2020
 * analysed in 2024 is stale. The allowed lag is ours (3 months: monthly reports come late).
 */
export const trendRecency: Rule<{ maxLag: number }> = {
  id: 'trend-recency',
  sheetKinds: ['trend'],
  defaultSeverity: 'warning',
  description: { zh: '数据周期不是“近”期:结束得比分析日期早太多(默认超过3个月)', en: 'The data period is not recent: it ends too long before the analysis date (3 months by default)' },
  options: (s) => z.object({ maxLag: z.number().int().min(0).default(s.trend.maxLagMonths) }).strict(),
  messages: {
    stale: { zh: '数据周期“{value}”截止于 {end},比分析日期 {date} 早 {lag} 个月;SOP 要求近3-12个月的数据(最多早 {max} 个月)', en: 'The period "{value}" ends in {end}, {lag} {lag|month|months} before the analysis date {date}; the SOP asks for recent data (at most {max} months old)' },
    future: { zh: '数据周期“{value}”截止于 {end},晚于分析日期 {date}', en: 'The period "{value}" ends in {end}, after the analysis date {date}' },
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
        const data = { value: cell.text, end: `${p.end.year}年${p.end.month}月`, date: at.toISOString().slice(0, 10), lag, max: maxLag };
        if (lag > maxLag) ctx.report({ row: row.row, field: 'period', messageId: 'stale', data, value: cell.text, expected: `≥ ${y}.${m}-${maxLag}` });
        else if (lag < 0) ctx.report({ row: row.row, field: 'period', messageId: 'future', data, value: cell.text, expected: `≤ ${data.date}` });
      },
    };
  },
};
