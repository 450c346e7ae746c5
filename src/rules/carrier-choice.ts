import { z } from 'zod';
import { inRegions } from '../domain/address.js';
import { parsedAddressModel } from '../domain/order-sheet.js';
import type { Rule } from './types.js';

interface Options {
  nextDay: string[]; wideCoverage: string[]; postal: string[]; nextDayRegions: string[]; remoteRegions: string[]; bulkyWords: string[];
}

type Need = 'postal' | 'wideCoverage' | 'nextDay';
const NEED_TEXT: Record<Need, { zh: string; en: string }> = {
  postal: { zh: '大件(礼盒套装)宜选邮政类', en: 'bulky parcels go by the postal carrier' },
  wideCoverage: { zh: '偏远地区宜选覆盖广的快递', en: 'remote addresses go by the wide-coverage carrier' },
  nextDay: { zh: '江浙沪宜选次日达快递', en: '江浙沪 goes by the next-day carrier' },
};

/** SOP 五.2: 江浙沪 → *通 (next day), remote → *达 (wide coverage), bulky → *邮. A hint, not an error. */
export const carrierChoice: Rule<Options> = {
  id: 'carrier-choice',
  sheetKinds: ['shipments'],
  defaultSeverity: 'info',
  description: { zh: '物流公司与 SOP 的选择建议不符(江浙沪→次日达,偏远→覆盖广,大件→邮政)', en: 'The carrier differs from the SOP’s choice (江浙沪 → next day, remote → wide coverage, bulky → postal)' },
  options: (s) => z.object({
    nextDay: z.array(z.string()).default(s.shipping.carriers.nextDay),
    wideCoverage: z.array(z.string()).default(s.shipping.carriers.wideCoverage),
    postal: z.array(z.string()).default(s.shipping.carriers.postal),
    nextDayRegions: z.array(z.string()).default(s.shipping.nextDayRegions),
    remoteRegions: z.array(z.string()).default(s.orders.remoteRegions),
    bulkyWords: z.array(z.string()).default(s.shipping.bulkyWords),
  }).strict(),
  messages: { choice: { zh: '{why}:建议 {suggest},实际为“{carrier}”', en: '{why}: {suggest} suggested, the sheet says "{carrier}"' } },
  create(ctx) {
    const o = ctx.options;
    return {
      row(row) {
        const carrier = row.cells.get('carrier')?.text;
        if (!carrier) return;
        const product = row.cells.get('product')?.text ?? '';
        const p = row.model(parsedAddressModel)?.province;
        const inList = (list: string[]) => Boolean(p && inRegions(p, list));
        const need: Need | undefined = o.bulkyWords.some((w) => product.includes(w)) ? 'postal' : inList(o.remoteRegions) ? 'wideCoverage' : inList(o.nextDayRegions) ? 'nextDay' : undefined;
        if (!need || o[need].some((c) => carrier.includes(c))) return;
        ctx.report({ row: row.row, field: 'carrier', messageId: 'choice', data: { why: NEED_TEXT[need], suggest: o[need].join('/'), carrier }, value: carrier, expected: o[need].join('/'), suggestion: o[need][0] });
      },
    };
  },
};
