import { cleanText } from './normalize.js';
import { parseNumber } from './number.js';

/** A numeric range such as a price band `89-159元`. */
export interface ParsedRange {
  low: number;
  high: number;
  unit?: string;
}

/** `89-159元`, `89元-159元`, `89~159`, `89至159元`, `¥89-¥159`; a single number is a range of one. */
export function parseRange(input: string | number): ParsedRange | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { low: input, high: input } : undefined;
  const text = cleanText(input).replace(/\s+/g, '');
  const parts = text.split(/-|~|至|到/);
  if (parts.length === 1) {
    const n = parseNumber(text);
    return n && !n.percent ? { low: n.value, high: n.value, unit: n.unit } : undefined;
  }
  if (parts.length !== 2) return undefined;
  const lo = parseNumber(parts[0]);
  const hi = parseNumber(parts[1]);
  if (!lo || !hi || lo.percent || hi.percent) return undefined;
  const unit = hi.unit ?? lo.unit;
  return unit ? { low: lo.value, high: hi.value, unit } : { low: lo.value, high: hi.value };
}

/** A ratio `1:3` (full-width colon too) → { left: 1, right: 3 }. */
export function parseRatio(input: string): { left: number; right: number } | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(cleanText(input));
  return m ? { left: Number(m[1]), right: Number(m[2]) } : undefined;
}
