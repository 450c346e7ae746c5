import { textOf } from '../cells/parse.js';
import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import { DONE } from '../sheets/columns.js';
import type { Rule } from './types.js';

const DAY = 86_400_000;

/** A task past its deadline (the whole day) and not 已完成 is overdue, relative to --now. */
export const taskOverdue: Rule<Record<string, never>, 'campaign-tasks', 'overdue'> = {
  id: 'task-overdue',
  sheetKinds: ['campaign-tasks'],
  defaultSeverity: 'warning',
  clock: 'day',
  description: msg('rule.task-overdue.description'),
  options: () => z.object({}).strict(),
  messages: { overdue: msg('rule.task-overdue.overdue') },
  create(ctx) {
    const today = Math.floor(ctx.now.getTime() / DAY);
    return {
      row(row) {
        const deadline = row.cells.get('deadline')?.value;
        if (!(deadline instanceof Date)) return;
        const status = row.cells.get('status');
        const word = (status?.value as { word?: string } | undefined)?.word ?? status?.text ?? '';
        const days = today - Math.floor(deadline.getTime() / DAY);
        if (days > 0 && word !== DONE) {
          ctx.report({ row: row.row, field: 'deadline', messageId: 'overdue', data: { task: textOf(row.cells.get('task')), deadline: formatDate(deadline), status: status?.text || t(ctx.lang, 'piece.empty'), days }, value: formatDate(deadline), expected: DONE });
        }
      },
    };
  },
};
