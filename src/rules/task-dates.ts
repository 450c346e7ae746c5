import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

/** 开始时间 ≤ 截止时间 (SOP 四.2). */
export const taskDates: Rule<Record<string, never>, 'campaign-tasks', 'order'> = {
  id: 'task-dates',
  sheetKinds: ['campaign-tasks'],
  defaultSeverity: 'error',
  description: msg('rule.task-dates.description'),
  options: () => z.object({}).strict(),
  messages: { order: msg('rule.task-dates.order') },
  create(ctx) {
    return {
      row(row) {
        const start = row.cells.get('start')?.value;
        const deadline = row.cells.get('deadline')?.value;
        if (start instanceof Date && deadline instanceof Date && start > deadline) {
          ctx.report({ row: row.row, field: 'start', messageId: 'order', data: { start: formatDate(start), deadline: formatDate(deadline) }, value: formatDate(start), expected: `≤ ${formatDate(deadline)}` });
        }
      },
    };
  },
};
