import type { RawCell } from './raw.js';
import { ambiguousMonthDay, formatDate, parseDate, type DateContext } from './date.js';
import { parseValueWithChange } from './lists.js';
import { splitReason } from './choice.js';
import { excelScientific, lostDigits, parseMoneyFen, parseNumber, parseWeightKg } from './number.js';
import { parsePeriod } from './period.js';
import { parseRange } from './range.js';
import { parseScore } from './score.js';

/** How a cell's text becomes a typed value (see src/cells/parse.ts). */
export type ValueType =
  | 'text' // any text, trimmed
  | 'integer' // whole number, `5.2万` allowed
  | 'number' // number with units: `5.2万`, `¥1,299`, `60%`
  | 'money' // yuan, exact to the fen
  | 'score' // number with optional reason: `5(搜索量高,供给缺口)`
  | 'date' // a day: serial, Date, `2024-04-01`, `2024年4月1日`, `5.17`
  | 'datetime' // a day and time: `2024-05-20 14:30`
  | 'enum' // one of `options`, optionally followed by `(reason)` when `allowReason`
  | 'range' // `89-159元`
  | 'period' // `2024.1-3`
  | 'boolean' // 是/否
  | 'weight' // kilograms: `1.2`, `1.2kg`, `500g`, `2斤`
  | 'change'; // a number with its change: `3.8万(+52%)` → { value: 38000, change: 0.52 }

/** What parsing needs to know of a column: its type (the sheet kind's column definitions are these). */
export interface CellSpec {
  type: ValueType;
  /** for enum cells: the dropdown value a typed word stands for (`抖店` → `抖音`), when it stands for one */
  optionOf?(word: string): string | undefined;
  /** digits that identify something: a number a spreadsheet has rounded is `lost-digits`, never read as right */
  keepDigits?: boolean;
  /** for range cells: the units a range may carry (a price band is in 元, not kg); any when absent */
  units?: readonly string[];
}

/** One cell read for one column: its text as shown, and its typed value when it parses. */
export interface CellResult {
  /** the text a person sees in the cell */
  text: string;
  empty: boolean;
  /** typed value (see `typedValue`); undefined when empty or unparseable */
  value?: unknown;
  /** why no value: the text does not fit the type, or the formula has an error or no result */
  problem?: 'type' | 'formula-error' | 'formula-no-result' | 'ambiguous' | 'lost-digits';
  /** the Excel error (`#DIV/0!`) or the formula, for messages */
  detail?: string;
  /** the shared-string index of a text cell read as it is stored (nothing trimmed or unwrapped): equal keys mean equal text within one workbook */
  key?: number;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '预售', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '非预售', '×', '✗', '']);

/** The text a cell shows: numbers without float noise, dates as `2024-04-01`. */
export function displayText(v: RawCell['value']): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  // a number beyond what a double holds exactly is shown as Excel shows it: never as if its digits were right
  if (typeof v === 'number') return Math.abs(v) >= 1e15 && !Number.isSafeInteger(v) ? excelScientific(v) : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Reads `raw` as the column's type. Pure: no I/O, no knowledge of the sheet. */
/**
 * A read cell. Its `text` is worked out when first asked for: for numbers and dates most rows
 * never need it, and formatting them on every cell of a million rows is the cost to skip.
 */
class Cell implements CellResult {
  private shown: string | undefined;
  constructor(
    private readonly raw: RawCell['value'],
    readonly empty: boolean,
    readonly value?: unknown,
    readonly problem?: CellResult['problem'],
    readonly detail?: string,
    text?: string,
    readonly key?: number,
  ) {
    this.shown = text;
  }

  get text(): string {
    return (this.shown ??= displayText(this.raw));
  }
}

/** Cell texts that exports write for an empty value: -, --, –, —, /, null, #NULL!, N/A. */
const NOTHING = /^(?:[-—–－/\\]{1,3}|null|#null!|n\/a|none|nil|无)$/i;

/** The result for every empty cell: shared, so it must never be changed. */
const EMPTY: CellResult = Object.freeze(new Cell(null, true, undefined, undefined, undefined, ''));

/**
 * What an export wraps so that Excel keeps a number as text: Taobao's order CSV writes an order
 * number as `="3756291048576123456"` and a phone as `'138****8000`. Read as the value inside.
 */
export function unwrapExport(text: string): string {
  if (text.length >= 3 && text.charCodeAt(0) === 61 && text.charCodeAt(1) === 34 && text.charCodeAt(text.length - 1) === 34) return text.slice(2, -1).replace(/""/g, '"');
  if (text.length >= 2 && text.charCodeAt(0) === 39 && /^'[\d+*(]/.test(text)) return text.slice(1);
  return text;
}

/**
 * Whether a cell holds a value a rule can read: not empty, and not a formula that failed or was
 * never calculated (those are the formula's finding, schema/formula, and no rule's).
 */
export function hasValue(cell: CellResult | undefined): cell is CellResult {
  return cell !== undefined && !cell.empty && !unreadFormula(cell);
}

/** A cell's text for a rule to read: '' when empty or when its formula has no value (#N/A, never calculated). */
export function textOf(cell: CellResult | undefined): string {
  return hasValue(cell) ? cell.text : '';
}

/** A formula that failed or was never calculated: its value is unknown, neither empty nor typed. */
export function unreadFormula(cell: CellResult): boolean {
  return cell.problem === 'formula-error' || cell.problem === 'formula-no-result';
}

/**
 * Whether a character at a text's edge is space to trim: ASCII space and controls, the ideographic space,
 * and what a web page's copy brings (no-break space, zero-width space, a BOM: outsider helper-95, an order
 * number copied from a back office with a no-break space after it was another order's number).
 */
function edgeSpace(c: number): boolean {
  return c <= 32 || c === 0x3000 || c === 0xa0 || c === 0x200b || c === 0xfeff;
}

/** The text without white space at its ends: trim()'s, and the zero-width space it does not know. */
function trimmed(v: string): string {
  const t = v.trim();
  return t.charCodeAt(0) === 0x200b || t.charCodeAt(t.length - 1) === 0x200b ? t.replace(/^[\s\u200b]+|[\s\u200b]+$/g, '') : t;
}

export function parseCell(raw: RawCell | undefined, col: CellSpec, ctx: DateContext = {}): CellResult {
  if (!raw) return EMPTY;
  if (raw.error) return new Cell(null, false, undefined, 'formula-error', raw.error, raw.error);
  if (raw.formula !== undefined && raw.value === null) return new Cell(null, false, undefined, 'formula-no-result', raw.formula, '');
  const v = raw.value;
  if (v === null) return EMPTY;
  if (col.keepDigits) {
    const lost = lostDigits(v);
    if (lost === 'lost' || lost === 'suspect') return new Cell(v, false, undefined, 'lost-digits', lost, typeof v === 'string' ? v.trim() : undefined, raw.sst);
  }
  if (typeof v === 'string') {
    let text = v.length && (edgeSpace(v.charCodeAt(0)) || edgeSpace(v.charCodeAt(v.length - 1))) ? trimmed(v) : v;
    if (text === '') return EMPTY;
    // what exports write for "nothing" (抖店's -, an ERP's null) is nothing in a typed column
    if (col.type !== 'text' && NOTHING.test(text)) return EMPTY;
    const c0 = text.charCodeAt(0);
    if (c0 === 61 || c0 === 39) text = unwrapExport(text);
    const value = typedValue(text, col, ctx);
    // the index stands for the text only as it is stored (an id written "4401…\t" and one written "4401…" are one id, two entries)
    const key = text === v ? raw.sst : undefined;
    return value === undefined ? new Cell(v, false, undefined, 'type', undefined, text, key) : new Cell(v, false, value, undefined, undefined, text, key);
  }
  if (typeof v === 'number' && (col.type === 'date' || col.type === 'datetime')) {
    // a number in a date format that Excel shows as ####: no day, and no Unix time either
    if (raw.noDay) return new Cell(v, false, undefined, 'type');
    // a month and day typed as a number: 5.1 is 五一 or 5月10日 (Excel stores both alike); not guessed
    const both = ambiguousMonthDay(v, ctx);
    if (both) return new Cell(v, false, undefined, 'ambiguous', both.map(formatDate).join(' / '));
  }
  const value = typedValue(v, col, ctx);
  return value === undefined ? new Cell(v, false, undefined, 'type') : new Cell(v, false, value);
}

function typedValue(v: string | number | boolean | Date, col: CellSpec, ctx: DateContext): unknown {
  // TRUE is not an amount, a score or a count: a boolean reads only as text or as 是/否
  if (typeof v === 'boolean' && col.type !== 'text' && col.type !== 'boolean' && col.type !== 'enum') return undefined;
  const scalar = v as string | number | Date;
  switch (col.type) {
    case 'text':
      return typeof v === 'string' ? v : displayText(v);
    case 'number':
    case 'integer': {
      if (scalar instanceof Date) return undefined;
      if (typeof scalar === 'number') return col.type === 'integer' && !Number.isInteger(scalar) ? undefined : scalar;
      const n = parseNumber(scalar);
      if (!n) return undefined;
      if (col.type === 'integer' && !Number.isInteger(n.value)) return undefined;
      // a count is not an amount of money (5.2万元 in 月销量 or 库存), nor a count per week or day (1.5万/周)
      if (col.type === 'integer' && (n.unit === '元' || (n.per !== undefined && n.per !== '月'))) return undefined;
      return n.value;
    }
    case 'money':
      return scalar instanceof Date ? undefined : parseMoneyFen(scalar);
    case 'score':
      return scalar instanceof Date ? undefined : parseScore(scalar);
    case 'date':
    case 'datetime':
      return typeof v === 'boolean' ? undefined : parseDate(v, ctx);
    case 'enum': {
      // the whole cell as one word: 通 过 with a space, 建议:通过 with the column's name before it
      const whole = col.optionOf && typeof v === 'string' ? col.optionOf(v) : undefined;
      if (whole !== undefined) return { word: whole };
      const r = splitReason(displayText(v));
      // two choices in one cell (通过/待定) are not one choice
      const other = r.reason && col.optionOf ? col.optionOf(r.reason.replace(/^(?:[/\s、]|or|或者|或|还是|→|->)+/i, '')) : undefined;
      if (other !== undefined && other !== col.optionOf!(r.word)) return undefined;
      const option = col.optionOf?.(r.word);
      return option === undefined || option === r.word ? r : { ...r, word: option };
    }
    case 'range': {
      const r = scalar instanceof Date ? undefined : parseRange(scalar);
      if (!r || !col.units) return r;
      // a band has two ends: a lone number (159+, a phone number) is not one, unless its unit says it is a price (99元)
      if (r.unit ? !col.units.includes(r.unit) : typeof scalar === 'string' && r.low === r.high && !/[~～\-—至到]/.test(scalar)) return undefined;
      return r;
    }
    case 'period':
      return parsePeriod(displayText(v));
    case 'change':
      return scalar instanceof Date ? undefined : parseValueWithChange(scalar);
    case 'weight':
      return scalar instanceof Date ? undefined : parseWeightKg(scalar);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      // 是 and 否 as typed: no copy trimmed and lowered (one a row of an export's 是否预售)
      if (typeof v === 'string') { if (YES.has(v)) return true; if (NO.has(v)) return false; }
      const t = displayText(v).trim().toLowerCase();
      return YES.has(t) ? true : NO.has(t) ? false : undefined;
    }
  }
}
