import { textOf } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { inRegions } from '../domain/address.js';
import { parsedAddressModel } from '../domain/order-sheet.js';
import type { Rule } from './types.js';

interface Options { surchargeYuan: number; remoteRegions: string[] }

/** SOP 五.2 / 二.2: a remote address carries the 15 元 surcharge, or a note of it. */
export const remoteSurchargeMissing: Rule<Options, 'shipments', 'missing'> = {
  id: 'remote-surcharge-missing',
  sheetKinds: ['shipments'],
  defaultSeverity: 'warning',
  description: msg('rule.remote-surcharge-missing.description'),
  options: (s) => z.object({
    surchargeYuan: z.number().default(s.freight.remoteSurchargeYuan),
    remoteRegions: z.array(z.string()).default(s.orders.remoteRegions),
  }).strict(),
  messages: { missing: msg('rule.remote-surcharge-missing.missing') },
  create(ctx) {
    const { surchargeYuan, remoteRegions } = ctx.options;
    const mention = /运费|邮费|补[^,,;;]{0,6}元/;
    return {
      row(row) {
        const address = row.cells.get('address')?.text;
        if (!address) return;
        const p = row.model(parsedAddressModel)?.province;
        if (!p || !inRegions(p, remoteRegions)) return;
        const note = textOf(row.cells.get('note'));
        const freight = row.cells.get('freight')?.value;
        if (mention.test(note) || (typeof freight === 'number' && freight >= surchargeYuan * 100)) return;
        ctx.report({ row: row.row, field: 'note', messageId: 'missing', data: { province: p.short, yuan: surchargeYuan }, value: note, expected: `需补运费${surchargeYuan}元` });
      },
    };
  },
};
