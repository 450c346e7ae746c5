import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { DriveRun } from '../report/dashboard.js';
import { openSafely } from '../workbook/safe-write.js';

/**
 * The run history of a drive (issue #26): one JSON line per `check --cache` run, kept beside the
 * cache (`.ecsop-cache.history.jsonl`), for the dashboard's trend of the last 30 runs. Each line
 * names the folders the run read (`scope`): a run of one shop's folder is not drawn in the trend
 * of the whole drive.
 *
 * JSON lines, not SQLite: the trend needs the last 30 lines of a file of at most KEEP lines; the
 * whole file is read and rewritten in a few milliseconds (measured: 1,000 runs, 130 KB, 1 ms to read
 * and 10 ms to add a run through the safe-write path, fsync included), Node 20 has no SQLite of its own, and a native
 * module would be one more thing to build on each user's machine. A line that does not read (a
 * hand edit, a cut-off write of an older version) is passed over.
 */
export interface HistoryLine extends DriveRun {
  scope: string;
}

/** Runs of the same folders closer than this are one run of the trend (the later one kept). */
export const SAME_RUN_MS = 15 * 60 * 1000;

/** Lines kept: a year of nightly runs, and then some. */
const KEEP = 1000;

/**
 * When a run was made, as its history line keeps it: the run's wall clock (--now, or the machine's
 * clock) with the machine's offset from UTC, `2026-12-06T05:55:24+08:00`. Two runs of one drive made
 * 3 s apart, one on a desk PC in China and one on a CI runner in UTC, are then 3 s apart, not 8 hours
 * (outsider helper-73: the offset was written as `Z`); the page shows the wall clock as written.
 */
export function runStamp(wall: Date, offset?: number): string {
  // the wall clock's own offset when known (a --now with a zone is China time, outsider helper-74), else the
  // one the machine's zone gives that wall clock
  const instant = new Date(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  const minutes = offset ?? (Number.isNaN(instant.getTime()) ? 0 : -instant.getTimezoneOffset());
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  const zone = minutes === 0 ? 'Z' : `${minutes > 0 ? '+' : '-'}${two(Math.abs(minutes) / 60)}:${two(Math.abs(minutes) % 60)}`;
  return `${wall.toISOString().slice(0, 19)}${zone}`;
}

/** The file of the history beside a cache. */
export const historyOf = (cache: string): string => `${cache}.history.jsonl`;

/** Every readable line of the history, oldest first. */
export function readHistory(path: string): HistoryLine[] {
  let text: string;
  try {
    // a folder, a device or a pipe under its name is no history (a pipe is never opened: it would wait for good)
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return [];
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const out: HistoryLine[] = [];
  // as an editor or a crash may leave it (outsider helper-85): a byte-order mark (Notepad), lines ended by CR alone, NULs after the last line
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\0+/g, '');
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as HistoryLine;
      if (isRun(r)) out.push(r);
    } catch {
      // passed over
    }
  }
  return out;
}

/**
 * A line as a run writes it: its time a stamp of runStamp's form, its counts whole numbers of zero or
 * more. Anything else is passed over, as a line that does not read is: a count of -5 or 1e308 (a hand
 * edit, damage) drawn in the trend made every real run's bar flat (outsider helper-83).
 */
function isRun(r: unknown): r is HistoryLine {
  if (typeof r !== 'object' || r === null) return false;
  const l = r as Record<string, unknown>;
  return typeof l.at === 'string' && isStamp(l.at) && typeof l.scope === 'string'
    && [l.files, l.errors, l.warnings, l.infos, l.suppressed].every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
}

/**
 * A time as a run's line holds it: runStamp's `2026-12-06T05:55:24+08:00` (or `…Z`), with or without its
 * seconds and their fraction (`…:24.5Z`: outsider helper-84, dropped and lost at first), and a day that is in its
 * month, an hour before 24 (2026-02-30 and 24:00 were drawn: outsider helper-85; the engine's Date.parse rolls them on).
 */
function isStamp(at: string): boolean {
  const m = STAMP.exec(at);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec = '0', zone, zh = '0', zm = '0'] = m;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= days && Number(h) <= 23 && Number(mi) <= 59 && Number(sec) <= 59
    && (zone === 'Z' || (Number(zh) <= 23 && Number(zm) <= 59));
}
const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** The runs of a scope, oldest first. */
export function runsOf(lines: readonly HistoryLine[], scope: string): DriveRun[] {
  return lines.filter((l) => l.scope === scope).map(({ scope: _s, ...run }) => run);
}

/** Adds a run to the history, through the safe-write path (the last KEEP lines are kept). */
export async function addRun(path: string, run: DriveRun, scope: string): Promise<void> {
  const pending = await openSafely(path, { kind: 'text', force: true, backup: false });
  try {
    // read under the write's lock: two runs adding at once both keep their line
    const lines = readHistory(path);
    // a run of the same folders within SAME_RUN_MS of the last (the nightly JUnit, then its HTML) is that run again
    let last = -1;
    for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (lines[i].scope === scope) last = i;
    if (last >= 0 && Math.abs(Date.parse(run.at) - Date.parse(lines[last].at)) < SAME_RUN_MS) lines.splice(last, 1);
    lines.push({ ...run, scope });
    await writeFile(pending.tmp, lines.slice(-KEEP).map((l) => JSON.stringify(l)).join('\n') + '\n');
  } catch (err) {
    await pending.abort();
    throw err;
  }
  await pending.commit();
}
