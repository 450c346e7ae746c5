import { parseCell, type CellResult } from '../cells/parse.js';
import { readHeader } from '../sheets/detect.js';
import type { KindId } from '../sheets/types.js';
import { openWorkbook } from '../workbook/open.js';
import type { RawRow } from '../workbook/types.js';

/**
 * Reads one sheet again, parsing only the columns a rule's `finish` needs (a join such as
 * shipments → orders): rows below the header, as column key → cell.
 */
export async function* kindRows(path: string, sheetName: string, kind: KindId, keys: readonly string[]): AsyncIterable<{ row: number; cells: Map<string, CellResult> }> {
  const wb = await openWorkbook(path);
  for await (const sheet of wb.sheets()) {
    if (sheet.name !== sheetName) continue;
    const it = sheet.batches()[Symbol.asyncIterator]();
    const { head, match } = await readHeader(it);
    if (!match || match.kind.id !== kind) return;
    const cols = keys.flatMap((k) => {
      const def = match.kind.columns.find((c) => c.key === k);
      const index = match.columns.get(k);
      return def && index ? [{ key: k, def, index }] : [];
    });
    const emit = (r: RawRow) => ({ row: r.row, cells: new Map(cols.map((c) => [c.key, parseCell(r.cells[c.index], c.def, { date1904: wb.date1904 })])) });
    for (const r of head) if (r.row > match.headerRow) yield emit(r);
    for (let n = await it.next(); !n.done; n = await it.next()) for (const r of n.value) yield emit(r);
    return;
  }
}
