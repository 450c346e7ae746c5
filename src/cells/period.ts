import { readWith } from './grammar/read.js';

/** A data period such as `2024.1-3`: first and last month, and how many months it covers. */
export interface ParsedPeriod {
  start?: { year: number; month: number };
  end?: { year: number; month: number };
  /** months covered, counting both ends: `2024.1-3` → 3 */
  months: number;
}

type YM = { year: number; month: number };
type Read =
  | { from: YM; to: YM }
  | { recent: number; unit: 'month' | 'quarter' | 'year' | 'day' }
  | { quarter: number; year: number }
  | { half: number; year: number };

/**
 * A data period as people type it (the Period grammar): `2024.1-3`, `2023.10-2024.3`, `2024年1-3月`,
 * `2024.01~2024.03`, `2024年3月`, `2024Q1`, `2024年第一季度`, `2024上半年`, `2024全年`, `近6个月`,
 * `近一年`, `近半年`, `过去三个月`.
 */
export function parsePeriod(input: string): ParsedPeriod | undefined {
  const p = readWith<Read>('Period', input);
  if (!p) return undefined;
  if ('recent' in p) {
    // 近90天 is three months; days that are not whole months count to one decimal (近45天 → 1.5)
    if (p.unit === 'day') return p.recent >= 1 ? { months: p.recent === 365 || p.recent === 366 ? 12 : p.recent % 30 === 0 ? p.recent / 30 : Math.round((p.recent / 30) * 10) / 10 } : undefined;
    const months = p.recent * (p.unit === 'year' ? 12 : p.unit === 'quarter' ? 3 : 1);
    return Number.isInteger(months) && months >= 1 ? { months } : undefined;
  }
  const [start, end] = 'from' in p ? [p.from, p.to]
    : 'quarter' in p ? [{ year: p.year, month: p.quarter * 3 - 2 }, { year: p.year, month: p.quarter * 3 }]
      : [{ year: p.year, month: p.half === 1 ? 1 : 7 }, { year: p.year, month: p.half === 1 ? 6 : 12 }];
  const months = (end.year - start.year) * 12 + (end.month - start.month) + 1;
  return months >= 1 ? { start, end, months } : undefined;
}
