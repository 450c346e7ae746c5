import { unreadFormula } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { STATUS_OPTIONS } from '../sheets/columns.js';
import type { Rule } from './types.js';

/** 完成状态 is one of 未开始 / 进行中 / 已完成. */
export const taskStatus: Rule<{ statuses: string[] }, 'campaign-tasks', 'status' | 'missing'> = {
  id: 'task-status',
  sheetKinds: ['campaign-tasks'],
  defaultSeverity: 'error',
  description: msg('rule.task-status.description'),
  options: () => z.object({ statuses: z.array(z.string()).default([...STATUS_OPTIONS]) }).strict(),
  messages: { status: msg('rule.task-status.status'), missing: msg('rule.task-status.missing') },
  create(ctx) {
    const allowed = ctx.options.statuses;
    return {
      row(row) {
        const cell = row.cells.get('status');
        if (!cell || unreadFormula(cell)) return;
        if (cell.empty) { ctx.report({ row: row.row, field: 'status', messageId: 'missing', expected: allowed.join('/') }); return; }
        const word = (cell.value as { word?: string } | undefined)?.word ?? cell.text;
        if (!allowed.includes(word)) ctx.report({ row: row.row, field: 'status', messageId: 'status', data: { value: cell.text, allowed: allowed.join('/') }, value: cell.text, expected: allowed.join('/') });
      },
    };
  },
};
