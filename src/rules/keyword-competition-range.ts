import { z } from 'zod';
import { parseNumber } from '../cells/number.js';
import type { Rule } from './types.js';

/** 竞争度 is a number from 0 to 1 (SOP 三.2, `0.3`). */
export const keywordCompetitionRange: Rule<Record<string, never>> = {
  id: 'keyword-competition-range',
  sheetKinds: ['keyword'],
  defaultSeverity: 'error',
  description: { zh: '竞争度不在 0-1 之间', en: 'Competition is not between 0 and 1' },
  options: () => z.object({}).strict(),
  messages: { range: { zh: '竞争度“{value}”应为 0-1 之间的数', en: 'Competition "{value}" must be a number from 0 to 1' } },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('competition');
        if (!cell || cell.empty) return;
        const v = typeof cell.value === 'number' ? cell.value : parseNumber(cell.text)?.value;
        if (v === undefined || v < 0 || v > 1) ctx.report({ row: row.row, field: 'competition', messageId: 'range', data: { value: cell.text }, value: cell.text, expected: '0-1' });
      },
    };
  },
};
