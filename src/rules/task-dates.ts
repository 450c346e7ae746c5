import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

/** 开始时间 ≤ 截止时间 (SOP 四.2). */
export const taskDates: Rule<Record<string, never>> = {
  id: 'task-dates',
  sheetKinds: ['campaign-tasks'],
  defaultSeverity: 'error',
  description: { zh: '开始时间晚于截止时间', en: 'The start is after the deadline' },
  options: () => z.object({}).strict(),
  messages: { order: { zh: '开始时间 {start} 晚于截止时间 {deadline}', en: 'Start {start} is after the deadline {deadline}' } },
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
