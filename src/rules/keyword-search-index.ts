import { unreadFormula } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule } from './types.js';

/** 搜索指数 is given and positive (SOP 三.2, `12500`). */
export const keywordSearchIndex: Rule<Record<string, never>, 'keyword', 'missing' | 'notPositive'> = {
  id: 'keyword-search-index',
  sheetKinds: ['keyword'],
  defaultSeverity: 'error',
  description: msg('rule.keyword-search-index.description'),
  options: () => z.object({}).strict(),
  messages: {
    missing: msg('rule.keyword-search-index.missing'),
    notPositive: msg('rule.keyword-search-index.notPositive'),
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('searchIndex');
        if (!cell || unreadFormula(cell)) return;
        if (cell.empty) { ctx.report({ row: row.row, field: 'searchIndex', messageId: 'missing', expected: '> 0' }); return; }
        if (typeof cell.value !== 'number' || cell.value <= 0) ctx.report({ row: row.row, field: 'searchIndex', messageId: 'notPositive', data: { value: cell.text }, value: cell.text, expected: '> 0' });
      },
    };
  },
};
