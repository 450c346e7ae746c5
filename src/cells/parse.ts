import type { ColumnDef } from '../sheets/types.js';
import type { RawCell } from '../workbook/types.js';
import { formatDate, parseDate, type DateContext } from './date.js';
import { parseValueWithChange } from './lists.js';
import { splitReason } from './normalize.js';
import { parseMoneyFen, parseNumber, parseWeightKg } from './number.js';
import { parsePeriod } from './period.js';
import { parseRange } from './range.js';
import { parseScore } from './score.js';

/** One cell read for one column: its text as shown, and its typed value when it parses. */
export interface CellResult {
  /** the text a person sees in the cell */
  text: string;
  empty: boolean;
  /** typed value (see `typedValue`); undefined when empty or unparseable */
  value?: unknown;
  /** why no value: the text does not fit the type, or the formula has an error or no result */
  problem?: 'type' | 'formula-error' | 'formula-no-result';
  /** the Excel error (`#DIV/0!`) or the formula, for messages */
  detail?: string;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '预售', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '非预售', '×', '✗', '']);

/** The text a cell shows: numbers without float noise, dates as `2024-04-01`. */
export function displayText(v: RawCell['value']): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Reads `raw` as the column's type. Pure: no I/O, no knowledge of the sheet. */
/** The result for every empty cell: shared, so it must never be changed. */
const EMPTY: CellResult = Object.freeze({ text: '', empty: true });

export function parseCell(raw: RawCell | undefined, col: ColumnDef, ctx: DateContext = {}): CellResult {
  if (!raw) return EMPTY;
  if (raw.error) return { text: raw.error, empty: false, problem: 'formula-error', detail: raw.error };
  if (raw.formula !== undefined && raw.value === null) {
    return { text: '', empty: false, problem: 'formula-no-result', detail: raw.formula };
  }
  const shown = displayText(raw.value);
  const text = typeof raw.value === 'string' ? shown.trim() : shown;
  if (text === '') return EMPTY;
  const value = typedValue(raw.value as Exclude<RawCell['value'], null>, col, ctx);
  return value === undefined ? { text, empty: false, problem: 'type' } : { text, empty: false, value };
}

function typedValue(v: string | number | boolean | Date, col: ColumnDef, ctx: DateContext): unknown {
  const scalar = v instanceof Date ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v;
  switch (col.type) {
    case 'text':
      return displayText(v).trim();
    case 'number':
    case 'integer': {
      if (scalar instanceof Date) return undefined;
      const n = parseNumber(scalar);
      if (!n) return undefined;
      if (col.type === 'integer' && !Number.isInteger(n.value)) return undefined;
      return n.value;
    }
    case 'money':
      return scalar instanceof Date ? undefined : parseMoneyFen(scalar);
    case 'score':
      return scalar instanceof Date ? undefined : parseScore(scalar);
    case 'date':
    case 'datetime':
      return typeof v === 'boolean' ? undefined : parseDate(v, ctx);
    case 'enum':
      return splitReason(displayText(v));
    case 'range':
      return scalar instanceof Date ? undefined : parseRange(scalar);
    case 'period':
      return parsePeriod(displayText(v));
    case 'change':
      return scalar instanceof Date ? undefined : parseValueWithChange(scalar);
    case 'weight':
      return scalar instanceof Date ? undefined : parseWeightKg(scalar);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const t = displayText(v).trim().toLowerCase();
      return YES.has(t) ? true : NO.has(t) ? false : undefined;
    }
  }
}
