import { z } from 'zod';
import { selectionModel } from '../domain/selection.js';
import type { Rule } from './types.js';

/** The stated 选品建议 (its leading word) must be the verdict the score gives. */
export const selectionVerdictMismatch: Rule<Record<string, never>> = {
  id: 'selection-verdict-mismatch',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: { zh: '选品建议与综合得分对应的结论(≥4通过,3-4待定,<3淘汰)不一致', en: 'The stated verdict differs from the one the score gives (≥4 通过, 3–4 待定, <3 淘汰)' },
  options: () => z.object({}).strict(),
  messages: {
    mismatch: { zh: '选品建议为“{stated}”,综合得分 {score} 应为“{computed}”({rule})', en: 'Verdict says "{stated}"; a score of {score} gives "{computed}" ({rule})' },
  },
  create(ctx) {
    const s = ctx.settings.selection;
    const rule = `≥${s.pass}通过, ${s.hold}-${s.pass}待定, <${s.hold}淘汰`;
    return {
      row(row) {
        const cell = row.cells.get('recommendation');
        if (!cell || cell.empty || cell.problem === 'formula-error' || cell.problem === 'formula-no-result') return;
        const result = row.model(selectionModel).result;
        if (!result) return;
        const word = (cell.value as { word: string } | undefined)?.word ?? cell.text;
        if (word !== result.verdict) {
          ctx.report({ row: row.row, field: 'recommendation', messageId: 'mismatch', data: { stated: cell.text, score: result.display, computed: result.verdict, rule }, value: cell.text, expected: result.verdict, suggestion: result.verdict });
        }
      },
    };
  },
};
