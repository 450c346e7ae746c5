import { readWith } from './grammar/read.js';

/** One phase of a campaign: `5.17-5.19(预热)`: its label and its first and last day. */
export interface Phase { label: string; start: Date; end: Date; days: number }

const DAY = 86_400_000;

type Read = Array<{ label: string; from: { year?: number; month?: number; day: number }; to: { year?: number; month?: number; day: number } }>;

function day(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/**
 * A campaign's phases as people type them (the Phases grammar): `5.17-5.19(预热);5.20-5.21(爆发);
 * 5.22(返场)`, the label first (`预热:5.17-5.19`) or after a space (`5/17-5/19 预热`), with slashes,
 * `5月17日-19日`, `2024.5.17-5.19`, one phase a line. The year comes from the cell or from `year`;
 * a schedule that runs over New Year (12.30 … 1.2) moves into the next. Undefined when it does not read.
 */
export function parsePhases(input: string, year: number): Phase[] | undefined {
  const read = readWith<Read>('Phases', input);
  if (!read) return undefined;
  const phases: Phase[] = [];
  let y = year;
  for (const p of read) {
    if (p.from.year) y = p.from.year;
    // a later phase may name its days only (5月17日至19日预热,20日至21日爆发): the month runs on from the phase before
    const previous0 = phases[phases.length - 1];
    const month = p.from.month ?? (previous0 ? previous0.end.getUTCMonth() + 1 : undefined);
    if (month === undefined) return undefined;
    p.from.month = month;
    let start = day(y, month, p.from.day);
    const previous = phases[phases.length - 1];
    // a phase that falls months before the last one is in the next year (12.30 … 1.2)
    if (start && !p.from.year && previous && start.getTime() < previous.end.getTime() - 180 * DAY) start = day(++y, month, p.from.day);
    const endYear = p.to.year ?? y;
    let end = day(endYear, p.to.month ?? month, p.to.day);
    if (!start || !end) return undefined;
    if (end < start && !p.to.year) end = day(endYear + 1, p.to.month ?? month, p.to.day); // 12.30-1.2 crosses the year
    if (!end) return undefined;
    if (end.getUTCFullYear() > y) y = end.getUTCFullYear();
    phases.push({ label: p.label, start, end, days: Math.round((end.getTime() - start.getTime()) / DAY) + 1 });
  }
  return phases;
}
