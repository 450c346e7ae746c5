import { hasValue } from '../cells/parse.js';
import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { splitList } from '../cells/lists.js';
import type { Rule } from './types.js';

/** 核心指标 and 指标数值 are `/`-separated lists of the same length (搜索指数/供需比 ↔ 12500/1:3). */
export const trendMetricCount: Rule<Record<string, never>, 'trend', 'count'> = {
  id: 'trend-metric-count',
  sheetKinds: ['trend'],
  defaultSeverity: 'error',
  description: msg('rule.trend-metric-count.description'),
  options: () => z.object({}).strict(),
  messages: { count: msg('rule.trend-metric-count.count') },
  create(ctx) {
    return {
      row(row) {
        const m = row.cells.get('metrics');
        const v = row.cells.get('values');
        if (!hasValue(m) || !hasValue(v)) return;
        const metrics = splitList(m.text);
        const values = splitList(v.text);
        if (metrics.length !== values.length) {
          ctx.report({ row: row.row, field: 'values', messageId: 'count', data: { metrics: metrics.length, values: values.length, metricText: m.text, valueText: v.text }, value: v.text, expected: localized('expected.values', { count: metrics.length }) });
        }
      },
    };
  },
};
