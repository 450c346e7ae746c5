import { exactDateText } from '../cells/date.js';

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

/**
 * Digits a spreadsheet would mangle on opening a CSV: 12 digits or more (shown as 6.921E+18, and
 * past 15 digits rounded) or a leading zero (dropped). Order, tracking and phone numbers.
 */
const LONG_DIGITS = /^\+?(?:\d{12,}|0\d+)$/;
/** The way exports keep such digits as text (`="3756291048576123456"`): a formula whose result is the text (a number's digits only: `=""` is a formula like any other). */
const AS_TEXT = /^="[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"$/;
/** A number a spreadsheet has written in scientific notation (`6.9210123456789E+18`): kept as the text it is. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;

/** The first characters of what csvCell changes: digits and signs (LONG_DIGITS, SCIENTIFIC), `=` (AS_TEXT), a formula's (looksLikeFormula). */
const MAY_START = /^[\d+\-=@\t\r]/;

/**
 * What a CSV cell holds for a value, before the CSV's quoting: long digits as `="…"`, which Excel,
 * WPS and LibreOffice all open as the text itself (the way platforms' own exports keep order numbers
 * whole), a formula's text behind `'`, a date as all of its text (exactDateText). A copy as CSV is
 * read back against this.
 */
export function csvText(value: unknown): string {
  if (value instanceof Date) return exactDateText(value);
  const s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e11 && Math.abs(value) < 1e15 ? `="${s}"` : s;
  // a text that starts with none of the characters the patterns below start with (a name, an address, a reason) is as it is
  if (typeof value !== 'string' || !MAY_START.test(s)) return s;
  if (LONG_DIGITS.test(s) || SCIENTIFIC.test(s)) return `="${s}"`;
  if (AS_TEXT.test(s)) return s; // already kept as text
  return looksLikeFormula(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One CSV cell: csvText, quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: unknown): string {
  const s = csvText(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
