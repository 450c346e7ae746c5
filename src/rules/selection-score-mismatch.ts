import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { parseNumber } from '../cells/number.js';
import { sameAtTwoDecimals, selectionModel } from '../domain/selection.js';
import type { Rule } from './types.js';

/** A stated 综合得分 must equal the SOP's weighted score at two decimals. */
export const selectionScoreMismatch: Rule<Record<string, never>, 'selection', 'mismatch' | 'notNumber'> = {
  id: 'selection-score-mismatch',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: msg('rule.selection-score-mismatch.description'),
  options: () => z.object({}).strict(),
  messages: {
    mismatch: msg('rule.selection-score-mismatch.mismatch'),
    notNumber: msg('rule.selection-score-mismatch.notNumber'),
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('score');
        if (!hasValue(cell)) return;
        const result = row.model(selectionModel).result;
        if (!result) return; // selection-score-range says what is wrong with the inputs
        const stated = typeof cell.value === 'number' ? cell.value : parseNumber(cell.text)?.value;
        const data = { stated: cell.text, computed: result.display, arithmetic: result.arithmetic };
        if (stated === undefined) ctx.report({ row: row.row, field: 'score', messageId: 'notNumber', data, value: cell.text, expected: result.score });
        else if (!sameAtTwoDecimals(stated, result)) ctx.report({ row: row.row, field: 'score', messageId: 'mismatch', data, value: stated, expected: result.score, suggestion: result.display });
      },
    };
  },
};
