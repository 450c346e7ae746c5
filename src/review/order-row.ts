import type { Settings } from '../config/settings.js';
import { reviewOrder, type OrderDecision, type OrderInput } from '../domain/orders.js';
import type { ParsedRow } from '../rules/types.js';

/** The key under which the order decision of a row is shared (ParsedRow.derived). */
export const ORDER_DECISION = 'order-decision';

const text = (row: ParsedRow, key: string): string | undefined => {
  const c = row.cells.get(key);
  return c ? c.text : undefined;
};

/**
 * An orders row as the review needs it. The address is the 收件地址 column, or 省/市/区/详细地址
 * joined when the export splits it (both may exist: the single column wins when it is filled).
 */
export function orderInput(row: ParsedRow, duplicate: boolean): OrderInput {
  const amount = row.cells.get('amount');
  const parts = ['province', 'city', 'district', 'street'].map((k) => text(row, k)).filter((v): v is string => v !== undefined);
  const single = text(row, 'address');
  const address = single ? single : parts.length ? parts.join('') : single;
  const num = (key: string) => {
    const v = row.cells.get(key)?.value;
    return typeof v === 'number' ? v : undefined;
  };
  return {
    amountFen: typeof amount?.value === 'number' ? amount.value : undefined,
    address,
    presale: row.cells.get('presale')?.value === true,
    note: text(row, 'note'),
    quantity: num('quantity'),
    stock: num('stock'),
    phone: text(row, 'phone'),
    duplicate,
  };
}

/**
 * Decides a row once per run: the rule computes it and leaves it on the row; commands read it
 * from there, or compute it when the rule is off.
 */
export function decideRow(row: ParsedRow, seen: Set<string>, settings: Settings['orders']): OrderDecision {
  const cached = row.derived.get(ORDER_DECISION) as OrderDecision | undefined;
  if (cached) return cached;
  const id = text(row, 'orderId');
  const duplicate = id !== undefined && id !== '' && seen.has(id);
  if (id) seen.add(id);
  const decision = reviewOrder(orderInput(row, duplicate), settings);
  row.derived.set(ORDER_DECISION, decision);
  return decision;
}
