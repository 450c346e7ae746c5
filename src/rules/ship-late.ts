import { localized, msg } from '../i18n/catalog.js';
import { z } from 'zod';
import type { Rule, SheetRef } from './types.js';
import { ownString } from '../cells/own-string.js';

interface ShipmentRow { orderId: string; row: number; shippedAt: number; dateOnly: boolean }
/** An orders sheet's payment facts (collected in the one pass over it), or a sheet of shipments. */
type Contribution =
  | { kind: 'orders'; ids: Array<Uint8Array | string[]>; paidAt: Float64Array; presale: Uint8Array }
  /* ids: the order numbers in order, joined by NUL in chunks and kept as UTF-8 bytes (a million small strings weigh
     three times as much; bytes are moved to the main thread, not copied, and read only when the run has shipments
     to join them with: an export of a million orders and no 发货 sheet took 65 MB more at its peak as strings);
     a chunk where a number holds a NUL itself (a cell may) is kept as its list (outsider helper-39: the NUL taken
     out, order 30\u000001 was order 3001) */
  | { kind: 'shipments'; sheet: SheetRef; rows: ShipmentRow[] };

const UTF8 = new TextEncoder();
const TEXT = new TextDecoder('utf-8', { ignoreBOM: true });
/** Whether a text has no lone surrogate (node 20's String.prototype.isWellFormed; the project's types are ES2022's). */
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Options { hours: number; promoHours: number; presaleDays: number; promoWindows: Array<{ name: string; from: string; to: string }> }

/** The window (双11, 618 …) a payment time falls in, by month and day (none unless the shop declared some: no date is taken apart then). */
function promoOf(paidAt: number, windows: Options['promoWindows']): string | undefined {
  if (!windows.length) return undefined;
  const md = new Date(paidAt).toISOString().slice(5, 10);
  return windows.find((w) => (w.from <= w.to ? md >= w.from && md <= w.to : md >= w.from || md <= w.to))?.name;
}

/** When a shipment came after its deadline: the deadline and the rule it broke, in words; undefined when in time. */
function lateness(paidAt: number, presale: boolean, shippedAt: number, o: Options): { deadline: number; rule: ReturnType<typeof localized>; setting: string } | undefined {
  const promo = promoOf(paidAt, o.promoWindows);
  const limitHours = presale ? o.presaleDays * 24 : promo ? o.promoHours : o.hours;
  // date-fns' addHours, without its two Dates (a drive's joins ask this of every shipment)
  const deadline = paidAt + limitHours * HOUR;
  // a ship date without a time is late only when the whole day is after the deadline
  if (shippedAt <= deadline) return undefined;
  return { deadline, ...ruleOf(presale, promo, o) };
}

const RULE_WORDS = new WeakMap<Options, Map<string, { rule: ReturnType<typeof localized>; setting: string }>>();

/** The deadline's rule in words and its setting, made once per kind of deadline (a drive's joins have 20,000 late shipments and three kinds). */
function ruleOf(presale: boolean, promo: string | undefined, o: Options): { rule: ReturnType<typeof localized>; setting: string } {
  let words = RULE_WORDS.get(o);
  if (!words) RULE_WORDS.set(o, (words = new Map()));
  const key = presale ? 'presale' : promo === undefined ? 'hours' : `promo:${promo}`;
  let r = words.get(key);
  if (!r) {
    const rule = presale ? localized('piece.presale-promise', { days: o.presaleDays }) : promo ? localized('piece.promo-hours', { promo, hours: o.promoHours }) : localized('piece.hours', { h: o.hours });
    const setting = presale ? 'sop.orders.presaleDays' : promo ? 'sop.shipping.promoShipWithinHours' : 'sop.shipping.shipWithinHours';
    words.set(key, (r = { rule, setting }));
  }
  return r;
}

const fmt = (ms: number, dateOnly = false) => new Date(ms).toISOString().slice(0, dateOnly ? 10 : 16).replace('T', ' ');

/**
 * SOP 五.2: ship within 24 h of payment; presale orders by their promise (3 days); during big
 * promotions (双11, 618) 48 h. Shipments are joined to orders by 订单号 across the whole run; an
 * order export that carries its own 发货时间 (抖店, 拼多多, 快手) is checked row by row.
 */
export const shipLate: Rule<Options, 'orders' | 'shipments', 'late'> = {
  id: 'ship-late',
  sheetKinds: ['orders', 'shipments'],
  defaultSeverity: 'warning',
  description: msg('rule.ship-late.description'),
  options: (s) => z.object({
    hours: z.number().default(s.shipping.shipWithinHours),
    promoHours: z.number().default(s.shipping.promoShipWithinHours),
    presaleDays: z.number().default(s.orders.presaleDays),
    promoWindows: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })).default(s.shipping.promoWindows),
  }).strict(),
  messages: {
    late: msg('rule.ship-late.late'),
  },
  create(ctx) {
    if (ctx.sheet.kind.id === 'orders') {
      if (!ctx.sheet.columns.has('paidAt')) return {};
      const ids: Array<Uint8Array | string[]> = [];
      let chunk: string[] = [];
      let nul = false;
      const close = () => {
        const joined = nul ? '' : chunk.join('\0');
        // a lone surrogate has no UTF-8: its chunk stays a list, as one with a NUL does
        ids.push(nul || !wellFormed(joined) ? chunk : UTF8.encode(joined));
        chunk = [];
        nul = false;
      };
      let count = 0;
      let paidAt = new Float64Array(1024);
      const presale: number[] = [];
      return {
        row(row) {
          const id = row.cells.get('orderId')?.text;
          const paid = row.cells.get('paidAt')?.value;
          if (!id || !(paid instanceof Date)) return;
          const shipped = row.cells.get('shippedAt')?.value;
          if (shipped instanceof Date) {
            const dateOnly = shipped.getTime() % DAY === 0;
            const late = lateness(paid.getTime(), row.cells.get('presale')?.value === true, shipped.getTime(), ctx.options);
            if (late) ctx.report({ row: row.row, field: 'shippedAt', messageId: 'late', data: { orderId: id, paid: fmt(paid.getTime()), shipped: fmt(shipped.getTime(), dateOnly), rule: late.rule, setting: late.setting }, value: fmt(shipped.getTime(), dateOnly), expected: `≤ ${fmt(late.deadline)}` });
          }
          if (count === paidAt.length) { const bigger = new Float64Array(paidAt.length * 2); bigger.set(paidAt); paidAt = bigger; }
          paidAt[count] = paid.getTime();
          if (row.cells.get('presale')?.value === true) presale.push(count);
          if (id.includes('\0')) nul = true;
          chunk.push(id);
          count += 1;
          if (chunk.length === 10_000) close();
        },
        end() {
          if (chunk.length) close();
          if (!count) return;
          const flags = new Uint8Array(count);
          for (const i of presale) flags[i] = 1;
          ctx.contribute({ kind: 'orders', ids, paidAt: paidAt.slice(0, count), presale: flags } satisfies Contribution, { findingsHere: false });
        },
      };
    }
    const rows: ShipmentRow[] = [];
    return {
      row(row) {
        const id = row.cells.get('orderId')?.text;
        const at = row.cells.get('shippedAt')?.value;
        if (!id || !(at instanceof Date)) return;
        // kept to the run's end: its own copy, not a slice of the piece of the file it was read from
        rows.push({ orderId: ownString(id), row: row.row, shippedAt: at.getTime(), dateOnly: at.getTime() % DAY === 0 });
      },
      end() {
        if (rows.length) ctx.contribute({ kind: 'shipments', sheet: ctx.sheet.ref, rows } satisfies Contribution);
      },
    };
  },
  async finish(ctx, contributions) {
    const all = contributions as Contribution[];
    const shipments = all.filter((c): c is Extract<Contribution, { kind: 'shipments' }> => c.kind === 'shipments');
    const needed = new Set(shipments.flatMap((s) => s.rows.map((r) => r.orderId)));
    if (!needed.size) return;
    const orders = new Map<string, { paidAt: number; presale: boolean }>();
    for (const o of all) {
      if (o.kind !== 'orders') continue;
      let i = 0;
      for (const chunk of o.ids) {
        for (const id of Array.isArray(chunk) ? chunk : TEXT.decode(chunk).split('\0')) {
          if (needed.has(id) && !orders.has(id)) orders.set(id, { paidAt: o.paidAt[i], presale: o.presale[i] === 1 });
          i += 1;
        }
      }
    }
    for (const s of shipments) {
      for (const r of s.rows) {
        const order = orders.get(r.orderId);
        if (!order) continue;
        const late = lateness(order.paidAt, order.presale, r.shippedAt, ctx.options);
        if (!late) continue;
        ctx.report({
          sheet: s.sheet, row: r.row, field: 'shippedAt', messageId: 'late',
          data: { orderId: r.orderId, paid: fmt(order.paidAt), shipped: fmt(r.shippedAt, r.dateOnly), rule: late.rule, setting: late.setting },
          value: fmt(r.shippedAt, r.dateOnly), expected: `≤ ${fmt(late.deadline)}`,
        });
      }
    }
  },
};
