import { saysNothing, type CellResult } from '../cells/parse.js';
import type { SheetKind } from './types.js';

/** What continuesRecord reads of a row: its cells by column key, and which lie under a cell merged down. */
export interface RowCells {
  cells: { get(key: string): CellResult | undefined };
  covered?(key: string): boolean;
}

/**
 * Whether a row whose key is empty continues the record above (SheetKind.continuation): it has none
 * of the record's own cells (a cell a merge gave it is the record's, not its own) and some of an
 * item's — an order's further item line, its number, buyer and address left on the first line.
 */
export function continuesRecord(how: NonNullable<SheetKind['continuation']>, row: RowCells): boolean {
  return !hasOwnCells(how, row) && how.item.some((k) => row.cells.get(k)?.empty === false);
}

/** Whether a row has a record's own cells (a buyer, an address …) of its own: not merged down to it, not a placeholder. */
export function hasOwnCells(how: NonNullable<SheetKind['continuation']>, row: RowCells): boolean {
  for (const k of how.own) {
    const v = row.cells.get(k);
    if (v && !v.empty && !saysNothing(v.text) && !row.covered?.(k)) return true;
  }
  return false;
}
