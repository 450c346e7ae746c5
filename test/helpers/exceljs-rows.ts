import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from '../../src/cells/raw.js';

/**
 * The reference side of the differential tests: exceljs's full reader, turned into the rows
 * ecsop's reader yields: a merged range's followers in its first column hold the merged cell's
 * value (ecsop marks them covered; a multi-item order's number merged down over its item rows), the
 * others are empty, as in the file.
 */
export async function exceljsRows(path: string): Promise<Record<string, RawRow[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  // sheet names are data: a sheet called __proto__ must not reach Object.prototype
  const out: Record<string, RawRow[]> = Object.create(null);
  for (const ws of wb.worksheets) {
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Array<RawCell | undefined> = [];
      const covered: Array<RawCell | undefined> = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (cell.isMerged && cell.master !== cell) {
          const top = cell.master.col === cell.col ? fromValue(cell.master.value) : undefined;
          if (top && top.value !== null) covered[col] = { value: top.value };
          return;
        }
        const raw = fromValue(cell.value);
        if (raw) cells[col] = raw;
      });
      // a row with no cell of its own is none (ecsop reads the rows the file has)
      if (cells.length) rows.push({ row: rowNumber, cells: Object.assign(cells, covered) });
    });
    out[ws.name] = rows;
  }
  return out;
}

function fromValue(v: ExcelJS.CellValue): RawCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { value: null, error: String(o.error) };
  if ('richText' in o) return { value: (o.richText as Array<{ text: string }>).map((r) => r.text).join('') };
  if ('formula' in o || 'sharedFormula' in o) {
    const res = o.result as unknown;
    const formula = String(o.formula ?? '');
    if (res === undefined || res === null) return { value: null, formula };
    if (typeof res === 'object' && !(res instanceof Date) && 'error' in (res as object)) return { value: null, formula, error: String((res as { error: string }).error) };
    return { value: res as RawCell['value'], formula };
  }
  if ('text' in o) {
    const t = o.text as unknown;
    return { value: typeof t === 'string' ? t : (t as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('') };
  }
  return { value: String(v) };
}
