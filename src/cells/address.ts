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

/** `AC7`, or undefined when the row or the column is not known. */
export function cellRef(column: number | undefined, row: number | undefined): string | undefined {
  return column && row ? `${columnLetter(column)}${row}` : undefined;
}
