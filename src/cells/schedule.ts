import { cleanText, splitReason } from './normalize.js';

/** One phase of a campaign: `5.17-5.19(预热)`: its label and its first and last day. */
export interface Phase { label: string; start: Date; end: Date; days: number }

const DAY = 86_400_000;
const MD = String.raw`(?:(\d{4})[./-])?(\d{1,2})[./月-](\d{1,2})日?`;
const RANGE = new RegExp(String.raw`^${MD}(?:\s*(?:-|~|至|到)\s*(?:(?:(\d{4})[./-])?(\d{1,2})[./月-])?(\d{1,2})日?)?$`);

function day(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/**
 * `5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)` → phases, with the year from context. Also
 * `2024.5.17-5.19`, `5月17日-19日`, full-width separators. Undefined when a part does not read.
 */
export function parsePhases(input: string, year: number): Phase[] | undefined {
  const parts = cleanText(input).split(/\s*[;,、]\s*/).filter(Boolean);
  if (!parts.length) return undefined;
  const phases: Phase[] = [];
  let shift = 0; // phases after a new year (12.30 … 1.2) move to the next year
  for (const part of parts) {
    const { word, reason } = splitReason(part);
    const m = RANGE.exec(word.replace(/\s+/g, ''));
    if (!m) return undefined;
    const y1 = m[1] ? Number(m[1]) : year + shift;
    const start = day(y1, Number(m[2]), Number(m[3]));
    const endMonth = m[5] ? Number(m[5]) : Number(m[2]);
    const endDay = m[6] ? Number(m[6]) : Number(m[3]);
    let end = day(m[4] ? Number(m[4]) : y1, endMonth, endDay);
    if (!start || !end) return undefined;
    if (end < start && !m[4]) end = day(y1 + 1, endMonth, endDay)!; // 12.30-1.2 crosses the year
    const previous = phases[phases.length - 1];
    if (!m[1] && previous && start.getTime() < previous.end.getTime() - 180 * DAY) return parsePhasesShifted(input, year, phases.length);
    phases.push({ label: reason ?? '', start, end, days: Math.round((end.getTime() - start.getTime()) / DAY) + 1 });
    if (end.getUTCFullYear() > y1) shift += 1;
  }
  return phases;
}

/** Re-reads the schedule with the phases from `from` on in the next year. */
function parsePhasesShifted(input: string, year: number, from: number): Phase[] | undefined {
  const parts = cleanText(input).split(/\s*[;,、]\s*/).filter(Boolean);
  const head = parsePhases(parts.slice(0, from).join(';'), year);
  const tail = parsePhases(parts.slice(from).join(';'), year + 1);
  return head && tail ? [...head, ...tail] : undefined;
}
