import { decValue, type Dec } from './grammar/decimal.js';
import { readWith } from './grammar/read.js';

/** A score cell: `5(搜索量高,供给缺口)` → { value: 5, reason: '搜索量高,供给缺口' }. */
export interface ParsedScore {
  value: number;
  reason?: string;
}

/**
 * A score as people type it (the Score grammar): `4`, `4分`, `4.5`, `５`, `五`, `★★★★☆`, `4/5`,
 * with its reason in brackets or after a space, comma, colon or dash (`4 需求增长快`, `5，搜索量大`).
 */
export function parseScore(input: string | number): ParsedScore | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : undefined;
  const s = readWith<{ value: Dec; reason?: string }>('Score', input);
  if (!s) return undefined;
  const value = decValue(s.value);
  return s.reason ? { value, reason: s.reason } : { value };
}
