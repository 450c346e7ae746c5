import { displayText, parseCell, type CellResult } from '../cells/parse.js';
import { detectKind, HEADER_SEARCH_ROWS } from '../sheets/detect.js';
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
    const head: RawRow[] = [];
    const it = sheet.batches()[Symbol.asyncIterator]();
    while (head.length < HEADER_SEARCH_ROWS) {
      const n = await it.next();
      if (n.done) break;
      head.push(...n.value);
    }
    const match = detectKind(head.slice(0, HEADER_SEARCH_ROWS).map((r) => ({ row: r.row, texts: r.cells.map((c) => (c ? displayText(c.value) : undefined)) })));
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
