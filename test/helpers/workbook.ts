import ExcelJS from 'exceljs';

export type CellInput = string | number | boolean | Date | null | { formula: string; result?: unknown } | { richText: Array<{ text: string }> } | { error: string };

/** Writes a workbook with exceljs: sheet name → rows (row 1 first). */
export async function writeWorkbook(path: string, sheets: Record<string, CellInput[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  await wb.xlsx.writeFile(path);
}

/** Reads back every sheet as plain values (formula results, rich text joined). */
export async function readWorkbook(path: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = Object.create(null);
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const vals: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => { vals[c - 1] = cell.value; });
      rows[n - 1] = vals;
    });
    out[ws.name] = rows;
  }
  return out;
}
