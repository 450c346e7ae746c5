import { extname } from 'node:path';
import type { Workbook } from 'exceljs';
import { openCsv, type CsvEncoding } from './read-csv.js';
import { writeWorkbookAtomic } from './write-file.js';

/** One cell to set in the copy; row and column are Excel's (1-based). */
export interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  value: string | number | boolean | null;
  numFmt?: string;
  bold?: boolean;
}

/** Rows to highlight (e.g. orders that need a person), by sheet. */
export interface RowFill {
  sheet: string;
  row: number;
  argb: string;
}

/**
 * Writes a copy of `input` to `output` with `edits` applied and `fills` highlighted, keeping
 * everything else exceljs can keep. The input is only read. A CSV input becomes an .xlsx copy
 * with one sheet named like the CSV sheet ecsop reported.
 */
export async function writeEditedCopy(input: string, output: string, edits: CellEdit[], fills: RowFill[] = [], opts: { encoding?: CsvEncoding; backup?: boolean } = {}): Promise<{ backup?: string }> {
  const ExcelJS = (await import('exceljs')).default;
  let wb: Workbook;
  if (extname(input).toLowerCase() === '.csv') {
    wb = new ExcelJS.Workbook();
    const csv = await openCsv(input, opts.encoding);
    for await (const sheet of csv.sheets()) {
      const ws = wb.addWorksheet(sheet.name);
      for await (const row of sheet.rows()) {
        row.cells.forEach((cell, c) => { if (cell) ws.getCell(row.row, c).value = cell.value as never; });
      }
    }
  } else {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
  }
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.row, e.column);
    cell.value = e.value;
    if (e.numFmt) cell.numFmt = e.numFmt;
    if (e.bold) cell.font = { ...(cell.font ?? {}), bold: true };
  }
  for (const f of fills) {
    const ws = wb.getWorksheet(f.sheet);
    if (!ws) continue;
    const row = ws.getRow(f.row);
    const last = Math.max(ws.columnCount, row.cellCount);
    for (let c = 1; c <= last; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.argb } };
  }
  return writeWorkbookAtomic(wb, output, { backup: opts.backup });
}
