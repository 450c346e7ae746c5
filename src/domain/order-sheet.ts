import { parseAddress, type ParsedAddress } from './address.js';
import { reviewOrder, type OrderDecision, type OrderInput } from './orders.js';
import { rowModel, type ParsedRow, type SheetModel } from './row-model.js';
import { SeenIds } from './seen-ids.js';

/** The address columns an export may split the address into, in reading order. */
export const SPLIT_ADDRESS = ['province', 'city', 'district', 'town', 'street'] as const;

/**
 * A row's address: the 收件地址 column, or 省/市/区/详细地址 joined when the export splits it (both
 * may exist: the single column wins when it is filled). Undefined when the sheet has neither.
 */
export const addressModel = rowModel<string | undefined>('address', (row) => {
  const single = row.cells.get('address')?.text;
  if (single) return single;
  let joined: string | undefined;
  for (const key of SPLIT_ADDRESS) {
    const part = row.cells.get(key);
    if (part) joined = (joined ?? '') + part.text;
  }
  return joined ?? single;
});

/** A row's address read into province, city, district and the rest, once per row. */
export const parsedAddressModel = rowModel<ParsedAddress | undefined>('parsed-address', (row) => {
  const address = row.model(addressModel);
  return address === undefined ? undefined : parseAddress(address);
});

/** An orders row as the review needs it. */
export function orderInput(row: ParsedRow, duplicate: boolean): OrderInput {
  const c = row.cells;
  const amount = c.get('amount')?.value;
  const quantity = c.get('quantity')?.value;
  const stock = c.get('stock')?.value;
  return {
    amountFen: typeof amount === 'number' ? amount : undefined,
    address: row.model(addressModel),
    parsed: row.model(parsedAddressModel),
    presale: c.get('presale')?.value === true,
    note: c.get('note')?.text,
    quantity: typeof quantity === 'number' ? quantity : undefined,
    stock: typeof stock === 'number' ? stock : undefined,
    phone: c.get('phone')?.text,
    duplicate,
  };
}

/** One order of an orders sheet, decided (SOP 五.1). */
export interface DecidedOrder {
  /** the Excel row of the order's (first) line */
  row: number;
  /** every line of an order written on several lines (one per product), when there are several */
  lines?: number[];
  orderId: string;
  decision: OrderDecision;
}

/** What tells two lines of one order apart: a line repeated whole is a duplicate, not another product. */
function lineSignature(row: ParsedRow): string {
  const c = row.cells;
  return ['product', 'quantity', 'amount', 'note'].map((k) => c.get(k)?.text ?? '').join('\u0000');
}

/**
 * One order's lines, merged: amounts summed (a line repeated whole counts once: it is a duplicate,
 * not another product), any presale line makes it presale, notes joined.
 */
function mergeLines(all: OrderInput[], repeated: boolean[]): OrderInput {
  if (all.length === 1) return all[0];
  const lines = all.filter((_, i) => !repeated[i]);
  const [first] = lines;
  const sum = (get: (o: OrderInput) => number | undefined) => (lines.every((o) => get(o) !== undefined) ? lines.reduce((n, o) => n + get(o)!, 0) : undefined);
  const notes = [...new Set(lines.map((o) => o.note).filter((n): n is string => Boolean(n)))];
  const short = lines.find((o) => o.stock !== undefined && o.quantity !== undefined && o.stock < o.quantity);
  return {
    ...first,
    amountFen: sum((o) => o.amountFen),
    presale: lines.some((o) => o.presale),
    note: notes.length ? notes.join(';') : first.note,
    // stock is per product: the line that is short speaks for the order
    quantity: short ? short.quantity : first.quantity,
    stock: short ? short.stock : first.stock,
    duplicate: all.some((o) => o.duplicate),
  };
}

/**
 * The orders of a sheet as they stream by, each decided once: the rule `order-manual-review` and
 * `ecsop review` subscribe to the same run. An order written on several adjacent lines (one line
 * per product, the same 订单号, as platform exports write them) is one order: its amounts summed
 * before the thresholds, decided once. A line repeated whole, or an order number met again after
 * other orders, is a duplicate. Duplicates are looked for within one sheet (an export).
 */
export const orderModel: SheetModel<DecidedOrder> = {
  id: 'orders',
  start(env) {
    const seen = new SeenIds();
    const s = env.settings.orders;
    let open: { id: string; rows: number[]; inputs: OrderInput[]; repeated: boolean[]; signatures: Set<string> } | undefined;
    const flush = (emit: (o: DecidedOrder) => void) => {
      if (!open) return;
      const order: DecidedOrder = { row: open.rows[0], orderId: open.id, decision: reviewOrder(mergeLines(open.inputs, open.repeated), s) };
      if (open.rows.length > 1) order.lines = open.rows;
      emit(order);
      open = undefined;
    };
    return {
      row(row, emit) {
        const cell = row.cells.get('orderId');
        const id = cell?.text ?? '';
        if (open && id !== '' && id === open.id) {
          // another line of the order being read: a new product, or the same line twice
          const signature = lineSignature(row);
          const repeated = open.signatures.has(signature);
          open.signatures.add(signature);
          open.rows.push(row.row);
          open.inputs.push(orderInput(row, repeated));
          open.repeated.push(repeated);
          return;
        }
        flush(emit);
        const duplicate = id !== '' && seen.add(id, cell!.key);
        open = { id, rows: [row.row], inputs: [orderInput(row, duplicate)], repeated: [false], signatures: new Set([lineSignature(row)]) };
        if (id === '') flush(emit);
      },
      end(emit) {
        flush(emit);
      },
    };
  },
};
