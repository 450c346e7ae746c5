import { decHundredths, decValue, shiftDecimal, type Dec } from './grammar/decimal.js';
import { readWith } from './grammar/read.js';

export { shiftDecimal };

/** A number read from text such as `5.2万`, `¥1,299`, `60%`, `15万元`, `+52%`, `十五万`. */
export interface ParsedNumber {
  /** the value in plain units: `5.2万` → 52000, `60%` → 0.6 */
  value: number;
  /** true when the text carried `%` (value is then the fraction) */
  percent: boolean;
  /** unit word that followed the number (`元`, `件`, `分` …), without the multiplier */
  unit?: string;
  /** the period a count is given per (`2.1万件/月` → 月), when one is */
  per?: string;
}

/** What the quantity grammar returns: the decimal and its unit (`%` for a percentage). */
type Quantity = Dec & { unit?: string; percent?: boolean; per?: string };

/**
 * The canonical shape every export writes (`128`, `-3.50`): read by hand, as the grammar's Number
 * rule would (test/properties/values.prop.test.ts holds them equal), because a million-row
 * export holds millions of them and the grammar takes a microsecond each.
 */
export function plainDecimal(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 20) return undefined;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const digitsFrom = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === digitsFrom) return undefined;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined;
    const frac = ++i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === frac || i < n) return undefined;
  }
  const v = Number(text);
  return Object.is(v, -0) ? 0 : v;
}

/** Parses one number with optional currency, separators, 万/亿 multiplier, `%` and unit (the Quantity grammar). */
export function parseNumber(input: string | number): ParsedNumber | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, percent: false } : undefined;
  const plain = plainDecimal(input);
  if (plain !== undefined) return { value: plain, percent: false };
  const q = readWith<Quantity>('Quantity', input);
  if (!q) return undefined;
  const value = decValue(q);
  if (q.percent) return { value, percent: true };
  const out: ParsedNumber = q.unit ? { value, percent: false, unit: q.unit } : { value, percent: false };
  if (q.per) out.per = q.per;
  return out;
}

/**
 * Money in integer fen (cents), exact: `¥1,299.50` → 129950, `15万元` → 15000000, `十五万` →
 * 15000000 (the Money grammar). A number cell is rounded to the nearest fen.
 */
export function parseMoneyFen(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? Math.round(input * 100) : undefined;
  const plain = plainDecimal(input);
  if (plain !== undefined && input.length <= 15) return decHundredths({ digits: input.replace(/^-/, ''), neg: input.startsWith('-'), shift: 0 });
  const m = readWith<Dec>('MoneyOnly', input);
  return m ? decHundredths(m) : undefined;
}

/** Finds every number-with-unit in free text: `GMV50万元,新客占比30%` → [500000, 0.3] (the Numbers grammar). */
export function findNumbers(input: string): Array<ParsedNumber & { index: number; text: string }> {
  const found = readWith<Array<Dec & { percent: boolean; at: number; text: string }>>('Numbers', input) ?? [];
  return found.map((n) => ({ value: decValue(n), percent: n.percent, index: n.at, text: n.text }));
}

const KG_PER_UNIT: Record<string, number> = { kg: 1, 千克: 1, 公斤: 1, g: 0.001, 克: 0.001, 斤: 0.5, 两: 0.05, 吨: 1000, t: 1000 };

/** A weight in kilograms: `1.2`, `1.2kg`, `1.2公斤`, `500g`, `500克`, `2斤`; a plain number is kg. */
export function parseWeightKg(input: string | number): number | undefined {
  const n = parseNumber(input);
  if (!n || n.percent || n.value < 0) return undefined;
  if (!n.unit) return n.value;
  const factor = KG_PER_UNIT[n.unit.toLowerCase()] ?? KG_PER_UNIT[n.unit];
  return factor === undefined ? undefined : Number((n.value * factor).toFixed(6));
}

/**
 * A number as Excel shows a value it cannot hold whole: 15 significant digits in scientific form
 * (`3.90123456789012E+18`). Excel keeps 15 digits; showing more would pretend the rest are right.
 */
export function excelScientific(n: number): string {
  const [mantissa, exp] = n.toPrecision(15).toLowerCase().split('e');
  if (exp === undefined) return mantissa;
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return `${m}E${exp.startsWith('-') ? '' : '+'}${exp.replace(/^\+/, '')}`;
}

/** Scientific notation typed or saved as text (`6.921E+18`, a CSV saved by Excel). */
const SCIENTIFIC_TEXT = /^\s*[+-]?\d+(?:\.\d+)?[eE]\+?\d+\s*$/;

/** 18 digits or more whose digits after the 15th are all zeros: what Excel leaves of a long number saved as text with format 0. */
const ROUNDED_TEXT = /^\s*\d{15}0{3,}\s*$/;

/**
 * What a spreadsheet has done to an identifying number (an order, tracking or phone number):
 * - `lost`: its digits are gone — a number cell beyond what a double holds exactly (Excel keeps 15
 *   digits), or scientific text (`6.92101E+18`, a CSV saved by Excel);
 * - `suspect`: digits whose 16th and later are all zeros (`6921012345678900000`): likely rounded;
 * - `stored`: a number cell of 16 digits still exact in the file, which the next edit in Excel rounds;
 * undefined when it is whole.
 */
export function lostDigits(v: unknown): 'lost' | 'suspect' | 'stored' | undefined {
  if (typeof v === 'number') return Math.abs(v) < 1e15 ? undefined : Number.isSafeInteger(v) ? 'stored' : 'lost';
  if (typeof v !== 'string' || v.length > 40) return undefined;
  // (each pattern asked only of a text that can match it: an e, 18 characters; an export's ids and phones have neither)
  if ((v.includes('e') || v.includes('E')) && SCIENTIFIC_TEXT.test(v)) return 'lost';
  return v.length >= 18 && ROUNDED_TEXT.test(v) ? 'suspect' : undefined;
}
