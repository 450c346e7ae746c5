import { nearestShape } from '../cells/grammar/families.js';
import { z } from 'zod';
import { localized } from '../i18n/catalog.js';
import type { ParsedPeriod } from '../cells/period.js';
import type { Rule } from './types.js';

/** 收集近3-12个月的核心指标 (SOP 一.1): 数据周期 covers 3–12 months. */
export const trendPeriod: Rule<{ min: number; max: number }> = {
  id: 'trend-period',
  sheetKinds: ['trend'],
  defaultSeverity: 'warning',
  description: { zh: '数据周期不在近3-12个月内,或无法识别', en: 'The data period is not 3–12 months, or cannot be read' },
  options: (s) => z.object({ min: z.number().int().default(s.trend.minMonths), max: z.number().int().default(s.trend.maxMonths) }).strict(),
  messages: {
    length: { zh: '数据周期“{value}”为 {months} 个月,SOP 要求近 {min}-{max} 个月', en: 'The period "{value}" covers {months} {months|month|months}; the SOP asks for {min}–{max}' },
    unreadable: { zh: '数据周期“{value}”无法识别;应写作 2024.1-3、2023.10-2024.3 或 近6个月;最接近的写法:{shape}', en: 'Cannot read the period "{value}"; write 2024.1-3, 2023.10-2024.3 or 近6个月; the nearest accepted shape: {shape}' },
  },
  create(ctx) {
    const { min, max } = ctx.options;
    return {
      row(row) {
        const cell = row.cells.get('period');
        if (!cell || cell.empty) return;
        const p = cell.value as ParsedPeriod | undefined;
        if (!p) { ctx.report({ row: row.row, field: 'period', messageId: 'unreadable', data: { value: cell.text, shape: nearestShape('Period', cell.text) ?? '2024.1-3' }, value: cell.text, expected: localized('expected.months', { min, max }) }); return; }
        if (p.months < min || p.months > max) ctx.report({ row: row.row, field: 'period', messageId: 'length', data: { value: cell.text, months: p.months, min, max }, value: cell.text, expected: localized('expected.months', { min, max }) });
      },
    };
  },
};
