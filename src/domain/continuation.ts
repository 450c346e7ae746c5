import type { CellResult } from '../cells/parse.js';
import { isPlaceholder } from './order-status.js';

/**
 * A record written on several rows, its key on the first only (an export's merged cells unmerged
 * without filling down): a row whose `key` is empty, with none of `own` and some of `item`, under a
 * row with its key, continues it — no required cell is asked of it (schema/required), and the
 * sheet's model reads it as a further line. A sheet kind declares it (SheetKind.continuation; an
 * order's item lines: ORDER_LINES in order-sheet.ts).
 */
export interface Continuation { key: string; own: readonly string[]; item: readonly string[] }

/** What continuesRecord reads of a row: its cells by column key, and which lie under a cell merged down. */
export interface RowCells {
  cells: { get(key: string): CellResult | undefined };
  covered?(key: string): boolean;
}

/**
 * Whether a row whose key is empty continues the record above (a Continuation): it has none
 * of the record's own cells (a cell a merge gave it is the record's, not its own) and some of an
 * item's — an order's further item line, its number, buyer and address left on the first line.
 */
export function continuesRecord(how: Continuation, row: RowCells): boolean {
  return !hasOwnCells(how, row) && how.item.some((k) => row.cells.get(k)?.empty === false);
}

/** Whether a row has a record's own cells (a buyer, an address …) of its own: not merged down to it, not a placeholder (`-`, Taobao's `'-`, 无). */
export function hasOwnCells(how: Continuation, row: RowCells): boolean {
  for (const k of how.own) {
    const v = row.cells.get(k);
    if (v && !v.empty && !isPlaceholder(v.text) && !row.covered?.(k)) return true;
  }
  return false;
}
