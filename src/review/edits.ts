import { DECISION_WORDS } from '../domain/orders.js';
import type { OrderResult, SheetPlace } from '../report/records.js';
import { YES_NO } from '../sheets/columns.js';
import { orders } from '../sheets/kinds/orders.js';
import type { CellEdit, RowFill } from '../workbook/write-copy.js';

/** The fill of an order that needs a person, in the copy `review --write` makes. */
const MANUAL_FILL = 'FFFFF2CC';

/** The cells and fills of `review --write`: the orders kind's output columns after the header's last column. */
export function reviewEdits(results: OrderResult[], sheets: SheetPlace[]): { edits: CellEdit[]; fills: RowFill[] } {
  const edits: CellEdit[] = [];
  const fills: RowFill[] = [];
  const [yes, no] = YES_NO;
  for (const info of sheets) {
    if (info.kind !== 'orders') continue;
    const base = info.lastColumn + 1;
    (orders.outputs ?? []).forEach((o, i) => edits.push({ sheet: info.sheet, row: info.headerRow, column: base + i, value: o.header, bold: true }));
    for (const r of results.filter((x) => x.file === info.file && x.sheet === info.sheet)) {
      edits.push({ sheet: r.sheet, row: r.row, column: base, value: DECISION_WORDS[r.decision] });
      edits.push({ sheet: r.sheet, row: r.row, column: base + 1, value: r.reasonText });
      edits.push({ sheet: r.sheet, row: r.row, column: base + 2, value: r.priority ? yes : no });
      if (r.decision === 'manual') fills.push({ sheet: r.sheet, row: r.row, argb: MANUAL_FILL });
    }
  }
  return { edits, fills };
}
