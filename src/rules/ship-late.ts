import { addHours } from 'date-fns/addHours';
import { z } from 'zod';
import { kindRows } from '../check/kind-rows.js';
import type { Rule } from './types.js';

interface ShipmentRow { orderId: string; row: number; shippedAt: number; dateOnly: boolean }
type Contribution =
  | { kind: 'orders'; path: string; sheet: string }
  | { kind: 'shipments'; file: string; sheet: string; column: number; field: string; rows: ShipmentRow[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Options { hours: number; promoHours: number; presaleDays: number; promoWindows: Array<{ name: string; from: string; to: string }> }

/** The window (双11, 618 …) a payment time falls in, by month and day. */
function promoOf(paidAt: number, windows: Options['promoWindows']): string | undefined {
  const md = new Date(paidAt).toISOString().slice(5, 10);
  return windows.find((w) => (w.from <= w.to ? md >= w.from && md <= w.to : md >= w.from || md <= w.to))?.name;
}

/**
 * SOP 五.2: ship within 24 h of payment; presale orders by their promise (3 days); during big
 * promotions (双11, 618) 48 h. Shipments are joined to orders by 订单号 across the whole run.
 */
export const shipLate: Rule<Options> = {
  id: 'ship-late',
  sheetKinds: ['orders', 'shipments'],
  defaultSeverity: 'warning',
  description: { zh: '发货晚于时效:支付后24小时(大促48小时、预售按承诺天数)', en: 'Shipped later than 24 h after payment (48 h in big promotions, presale by its promise)' },
  options: (s) => z.object({
    hours: z.number().default(s.shipping.shipWithinHours),
    promoHours: z.number().default(s.shipping.promoShipWithinHours),
    presaleDays: z.number().default(s.orders.presaleDays),
    promoWindows: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })).default(s.shipping.promoWindows),
  }).strict(),
  messages: {
    late: { zh: '订单 {orderId} 于 {paid} 支付,{shipped} 发货,超过{rule}', en: 'Order {orderId} paid {paid}, shipped {shipped}: later than {ruleEn}' },
  },
  create(ctx) {
    if (ctx.sheet.kind.id === 'orders') {
      if (ctx.sheet.columns.has('paidAt')) ctx.contribute({ kind: 'orders', path: ctx.sheet.path, sheet: ctx.sheet.name } satisfies Contribution);
      return {};
    }
    const rows: ShipmentRow[] = [];
    return {
      row(row) {
        const id = row.cells.get('orderId')?.text;
        const at = row.cells.get('shippedAt')?.value;
        if (!id || !(at instanceof Date)) return;
        rows.push({ orderId: id, row: row.row, shippedAt: at.getTime(), dateOnly: at.getTime() % DAY === 0 });
      },
      end() {
        const column = ctx.sheet.columns.get('shippedAt');
        if (rows.length && column) ctx.contribute({ kind: 'shipments', file: ctx.sheet.file, sheet: ctx.sheet.name, column, field: '发货时间', rows } satisfies Contribution);
      },
    };
  },
  async finish(ctx, contributions) {
    const all = contributions as Contribution[];
    const shipments = all.filter((c): c is Extract<Contribution, { kind: 'shipments' }> => c.kind === 'shipments');
    const needed = new Set(shipments.flatMap((s) => s.rows.map((r) => r.orderId)));
    if (!needed.size) return;
    const orders = new Map<string, { paidAt: number; presale: boolean }>();
    for (const o of all.filter((c): c is Extract<Contribution, { kind: 'orders' }> => c.kind === 'orders')) {
      for await (const r of kindRows(o.path, o.sheet, 'orders', ['orderId', 'paidAt', 'presale'])) {
        const id = r.cells.get('orderId')?.text;
        const paid = r.cells.get('paidAt')?.value;
        if (id && needed.has(id) && paid instanceof Date && !orders.has(id)) orders.set(id, { paidAt: paid.getTime(), presale: r.cells.get('presale')?.value === true });
      }
    }
    const { hours, promoHours, presaleDays, promoWindows } = ctx.options;
    const fmt = (ms: number, dateOnly = false) => new Date(ms).toISOString().slice(0, dateOnly ? 10 : 16).replace('T', ' ');
    for (const s of shipments) {
      for (const r of s.rows) {
        const order = orders.get(r.orderId);
        if (!order) continue;
        const promo = promoOf(order.paidAt, promoWindows);
        const limitHours = order.presale ? presaleDays * 24 : promo ? promoHours : hours;
        const deadline = addHours(order.paidAt, limitHours).getTime();
        // a ship date without a time is late only when the whole day is after the deadline
        if (r.shippedAt <= deadline) continue;
        const rule = order.presale ? `预售承诺的${presaleDays}天` : promo ? `${promo}大促的${promoHours}小时` : `${hours}小时`;
        const ruleEn = order.presale ? `the presale promise of ${presaleDays} days` : promo ? `${promoHours} h during ${promo}` : `${hours} h`;
        ctx.report({
          file: s.file, sheet: s.sheet, row: r.row, column: s.column, field: s.field, messageId: 'late',
          data: { orderId: r.orderId, paid: fmt(order.paidAt), shipped: fmt(r.shippedAt, r.dateOnly), rule, ruleEn },
          value: fmt(r.shippedAt, r.dateOnly), expected: `≤ ${fmt(deadline)}`,
        });
      }
    }
  },
};
