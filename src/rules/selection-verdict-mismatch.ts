import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { selectionModel } from '../domain/selection.js';
import type { Rule } from './types.js';

/** The stated 选品建议 (its leading word) must be the verdict the score gives. */
export const selectionVerdictMismatch: Rule<Record<string, never>, 'selection', 'mismatch'> = {
  id: 'selection-verdict-mismatch',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: msg('rule.selection-verdict-mismatch.description'),
  options: () => z.object({}).strict(),
  messages: {
    mismatch: msg('rule.selection-verdict-mismatch.mismatch'),
  },
  create(ctx) {
    const s = ctx.settings.selection;
    const rule = `≥${s.pass}通过, ${s.hold}-${s.pass}待定, <${s.hold}淘汰`;
    return {
      row(row) {
        const cell = row.cells.get('recommendation');
        if (!hasValue(cell)) return;
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
