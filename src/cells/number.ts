import { cleanText } from './normalize.js';

/** A number read from text such as `5.2万`, `¥1,299`, `60%`, `15万元`, `+52%`. */
export interface ParsedNumber {
  /** the value in plain units: `5.2万` → 52000, `60%` → 0.6 */
  value: number;
  /** true when the text carried `%` (value is then the fraction) */
  percent: boolean;
  /** unit word that followed the number (`元`, `件`, `分` …), without the multiplier */
  unit?: string;
}

const MULTIPLIER: Record<string, number> = { '万': 4, 'w': 4, 'W': 4, '亿': 8, '千': 3, 'k': 3, 'K': 3, '百': 2 };
const CURRENCY = /^(?:¥|RMB|CNY|人民币)\s*/i;
const NUMBER_RE = /^([+-]?)(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*(万|亿|千(?!克)|百|w|W|k(?!g)|K(?!G))?\s*(%)?\s*(元|块|件|个|分|次|人|单|天|小时|h|kg|KG|千克|公斤|g|克|斤|px|dpi)?$/;

/**
 * Moves the decimal point of a digit string by `shift` places using string arithmetic, so that
 * `5.2` × 10⁴ is exactly 52000 and `12.5%` is exactly 0.125 (no binary-float multiplication).
 */
export function shiftDecimal(digits: string, shift: number): number {
  const [intPart, fracPart = ''] = digits.split('.');
  let all = intPart + fracPart;
  let point = intPart.length + shift;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  while (all.length < point) all += '0';
  return Number(`${all.slice(0, point)}.${all.slice(point) || '0'}`);
}

/** Parses one number with optional currency, separators, 万/亿 multiplier, `%` and unit. */
export function parseNumber(input: string | number): ParsedNumber | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, percent: false } : undefined;
  const text = cleanText(input).replace(CURRENCY, '').replace(/\s+/g, '');
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const [, sign, digits, mult, pct, unit] = m;
  const shift = (mult ? MULTIPLIER[mult] : 0) - (pct ? 2 : 0);
  const abs = shiftDecimal(digits.replace(/,/g, ''), shift);
  const value = sign === '-' ? -abs : abs;
  return unit ? { value, percent: Boolean(pct), unit } : { value, percent: Boolean(pct) };
}

/**
 * Money in integer fen (cents), exact: `¥1,299.50` → 129950, `15万元` → 15000000.
 * A number cell is rounded to the nearest fen.
 */
export function parseMoneyFen(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? Math.round(input * 100) : undefined;
  const n = parseNumber(input);
  if (!n || n.percent) return undefined;
  if (n.unit && n.unit !== '元' && n.unit !== '块') return undefined;
  const text = cleanText(input).replace(CURRENCY, '').replace(/\s+/g, '');
  const m = NUMBER_RE.exec(text)!;
  const shift = (m[3] ? MULTIPLIER[m[3]] : 0) + 2;
  const fen = shiftDecimal(m[2].replace(/,/g, ''), shift);
  return Number.isInteger(fen) ? (m[1] === '-' ? -fen : fen) : Math.round(m[1] === '-' ? -fen : fen);
}

/** Finds every number-with-unit in free text: `GMV50万元,新客占比30%` → [500000, 0.3]. */
export function findNumbers(input: string): Array<ParsedNumber & { index: number; text: string }> {
  const text = cleanText(input);
  const out: Array<ParsedNumber & { index: number; text: string }> = [];
  const re = /[+-]?\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万|亿|千)?\s*%?(?:元)?/g;
  for (const m of text.matchAll(re)) {
    const parsed = parseNumber(m[0]);
    if (parsed) out.push({ ...parsed, index: m.index ?? 0, text: m[0] });
  }
  return out;
}

const KG_PER_UNIT: Record<string, number> = { kg: 1, KG: 1, 千克: 1, 公斤: 1, g: 0.001, 克: 0.001, 斤: 0.5 };

/** A weight in kilograms: `1.2`, `1.2kg`, `1.2公斤`, `500g`, `500克`, `2斤`; a plain number is kg. */
export function parseWeightKg(input: string | number): number | undefined {
  const n = parseNumber(input);
  if (!n || n.percent || n.value < 0) return undefined;
  if (!n.unit) return n.value;
  const factor = KG_PER_UNIT[n.unit];
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
  if (SCIENTIFIC_TEXT.test(v)) return 'lost';
  return ROUNDED_TEXT.test(v) ? 'suspect' : undefined;
}
