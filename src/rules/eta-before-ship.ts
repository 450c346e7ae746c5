import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

const DAY = 86_400_000;

/** 预计到达时间 ≥ 发货时间 (SOP 五.2), compared by day. */
export const etaBeforeShip: Rule<Record<string, never>> = {
  id: 'eta-before-ship',
  sheetKinds: ['shipments'],
  defaultSeverity: 'error',
  description: { zh: '预计到达时间早于发货时间', en: 'The ETA is before the ship date' },
  options: () => z.object({}).strict(),
  messages: { before: { zh: '预计到达 {eta} 早于发货 {shipped}', en: 'ETA {eta} is before the ship date {shipped}' } },
  create(ctx) {
    return {
      row(row) {
        const eta = row.cells.get('eta')?.value;
        const shipped = row.cells.get('shippedAt')?.value;
        if (!(eta instanceof Date) || !(shipped instanceof Date)) return;
        if (Math.floor(eta.getTime() / DAY) < Math.floor(shipped.getTime() / DAY)) {
          ctx.report({ row: row.row, field: 'eta', messageId: 'before', data: { eta: formatDate(eta), shipped: formatDate(shipped) }, value: formatDate(eta), expected: `≥ ${formatDate(shipped).slice(0, 10)}` });
        }
      },
    };
  },
};
