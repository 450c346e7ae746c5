import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { parseNumber } from '../cells/number.js';
import type { Rule } from './types.js';

/** 竞争度 is a number from 0 to 1 (SOP 三.2, `0.3`). */
export const keywordCompetitionRange: Rule<Record<string, never>, 'keyword', 'range'> = {
  id: 'keyword-competition-range',
  sheetKinds: ['keyword'],
  defaultSeverity: 'error',
  description: msg('rule.keyword-competition-range.description'),
  options: () => z.object({}).strict(),
  messages: { range: msg('rule.keyword-competition-range.range') },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('competition');
        if (!hasValue(cell)) return;
        const v = typeof cell.value === 'number' ? cell.value : parseNumber(cell.text)?.value;
        if (v === undefined || v < 0 || v > 1) ctx.report({ row: row.row, field: 'competition', messageId: 'range', data: { value: cell.text }, value: cell.text, expected: '0-1' });
      },
    };
  },
};
