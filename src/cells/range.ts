import { decValue, type Dec } from './grammar/decimal.js';
import { readWith } from './grammar/read.js';

/** A numeric range such as a price band `89-159元`. */
export interface ParsedRange {
  low: number;
  high: number;
  unit?: string;
}

/**
 * A range (the QuantityRange grammar): `89-159元`, `89元-159元`, `89~159`, `89至159元`, `¥89-¥159`,
 * `1-2kg`; the unit once or on each end; a single number is a range of one.
 */
/** 5.17-5.19 with no unit: two days of May, not a band two fen wide */
const DAYS = /^\s*(1[0-2]|0?[1-9])\.(0[1-9]|[12]\d|3[01])\s*[-~～—至到]\s*\1\.(0[1-9]|[12]\d|3[01])\s*$/;

export function parseRange(input: string | number): ParsedRange | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { low: input, high: input } : undefined;
  if (DAYS.test(input)) return undefined;
  const r = readWith<{ low: Dec & { unit?: string }; high: Dec; unit?: string; units: Array<string | null | undefined> }>('QuantityRange', input);
  if (!r || r.unit === '%' || (r.units[0] && r.units[1] && r.units[0] !== r.units[1])) return undefined;
  const out: ParsedRange = { low: decValue(r.low), high: decValue(r.high) };
  return r.unit ? { ...out, unit: r.unit } : out;
}

/** A ratio or target (the Target grammar): `1:3`, `1比3`, `供需比1:3`, `ROI≥3`, `300%`, `3倍`. */
export interface ParsedTarget {
  /** what it measures, when named: ROI, 投产比, 供需比 … */
  metric?: string;
  /** the comparison it states: `>=`, `>`, `<=`, `<` */
  op?: string;
  /** the ratio as a number: 1:3 → 3, 300% → 3, 3倍 → 3 */
  value: number;
  /** both sides of a written ratio */
  left?: number;
  right?: number;
}

export function parseTarget(input: string): ParsedTarget | undefined {
  const t = readWith<{ metric?: string; op?: string; value: { left?: Dec; right?: Dec; percent?: Dec; times?: Dec } }>('Target', input);
  if (!t) return undefined;
  const v = t.value;
  const base = { ...(t.metric ? { metric: t.metric } : {}), ...(t.op && /[<>]/.test(t.op) ? { op: t.op } : {}) };
  if (v.left && v.right) {
    const left = decValue(v.left);
    const right = decValue(v.right);
    return left === 0 ? undefined : { ...base, value: right / left, left, right };
  }
  return { ...base, value: decValue((v.percent ?? v.times)!) };
}

/** A ratio `1:3` (full-width colon, 1比3 too) → { left: 1, right: 3 }. */
export function parseRatio(input: string): { left: number; right: number } | undefined {
  const t = parseTarget(input);
  return t && t.left !== undefined && t.right !== undefined && !t.metric && !t.op ? { left: t.left, right: t.right } : undefined;
}
