import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { formatYuan, freightBreakdown, freightModel } from '../domain/freight.js';
import { inEvery } from '../i18n/format.js';
import type { Rule } from './types.js';

/** A stated 运费 must equal the SOP's freight template for the address and weight. */
export const freightFeeRule: Rule<Record<string, never>, 'orders' | 'shipments', 'fee'> = {
  id: 'freight-fee',
  sheetKinds: ['orders', 'shipments'],
  defaultSeverity: 'warning',
  description: msg('rule.freight-fee.description'),
  options: () => z.object({}).strict(),
  messages: { fee: msg('rule.freight-fee.fee') },
  create(ctx) {
    return {
      row(row) {
        if (row.cells.get('freight')?.value === undefined) return; // no stated fee: nothing to compare
        const f = row.model(freightModel);
        // outside the mainland the template gives no fee: review sends the order to a person
        if (!f || !('fen' in f.fee) || f.statedFen === undefined || f.fee.fen === f.statedFen) return;
        const { fee, statedFen: stated } = f;
        ctx.report({ row: row.row, field: 'freight', messageId: 'fee', data: { stated: formatYuan(stated), breakdown: inEvery((lang) => freightBreakdown(fee, lang)) }, value: stated / 100, expected: fee.fen / 100, suggestion: formatYuan(fee.fen) });
      },
    };
  },
};
