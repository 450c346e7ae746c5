import { textOf } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { differenceInHours } from 'date-fns/differenceInHours';
import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

/** SOP 五.2: tracking without an update for ≥48 h is an anomaly; relative to --now. */
export const trackingStalled: Rule<{ hours: number }, 'shipments', 'stalled'> = {
  id: 'tracking-stalled',
  sheetKinds: ['shipments'],
  defaultSeverity: 'warning',
  clock: 'exact',
  description: msg('rule.tracking-stalled.description'),
  options: (s) => z.object({ hours: z.number().default(s.shipping.stalledHours) }).strict(),
  messages: { stalled: msg('rule.tracking-stalled.stalled') },
  create(ctx) {
    const delivered = /已签收|签收成功|已送达|delivered/i;
    return {
      row(row) {
        const last = row.cells.get('lastUpdate')?.value;
        if (!(last instanceof Date)) return;
        if (delivered.test(textOf(row.cells.get('trackingStatus')))) return;
        const hours = differenceInHours(ctx.now, last);
        if (hours >= ctx.options.hours) {
          ctx.report({ row: row.row, field: 'lastUpdate', messageId: 'stalled', data: { hours, last: formatDate(last), limit: ctx.options.hours }, value: formatDate(last), expected: `< ${ctx.options.hours} h` });
        }
      },
    };
  },
};
