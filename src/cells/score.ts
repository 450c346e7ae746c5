import { parseNumber } from './number.js';
import { splitReason } from './normalize.js';

/** A score cell: `5(搜索量高,供给缺口)` → { value: 5, reason: '搜索量高,供给缺口' }. */
export interface ParsedScore {
  value: number;
  reason?: string;
}

/** Reads the leading number of a score cell; `4分`, `５`, `4.5` and a bracketed reason are fine. */
export function parseScore(input: string | number): ParsedScore | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : undefined;
  const { word, reason } = splitReason(input);
  const n = parseNumber(word.replace(/分$/, ''));
  if (!n || n.percent || n.unit) return undefined;
  return reason ? { value: n.value, reason } : { value: n.value };
}
