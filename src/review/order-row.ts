import type { Settings } from '../config/settings.js';
import { reviewOrder, type OrderDecision, type OrderInput } from '../domain/orders.js';
import type { ParsedRow } from '../rules/types.js';
import type { SeenIds } from './seen-ids.js';

/** The key under which the order decision of a row is shared (ParsedRow.derived). */
export const ORDER_DECISION = 'order-decision';

/**
 * A row's address: the 收件地址 column, or 省/市/区/详细地址 joined when the export splits it (both
 * may exist: the single column wins when it is filled). Undefined when the sheet has neither.
 */
export function rowAddress(row: ParsedRow): string | undefined {
  const single = row.cells.get('address')?.text;
  if (single) return single;
  let joined: string | undefined;
  for (const key of SPLIT_ADDRESS) {
    const part = row.cells.get(key);
    if (part) joined = (joined ?? '') + part.text;
  }
  return joined ?? single;
}

const SPLIT_ADDRESS = ['province', 'city', 'district', 'street'] as const;

/** An orders row as the review needs it. */
export function orderInput(row: ParsedRow, duplicate: boolean): OrderInput {
  const c = row.cells;
  const address = rowAddress(row);
  const amount = c.get('amount')?.value;
  const quantity = c.get('quantity')?.value;
  const stock = c.get('stock')?.value;
  return {
    amountFen: typeof amount === 'number' ? amount : undefined,
    address,
    presale: c.get('presale')?.value === true,
    note: c.get('note')?.text,
    quantity: typeof quantity === 'number' ? quantity : undefined,
    stock: typeof stock === 'number' ? stock : undefined,
    phone: c.get('phone')?.text,
    duplicate,
  };
}

/**
 * Decides a row once per run: the rule computes it and leaves it on the row; commands read it
 * from there, or compute it when the rule is off.
 */
export function decideRow(row: ParsedRow, seen: SeenIds, settings: Settings['orders']): OrderDecision {
  const cached = row.derived?.get(ORDER_DECISION) as OrderDecision | undefined;
  if (cached) return cached;
  const cell = row.cells.get('orderId');
  const id = cell?.text;
  const duplicate = id !== undefined && id !== '' && seen.add(id, cell!.key);
  const decision = reviewOrder(orderInput(row, duplicate), settings);
  (row.derived ??= new Map()).set(ORDER_DECISION, decision);
  return decision;
}
