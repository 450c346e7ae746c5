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
      const r = runOf(JSON.parse(line));
      if (r) out.push(r);
    } catch {
      // passed over
    }
  }
  return out;
}

/**
 * A line as a run writes it, its time as a run writes it, or undefined: its time a run's (stampOf), its counts whole numbers of zero or more, none
 * in a run of no files. Anything else is passed over, as a line that does not read is: a count of -5 or
 * 1e308 (a hand edit, damage) drawn in the trend made every real run's bar flat (outsider helper-83), and
 * errors counted in no files are no run (outsider helper-86).
 */
function runOf(r: unknown): HistoryLine | undefined {
  if (typeof r !== 'object' || r === null) return undefined;
  const l = r as Record<string, unknown>;
  const counts = [l.files, l.errors, l.warnings, l.infos, l.suppressed];
  const at = typeof l.at === 'string' ? stampOf(l.at) : undefined;
  const run = at !== undefined && typeof l.scope === 'string'
    && counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) && (l.files !== 0 || counts.every((n) => n === 0));
  return run ? { ...(l as unknown as HistoryLine), at } : undefined;
}

/**
 * A time as a run's line holds it, written as runStamp writes it (`2026-12-06T05:55:24+08:00`, `…Z`), or
 * undefined when it is no run's time. ISO 8601's and RFC 3339's other ways of writing one are read too (outsider
 * helper-86: each was dropped, and lost): without its seconds, a fraction of one after `.` or `,`, a space or a
 * lower-case `t` between day and time, `z`, a zone without its colon (`+0800`, Python's `%z`) or its minutes. Not
 * a day outside its month, an hour of 24 or a 60th second (2026-02-30 and 24:00 were drawn, outsider helper-85:
 * the engine's Date.parse rolls them on), nor a year outside 2000–2199 (9999-12-31 and 0000-01-01 made the trend's
 * first bar, outsider helper-86).
 */
export function stampOf(at: string): string | undefined {
  const m = STAMP.exec(at);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00', fraction, , sign, zh, zm = '00'] = m;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  const real = Number(y) >= 2000 && Number(y) <= 2199 && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= days
    && Number(h) <= 23 && Number(mi) <= 59 && Number(sec) <= 59 && (sign === undefined || (Number(zh) <= 23 && Number(zm) <= 59));
  if (!real) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${fraction ? `.${fraction}` : ''}${sign === undefined ? 'Z' : `${sign}${zh}:${zm}`}`;
}
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

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
