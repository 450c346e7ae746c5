import { openWorkbook } from '../../src/workbook/open.js';
import type { RawRow } from '../../src/workbook/types.js';

/** Reads every sheet of a file through ecsop's reader interface: sheet name → rows. */
export async function readAll(path: string, opts: Parameters<typeof openWorkbook>[1] = {}): Promise<Record<string, RawRow[]>> {
  const wb = await openWorkbook(path, opts);
  const out: Record<string, RawRow[]> = {};
  for await (const sheet of wb.sheets()) {
    out[sheet.name] = [];
    for await (const row of sheet.rows()) out[sheet.name].push(row);
  }
  return out;
}

/** The value of one cell (`C3`) from readAll's output. */
export function at(rows: RawRow[], address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return rows.find((r) => r.row === Number(m[2]))?.cells[col];
}
