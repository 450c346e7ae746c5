import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

const DAY = 86_400_000;

/** 预计到达时间 ≥ 发货时间 (SOP 五.2), compared by day. */
export const etaBeforeShip: Rule<Record<string, never>, 'shipments', 'before'> = {
  id: 'eta-before-ship',
  sheetKinds: ['shipments'],
  defaultSeverity: 'error',
  description: msg('rule.eta-before-ship.description'),
  options: () => z.object({}).strict(),
  messages: { before: msg('rule.eta-before-ship.before') },
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
