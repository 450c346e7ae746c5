import { cleanText } from './normalize.js';

/** A data period such as `2024.1-3`: first and last month, and how many months it covers. */
export interface ParsedPeriod {
  start?: { year: number; month: number };
  end?: { year: number; month: number };
  /** months covered, counting both ends: `2024.1-3` → 3 */
  months: number;
}

const YM = String.raw`(\d{4})\s*[./年-]\s*(\d{1,2})\s*月?`;
const ABSOLUTE = new RegExp(String.raw`^${YM}\s*(?:-|~|至|到)\s*(?:(\d{4})\s*[./年-]\s*)?(\d{1,2})\s*月?$`);
const RELATIVE = /^(?:近|最近|过去)\s*(\d{1,2})\s*(?:个)?月$/;
const YEARS = /^(?:近|最近|过去)\s*(\d)\s*年$/;

/** `2024.1-3`, `2023.10-2024.3`, `2024年1-3月`, `2024.01-2024.03`, `近6个月`, `近1年`. */
export function parsePeriod(input: string): ParsedPeriod | undefined {
  const text = cleanText(input);
  let m = RELATIVE.exec(text);
  if (m) return { months: Number(m[1]) };
  m = YEARS.exec(text);
  if (m) return { months: Number(m[1]) * 12 };
  m = ABSOLUTE.exec(text);
  if (!m) return undefined;
  const start = { year: Number(m[1]), month: Number(m[2]) };
  const end = { year: m[3] ? Number(m[3]) : start.year, month: Number(m[4]) };
  if (start.month < 1 || start.month > 12 || end.month < 1 || end.month > 12) return undefined;
  const months = (end.year - start.year) * 12 + (end.month - start.month) + 1;
  return months >= 1 ? { start, end, months } : undefined;
}
