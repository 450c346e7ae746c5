import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { formatDate } from '../cells/date.js';
import type { Rule } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * SOP 五.2: 发货后2小时内上传物流单号, when the sheet has the optional 单号上传时间 column. A ship
 * date without a time allows the upload until the end of that day plus the 2 hours.
 */
export const trackingUploadTime: Rule<{ hours: number }, 'shipments', 'late' | 'before'> = {
  id: 'tracking-upload-time',
  sheetKinds: ['shipments'],
  defaultSeverity: 'warning',
  description: msg('rule.tracking-upload-time.description'),
  options: (s) => z.object({ hours: z.number().positive().default(s.shipping.trackingUploadHours) }).strict(),
  messages: {
    late: msg('rule.tracking-upload-time.late'),
    before: msg('rule.tracking-upload-time.before'),
  },
  create(ctx) {
    const limit = ctx.options.hours * HOUR;
    return {
      row(row) {
        const at = row.cells.get('trackingUploadedAt')?.value;
        const shipped = row.cells.get('shippedAt')?.value;
        if (!(at instanceof Date) || !(shipped instanceof Date)) return;
        const dateOnly = shipped.getTime() % DAY === 0;
        const data = { at: formatDate(at), shipped: formatDate(shipped), hours: ctx.options.hours };
        if (at.getTime() < shipped.getTime()) { ctx.report({ row: row.row, field: 'trackingUploadedAt', messageId: 'before', data, value: formatDate(at), expected: `≥ ${formatDate(shipped)}` }); return; }
        const deadline = shipped.getTime() + (dateOnly ? DAY : 0) + limit;
        if (at.getTime() > deadline) ctx.report({ row: row.row, field: 'trackingUploadedAt', messageId: 'late', data, value: formatDate(at), expected: `≤ ${formatDate(new Date(deadline))}` });
      },
    };
  },
};
