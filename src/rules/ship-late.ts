import { localized, msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { refTo, type Rule, type SheetRef } from './types.js';
import { orderModel, orderNumberModel } from '../domain/order-sheet.js';
import { IdChunks, IdTable, type IdChunk } from '../domain/id-chunks.js';
import { doubled } from '../cells/doubled.js';

/**
 * An orders sheet's payment facts, or a sheet's shipments, collected in the one pass over it: the
 * order numbers as the review reads them (src/domain/order-sheet.ts: full width as half width, an
 * export's apostrophe and a decimal's .0 left out — outsider helper-96: ＸＹ１ paid late was never joined
 * to XY1 shipped), in chunks of bytes (src/domain/id-chunks.ts), and the rest in typed arrays: a
 * million of either side is moved to the main thread whole, not copied, and held in no object a row.
 */
type Contribution =
  | { kind: 'orders'; ids: IdChunk[]; paidAt: Numbers; presale: Numbers }
  | { kind: 'shipments'; sheet: SheetRef; ids: IdChunk[]; rows: Numbers; shippedAt: Numbers; dateOnly: Numbers };

/** A sheet's column of numbers: a typed array, or a list when short (see firstOf). */
type Numbers = ArrayLike<number>;

type Growing = Float64Array | Int32Array | Uint8Array;

/** The array with room at `n`: itself, or one twice as long. */
const roomAt = <T extends Growing>(a: T, n: number): T => (n < a.length ? a : doubled(a));

/**
 * The first `n` values, in an array of their own (moved to the main thread with nothing beside them);
 * a short sheet's as a list: a typed array is a buffer and a view to make, and a drive's re-check reads
 * 10,000 sheets' join data back from its cache (each a few rows) — typed arrays made it 5% slower.
 */
const firstOf = (a: Growing, n: number): Numbers => (n <= SHORT ? Array.from(a.subarray(0, n)) : a.slice(0, n));
const SHORT = 64;

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
      const ids = new IdChunks();
      let paidAt = new Float64Array(1024);
      let presale = new Uint8Array(1024);
      // the lines read whose order is not known yet (the order model tells an order when its last line has passed):
      // its payment time, and its shipment when the export carries one (抖店, 拼多多, 快手)
      const lines = new Map<number, { paid: number; shipped?: number }>();
      ctx.subscribe(orderModel, (order) => {
        const first = lines.get(order.row);
        // a line no order took (none should be): not kept past the orders after it
        for (const r of lines.keys()) { if (r >= order.row) break; lines.delete(r); }
        for (const r of order.lines ?? [order.row]) {
          const line = lines.get(r);
          if (!line) continue;
          lines.delete(r);
          // each line shipped is judged by the order's promise: presale when any of its lines is (outsider helper-97)
          if (line.shipped === undefined) continue;
          const dateOnly = line.shipped % DAY === 0;
          const late = lateness(line.paid, order.presale, line.shipped, ctx.options);
          if (late) ctx.report({ row: r, field: 'shippedAt', messageId: 'late', data: { orderId: order.orderId, paid: fmt(line.paid), shipped: fmt(line.shipped, dateOnly), rule: late.rule, setting: late.setting }, value: fmt(line.shipped, dateOnly), expected: `≤ ${fmt(late.deadline)}` });
        }
        // the order, as the review reads it (its number's lines gathered, those under it without one too): paid when its first line says
        if (!order.key || !first) return;
        const n = ids.count;
        paidAt = roomAt(paidAt, n);
        presale = roomAt(presale, n);
        paidAt[n] = first.paid;
        presale[n] = order.presale ? 1 : 0;
        ids.add(order.key);
      });
      return {
        row(row) {
          const paid = row.cells.get('paidAt')?.value;
          if (!(paid instanceof Date)) return;
          const shipped = row.cells.get('shippedAt')?.value;
          lines.set(row.row, { paid: paid.getTime(), shipped: shipped instanceof Date ? shipped.getTime() : undefined });
        },
        end() {
          const n = ids.count;
          if (n) ctx.contribute({ kind: 'orders', ids: ids.done(), paidAt: firstOf(paidAt, n), presale: firstOf(presale, n) } satisfies Contribution, { findingsHere: false });
        },
      };
    }
    const ids = new IdChunks();
    let rows = new Int32Array(1024);
    let shippedAt = new Float64Array(1024);
    let dateOnly = new Uint8Array(1024);
    return {
      row(row) {
        const cell = row.cells.get('orderId');
        const at = row.cells.get('shippedAt')?.value;
        if (!cell?.text || !(at instanceof Date)) return;
        const id = cell.problem === 'lost-digits' ? '' : row.model(orderNumberModel);
        if (!id) return;
        const n = ids.count;
        rows = roomAt(rows, n);
        shippedAt = roomAt(shippedAt, n);
        dateOnly = roomAt(dateOnly, n);
        rows[n] = row.row;
        shippedAt[n] = at.getTime();
        dateOnly[n] = at.getTime() % DAY === 0 ? 1 : 0;
        ids.add(id);
      },
      end() {
        const n = ids.count;
        if (n) ctx.contribute({ kind: 'shipments', sheet: refTo(ctx.sheet.ref, 'shippedAt'), ids: ids.done(), rows: firstOf(rows, n), shippedAt: firstOf(shippedAt, n), dateOnly: firstOf(dateOnly, n) } satisfies Contribution);
      },
    };
  },
  async finish(ctx, contributions) {
    const all = contributions as Contribution[];
    // the shipments' order numbers, each distinct one a place; each shipment's place in turn (-1: none)
    const numbers = new IdTable();
    let shipments = 0;
    for (const c of all) if (c.kind === 'shipments') shipments += c.rows.length;
    if (!shipments) return;
    const placed = new Int32Array(shipments);
    let n = 0;
    for (const c of all) if (c.kind === 'shipments') n = numbers.placeAll(c.ids, true, placed, n);
    // each number's first order in the run: when it was paid; presale when any of its lines is (an order of many lines)
    const paid = new Float64Array(numbers.size).fill(NaN);
    const presale = new Uint8Array(numbers.size);
    let found = new Int32Array(1024);
    for (const o of all) {
      if (o.kind !== 'orders') continue;
      if (found.length < o.paidAt.length) found = new Int32Array(o.paidAt.length);
      const count = numbers.placeAll(o.ids, false, found, 0);
      for (let i = 0; i < count; i++) {
        const e = found[i];
        if (e < 0) continue;
        if (Number.isNaN(paid[e])) paid[e] = o.paidAt[i];
        if (o.presale[i] === 1) presale[e] = 1;
      }
    }
    let k = 0;
    for (const s of all) {
      if (s.kind !== 'shipments') continue;
      for (let i = 0; i < s.rows.length; i++) {
        const e = placed[k++];
        if (e < 0 || Number.isNaN(paid[e])) continue;
        const late = lateness(paid[e], presale[e] === 1, s.shippedAt[i], ctx.options);
        if (!late) continue;
        const dateOnly = s.dateOnly[i] === 1;
        ctx.report({
          sheet: s.sheet, row: s.rows[i], field: 'shippedAt', messageId: 'late',
          data: { orderId: numbers.textAt(e), paid: fmt(paid[e]), shipped: fmt(s.shippedAt[i], dateOnly), rule: late.rule, setting: late.setting },
          value: fmt(s.shippedAt[i], dateOnly), expected: `≤ ${fmt(late.deadline)}`,
        });
      }
    }
  },
};
