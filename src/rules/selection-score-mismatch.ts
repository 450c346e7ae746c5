import { z } from 'zod';
import { parseNumber } from '../cells/number.js';
import { sameAtTwoDecimals, selectionModel } from '../domain/selection.js';
import type { Rule } from './types.js';

/** A stated 综合得分 must equal the SOP's weighted score at two decimals. */
export const selectionScoreMismatch: Rule<Record<string, never>> = {
  id: 'selection-score-mismatch',
  sheetKinds: ['selection'],
  defaultSeverity: 'error',
  description: { zh: '填写的综合得分与按权重计算的结果不一致(保留两位小数比较)', en: 'The stated total score differs from the weighted score at two decimals' },
  options: () => z.object({}).strict(),
  messages: {
    mismatch: { zh: '综合得分填写为 {stated},按 SOP 权重应为 {computed}({arithmetic})', en: 'Total score says {stated}; the SOP weights give {computed} ({arithmetic})' },
    notNumber: { zh: '综合得分“{stated}”不是数字;应为 {computed}({arithmetic})', en: 'Total score "{stated}" is not a number; expected {computed} ({arithmetic})' },
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('score');
        if (!cell || cell.empty || cell.problem === 'formula-error' || cell.problem === 'formula-no-result') return;
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
