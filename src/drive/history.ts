import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { hashText } from './fingerprint.js';
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

/**
 * The folders a run read, as its history lines name them (`scope`), and as earlier builds named
 * them, by their absolute paths as given (`legacy`: the lines those wrote are still this scope's runs).
 */
export interface RunScope { scope: string; legacy: string }

/**
 * The scope of a run of `roots` (absolute) whose history is `history`: each root by its real path
 * (a link to the drive, or the drive reached through one, is the drive: outsider helper-115), named
 * from the history's own folder, so that two machines that mount the drive at different places and
 * keep the history on it draw one trend, as the suppressions file names its files. A glob is its
 * folder's real path and the pattern after it: a run of `共享盘/**\/*.xlsx` reads other files than
 * one of `共享盘`, and is a trend of its own.
 */
export function scopeOf(roots: readonly string[], history: string): RunScope {
  const home = realOrAsIs(dirname(history));
  const named = roots.map((r) => relative(home, realOrAsIs(r)).split(sep).join('/'));
  return { scope: hashText([...new Set(named)].sort().join('\n')).slice(0, 16), legacy: hashText([...new Set(roots)].sort().join('\n')).slice(0, 16) };
}

/** A path's real path: its longest part that exists, resolved, and the rest as it is (a glob's pattern, a path gone). */
function realOrAsIs(path: string): string {
  let head = path;
  let rest = '';
  for (;;) {
    try {
      return realpathSync.native(head) + rest;
    } catch {
      const up = dirname(head);
      if (up === head) return path;
      rest = sep + basename(head) + rest;
      head = up;
    }
  }
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

/**
 * What a history file holds: its readable lines, how many lines did not read, and whether it is no
 * history of ecsop's (`foreign`: no line reads, or it could not be read, or it is far bigger than a
 * history grows: `bytes`).
 */
export interface HistoryRead { lines: HistoryLine[]; dropped: number; foreign: boolean; bytes?: number }

/**
 * A history this big is no history of ecsop's (KEEP lines are ~150 KB): it is not read (a 593 MB one was
 * replaced in silence, and a 3 GB one took 4 GB of memory, outsider helper-117), but kept as a backup.
 */
const MAX_BYTES = 16 << 20;

export function readLines(path: string): HistoryRead {
  let text: string;
  try {
    // a folder, a device or a pipe under its name is no history (a pipe is never opened: it would wait for good)
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) return { lines: [], dropped: 0, foreign: false };
    if (st.size > MAX_BYTES) return { lines: [], dropped: 0, foreign: true, bytes: st.size };
    text = readFileSync(path, 'utf8');
  } catch {
    // there and not readable: never taken for an empty history and written over
    return { lines: [], dropped: 0, foreign: true };
  }
  const lines: HistoryLine[] = [];
  let dropped = 0;
  // as an editor or a crash may leave it (outsider helper-85): a byte-order mark (Notepad), lines ended by CR alone, NULs after the last line
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\0+/g, '');
    if (!line.trim()) continue;
    try {
      const r = runOf(JSON.parse(line));
      if (r) lines.push(r);
      else dropped++;
    } catch {
      dropped++;
    }
  }
  return { lines, dropped, foreign: dropped > 0 && lines.length === 0 };
}

/** What adding a run found in the history (as read: lines that did not read, no history of ecsop's) and where the file it replaced was kept. */
export interface HistoryKept extends Omit<HistoryRead, 'lines'> { backup?: string }

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

/** Whether a history line is a run of `scope` (or of the name earlier builds gave it). */
const isOf = (l: HistoryLine, scope: RunScope) => l.scope === scope.scope || l.scope === scope.legacy;

/** The runs of a scope, oldest first. */
export function runsOf(lines: readonly HistoryLine[], scope: RunScope): DriveRun[] {
  return lines.filter((l) => isOf(l, scope)).map(({ scope: _s, ...run }) => run);
}

/**
 * Adds a run to the history, through the safe-write path (the last KEEP lines are kept). Lines that
 * do not read are left out of what is written, and said (HistoryKept); a file of which no line reads
 * (not a history of ecsop's, or damaged whole) is kept as a backup first, as a foreign cache is
 * (outsider helper-115: a month of trend was replaced in silence).
 */
export async function addRun(path: string, run: DriveRun, scope: RunScope): Promise<HistoryKept> {
  // looked at before the write is opened: whether the file it replaces is kept (anything in it that does not read)
  const before = readLines(path);
  const pending = await openSafely(path, { kind: 'text', force: true, backup: before.foreign || before.dropped > 0 });
  let read: HistoryRead;
  try {
    // read under the write's lock: two runs adding at once both keep their line
    read = readLines(path);
    const { lines } = read;
    // a run of the same folders within SAME_RUN_MS of the last (the nightly JUnit, then its HTML) is that run again
    let last = -1;
    for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (isOf(lines[i], scope)) last = i;
    if (last >= 0 && Math.abs(Date.parse(run.at) - Date.parse(lines[last].at)) < SAME_RUN_MS) lines.splice(last, 1);
    lines.push({ ...run, scope: scope.scope });
    await writeFile(pending.tmp, lines.slice(-KEEP).map((l) => JSON.stringify(l)).join('\n') + '\n');
  } catch (err) {
    await pending.abort();
    throw err;
  }
  const written = await pending.commit();
  const { lines: _lines, ...found } = read;
  return { ...found, ...(written.backup ? { backup: written.backup } : {}) };
}
