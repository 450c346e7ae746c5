import { hasValue } from '../cells/parse.js';
import { nearestShape } from '../cells/grammar/families.js';
import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import type { ParsedPeriod } from '../cells/period.js';
import type { Rule } from './types.js';

/** 收集近3-12个月的核心指标 (SOP 一.1): 数据周期 covers 3–12 months. */
export const trendPeriod: Rule<{ min: number; max: number }, 'trend', 'length' | 'unreadable'> = {
  id: 'trend-period',
  sheetKinds: ['trend'],
  defaultSeverity: 'warning',
  description: msg('rule.trend-period.description'),
  options: (s) => z.object({ min: z.number().int().default(s.trend.minMonths), max: z.number().int().default(s.trend.maxMonths) }).strict(),
  messages: {
    length: msg('rule.trend-period.length'),
    unreadable: msg('rule.trend-period.unreadable'),
  },
  create(ctx) {
    const { min, max } = ctx.options;
    return {
      row(row) {
        const cell = row.cells.get('period');
        if (!hasValue(cell)) return;
        const p = cell.value as ParsedPeriod | undefined;
        if (!p) { ctx.report({ row: row.row, field: 'period', messageId: 'unreadable', data: { value: cell.text, shape: nearestShape('Period', cell.text) ?? '2024.1-3' }, value: cell.text, expected: localized('expected.months', { min, max }) }); return; }
        if (p.months < min || p.months > max) ctx.report({ row: row.row, field: 'period', messageId: 'length', data: { value: cell.text, months: p.months, min, max }, value: cell.text, expected: localized('expected.months', { min, max }) });
      },
    };
  },
};
