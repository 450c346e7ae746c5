import { textOf } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { inRegions } from '../domain/address.js';
import { parsedAddressModel } from '../domain/order-sheet.js';
import type { Rule } from './types.js';
import type { Localized } from '../i18n/format.js';

interface Options {
  nextDay: string[]; wideCoverage: string[]; postal: string[]; nextDayRegions: string[]; remoteRegions: string[]; bulkyWords: string[];
}

type Need = 'postal' | 'wideCoverage' | 'nextDay';
/** The settings each need comes from: where it applies, and the carriers that meet it. */
const NEED_SETTINGS: Record<Need, string> = {
  postal: 'sop.shipping.bulkyWords, sop.shipping.carriers.postal',
  wideCoverage: 'sop.orders.remoteRegions, sop.shipping.carriers.wideCoverage',
  nextDay: 'sop.shipping.nextDayRegions, sop.shipping.carriers.nextDay',
};

const NEED_TEXT: Record<Need, Localized> = {
  postal: msg('rule.carrier-choice.NEED_TEXT.postal'),
  wideCoverage: msg('rule.carrier-choice.NEED_TEXT.wideCoverage'),
  nextDay: msg('rule.carrier-choice.NEED_TEXT.nextDay'),
};

/** SOP 五.2: 江浙沪 → *通 (next day), remote → *达 (wide coverage), bulky → *邮. A hint, not an error. */
export const carrierChoice: Rule<Options, 'shipments', 'choice'> = {
  id: 'carrier-choice',
  sheetKinds: ['shipments'],
  defaultSeverity: 'info',
  description: msg('rule.carrier-choice.description'),
  options: (s) => z.object({
    nextDay: z.array(z.string()).default(s.shipping.carriers.nextDay),
    wideCoverage: z.array(z.string()).default(s.shipping.carriers.wideCoverage),
    postal: z.array(z.string()).default(s.shipping.carriers.postal),
    nextDayRegions: z.array(z.string()).default(s.shipping.nextDayRegions),
    remoteRegions: z.array(z.string()).default(s.orders.remoteRegions),
    bulkyWords: z.array(z.string()).default(s.shipping.bulkyWords),
  }).strict(),
  messages: { choice: msg('rule.carrier-choice.choice') },
  create(ctx) {
    const o = ctx.options;
    return {
      row(row) {
        const carrier = row.cells.get('carrier')?.text;
        if (!carrier) return;
        const product = textOf(row.cells.get('product'));
        const p = row.model(parsedAddressModel)?.province;
        const inList = (list: string[]) => Boolean(p && inRegions(p, list));
        const need: Need | undefined = o.bulkyWords.some((w) => product.includes(w)) ? 'postal' : inList(o.remoteRegions) ? 'wideCoverage' : inList(o.nextDayRegions) ? 'nextDay' : undefined;
        if (!need || o[need].some((c) => carrier.includes(c))) return;
        ctx.report({ row: row.row, field: 'carrier', messageId: 'choice', data: { why: NEED_TEXT[need], suggest: o[need].join('/'), carrier, setting: NEED_SETTINGS[need] }, value: carrier, expected: o[need].join('/'), suggestion: o[need][0] });
      },
    };
  },
};
