import { z } from 'zod';
import type { Rule } from './types.js';

/** SOP 一.2: a core competitor shares the price band (≥80%) and the target audience (相似度≥70%). */
export const competitorAudienceSimilarity: Rule<{ min: number }> = {
  id: 'competitor-audience-similarity',
  sheetKinds: ['competitor'],
  defaultSeverity: 'warning',
  description: { zh: '目标客群相似度低于70%,不是核心竞品', en: 'Target-audience similarity below 70%: not a core competitor' },
  options: (s) => z.object({ min: z.number().min(0).max(1).default(s.competitor.audienceSimilarity) }).strict(),
  messages: {
    low: { zh: '“{name}”的目标客群相似度 {value} 低于 {min}%,不是 SOP 所说的核心竞品', en: '"{name}" shares {value} of the target audience, below {min}%: not a core competitor by the SOP' },
  },
  create(ctx) {
    const min = ctx.options.min;
    return {
      row(row) {
        const cell = row.cells.get('audienceSimilarity');
        if (!cell || typeof cell.value !== 'number' || cell.value >= min) return;
        ctx.report({ row: row.row, field: 'audienceSimilarity', messageId: 'low', data: { name: row.cells.get('name')?.text ?? '', min: Math.round(min * 100) }, value: cell.text, expected: `≥ ${Math.round(min * 100)}%` });
      },
    };
  },
};
