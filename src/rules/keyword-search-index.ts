import { z } from 'zod';
import type { Rule } from './types.js';

/** 搜索指数 is given and positive (SOP 三.2, `12500`). */
export const keywordSearchIndex: Rule<Record<string, never>> = {
  id: 'keyword-search-index',
  sheetKinds: ['keyword'],
  defaultSeverity: 'error',
  description: { zh: '搜索指数缺失或不是正数', en: 'Search index missing or not positive' },
  options: () => z.object({}).strict(),
  messages: {
    missing: { zh: '搜索指数为空', en: 'Search index is empty' },
    notPositive: { zh: '搜索指数“{value}”应为正数', en: 'Search index "{value}" must be a positive number' },
  },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('searchIndex');
        if (!cell) return;
        if (cell.empty) { ctx.report({ row: row.row, field: 'searchIndex', messageId: 'missing', expected: '> 0' }); return; }
        if (typeof cell.value !== 'number' || cell.value <= 0) ctx.report({ row: row.row, field: 'searchIndex', messageId: 'notPositive', data: { value: cell.text }, value: cell.text, expected: '> 0' });
      },
    };
  },
};
