import { parseAddress, type ParsedAddress } from './address.js';
import { reviewOrder, type OrderDecision, type OrderInput } from './orders.js';
import { rowModel, type ParsedRow, type SheetModel } from './row-model.js';
import { SeenIds } from './seen-ids.js';

/** The address columns an export may split the address into, in reading order. */
export const SPLIT_ADDRESS = ['province', 'city', 'district', 'street'] as const;

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
  orderId: string;
  decision: OrderDecision;
}

/**
 * The orders of a sheet as they stream by, each decided once: the rule `order-manual-review` and
 * `ecsop review` subscribe to the same run. Duplicates are looked for within one sheet (an export).
 */
export const orderModel: SheetModel<DecidedOrder> = {
  id: 'orders',
  start(env) {
    const seen = new SeenIds();
    const s = env.settings.orders;
    return {
      row(row, emit) {
        const cell = row.cells.get('orderId');
        const id = cell?.text ?? '';
        const duplicate = id !== '' && seen.add(id, cell!.key);
        emit({ row: row.row, orderId: id, decision: reviewOrder(orderInput(row, duplicate), s) });
      },
      end() {},
    };
  },
};
