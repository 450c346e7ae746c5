/**
 * CSV for Excel: UTF-8 with a BOM (so Excel opens Chinese text correctly), CRLF line ends,
 * quotes where needed, and cells that Excel would run as a formula (=, +, -, @, tab, CR)
 * prefixed with a single quote: a buyer's note must never become a formula on someone's desk.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
