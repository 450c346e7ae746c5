/**
 * Excel's coordinates, the only ones ecsop uses: 1-based row numbers and column letters.
 * Column numbers run from 1 (A) to 16384 (XFD).
 */
export const MAX_COLUMN = 16_384;
/** Excel's last row. */
export const MAX_ROW = 1_048_576;

/** `A`, `Z`, `AA`, `AC`, `XFD` … for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 1-based number of a column's letters (`AC` → 29); NaN for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A range of cells, 1-based and inclusive: `A2:C4` is rows 2–4 of columns 1–3. */
export interface CellRange { top: number; left: number; bottom: number; right: number }

/**
 * The range a reference names (`A2:C4`, `$A$2:$C$4`, `a2:c4`, a single `B7`), its corners in either
 * order; undefined when it names no cells of a sheet (`A2:A`, `C2-C3`, `A0`, `XFE1`, row 1,048,577).
 */
export function rangeOf(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const c1 = columnNumber(m[1].toUpperCase());
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3].toUpperCase()) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  if (!(c1 <= MAX_COLUMN && c2 <= MAX_COLUMN && r1 >= 1 && r2 >= 1 && r1 <= MAX_ROW && r2 <= MAX_ROW)) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** `AC7`, or undefined when the row or the column is not known. */
export function cellRef(column: number | undefined, row: number | undefined): string | undefined {
  return column && row ? `${columnLetter(column)}${row}` : undefined;
}
