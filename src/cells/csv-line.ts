/**
 * CSV for Excel: quotes where needed, CRLF line ends, and text that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR at the start) prefixed with a single quote: a buyer's note must
 * never become a formula on someone's desk. Numbers, and text that is plainly a number (`-5`,
 * `+3.5`), are written as they are.
 */
export function looksLikeFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && looksLikeFormula(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
