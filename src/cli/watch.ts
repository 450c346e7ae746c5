import type { Command } from 'commander';
import { locationOf, readSuppressionsAt } from './suppress.js';
import { findConfig } from '../config/config.js';
import type { SuppressionCounts } from '../drive/suppressions.js';
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import { opendirSync } from 'node:fs';
import { saveKey, statOrNone } from '../workbook/stat-or-none.js';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { displayPath, isSkippedName, naturalOrder, type FoundFile } from '../check/files.js';
import type { Contribution } from '../check/engine.js';
import { MemoryStore } from '../drive/memory-store.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { escapeControls as inert } from '../report/layout.js';
import type { Finding } from '../rules/types.js';
import { setupCheck, type CheckFlags, type CheckSetup } from './flags.js';
import { nowOf } from './common.js';
import { Interrupted, UsageError, type Io } from './io.js';
import { checkTarget, WriteError } from '../workbook/safe-write.js';
import { findInputs, runReport, type JoinedFile } from './run-checks.js';
import { insideOf } from './annotate.js';
import { pause, whenAborted } from '../check/when-aborted.js';
import { GiveWay, PutOff, Superseded, type Work } from './watch-give-way.js';

/** Workbooks the watcher reads; lock files and hidden files are never read. */
const WATCHED = new Set(['.xlsx', '.xlsm', '.csv']);
/** A save is read once the file's size has not changed for this long (Excel/WPS write in pieces). */
const STABLE_MS = 400;
/**
 * A file that does not read is read again once it has held still for each of these in turn (2, 4,
 * then 8 s): a save still being written (a slow copy to a network drive pauses between pieces) is
 * said only when it reads, or when it has held still that long and still does not. Meanwhile the
 * other saves are read: the waits are timers, not the queue's (outsider helper-70: three broken
 * files held a good save back 41 s).
 */
const SETTLE_MS = [2000, 4000, 8000];
/** A file that never holds still is read again after this long all the same. */
const SETTLE_MAX_MS = 5 * 60_000;
/** The dashboard is refreshed this long after the last save. */
const DASHBOARD_MS = 2000;
/** Files gone whose last findings are kept, to compare with when they come back (the oldest let go: memory stays flat). */
const GONE_KEPT = 1000;
/** How often the watcher looks whether the folder is still there (an unmounted drive). */
const ROOT_MS = 2000;
/**
 * How often the folder is walked all the same, for saves the watching library did not report (the sweep in
 * watchFolder): with change events every SWEEP_MS; polled, every ten polls, within SWEEP_MS_MIN and SWEEP_MS.
 */
const SWEEP_MS = 30_000;
const SWEEP_MS_MIN = 5_000;

interface WatchFlags extends CheckFlags {
  poll?: boolean | string;
  html?: string;
}

/** What one file had at its last check: its findings by fingerprint, for "how many are new". */
type Seen = Map<string, number>;

type Counts = Record<'error' | 'warning' | 'info', number>;

/**
 * The findings the rules that join files (title-duplicate across workbooks, ship-late, title-keyword-position)
 * made on one file at its last check, or at a check of another file they join it with: a save of one workbook
 * changes another's (outsider helper-114: a save's line left them out, and a partner's new duplicate was said nowhere).
 */
interface Joined { seen: Seen; counts: Counts; accepted: number }
/** What every line depends on besides the workbooks, as their saves: the config (its path and save) and the suppressions file. */
interface Besides { config: string; configSave: string; suppressions: string }
const sameBesides = (a: Besides, b: Besides) => a.config === b.config && a.configSave === b.configSave && a.suppressions === b.suppressions;

/** No join's finding on a file (`accepted`: of them, what the suppressions file accepted). */
const noJoins = (): Joined => ({ seen: new Map(), counts: { error: 0, warning: 0, info: 0 }, accepted: 0 });

/** The joins' findings on the file at `path`, as counted so far. */
function joinsOn(map: Map<string, Joined>, path: string): Joined {
  let j = map.get(path);
  if (!j) map.set(path, (j = noJoins()));
  return j;
}

/** A join's finding (its fingerprint and severity) counted on the file at `path`. */
function countJoined(map: Map<string, Joined>, path: string, key: string, severity: keyof Counts): void {
  const j = joinsOn(map, path);
  j.seen.set(key, (j.seen.get(key) ?? 0) + 1);
  j.counts[severity] += 1;
}


export function registerWatch(program: Command, io: Io): void {
  const lang = io.lang ?? DEFAULT_LANG;
  program.command('watch').argument('<dir>', t(lang, 'arg.watch-dir')).description(t(lang, 'cmd.watch'))
    .option('--poll [ms]', t(lang, 'opt.poll'))
    .option('--html <out.html>', t(lang, 'opt.watch-html'))
    .option('--annotate-dir <dir>', t(lang, 'opt.annotate-dir'))
    .option('-c, --config <file>', t(lang, 'opt.config'))
    .option('--suppressions-location <file>', t(lang, 'opt.suppressions-location'))
    .option('--lang <lang>', t(lang, 'opt.lang', { langs: 'zh | en' }))
    .option('--now <iso>', t(lang, 'opt.now'))
    .option('--force', t(lang, 'opt.force-write'))
    .action(async (dir: string, flags: WatchFlags) => {
      await watchFolder(io, dir, flags, setupCheck(io, { ...flags, format: 'text', failOn: 'error' }));
    });
}

/**
 * The fingerprint of a finding, to tell a new one from one seen at the file's last check: what it is
 * about (its rule, sheet, column, the value and what was expected, its words), not where it is — a row
 * inserted or deleted above moves every finding below it, and none of them is new (outsider
 * helper-73: one correct row inserted at the top said "6 new"). Numbers in its words are left out, as
 * they name rows ("the same title as row 12"); the value keeps the cell's own. A finding of a whole
 * sheet or file is told by its rule and place alone.
 */
export const fingerprint = (f: Finding): string => (f.row === undefined
  // a finding of a whole sheet or file is the same one while its rule finds it there: "4 candidates; the SOP asks
  // for 10–15" after a row was inserted is the "3 candidates" of before (outsider helper-74: it said 1 new)
  ? [f.ruleId, f.sheet ?? '', f.field ?? '']
  : [f.ruleId, f.sheet ?? '', f.field ?? '', shown(f.value), shown(f.expected), f.message.replace(/\d+/g, '#')]).join('\u0000');
const shown = (v: unknown): string => (v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''));

/** How many of `now` were not in `before` (as multisets). */
function newSince(before: Seen | undefined, now: Seen): number {
  let n = 0;
  for (const [k, c] of now) n += Math.max(0, c - (before?.get(k) ?? 0));
  return n;
}

/**
 * `ecsop watch DIR`: checks each workbook as it is saved and prints one line a save — time, file,
 * errors and warnings, and how many are new since the file's last check — refreshing the
 * annotated copy (`--annotate-dir`) and the dashboard (`--html`) as it goes. It reads a file once
 * its size is stable (and again, a second later, when it reads as cut short), never reads lock
 * files, goes on through deleted, renamed and unreadable files and through the folder going away
 * and coming back, and writes only where it is pointed. Ctrl-C ends it at once.
 */
async function watchFolder(io: Io, dir: string, flags: WatchFlags, setup: CheckSetup): Promise<void> {
  const lang = setup.lang;
  const root = resolve(io.cwd, dir);
  if (!statOrNone(root)?.isDirectory()) throw new UsageError('error.watch-dir', { value: dir });
  const pollMs = flags.poll === undefined ? undefined : flags.poll === true ? 1000 : Number(flags.poll);
  if (pollMs !== undefined && !(Number.isInteger(pollMs) && pollMs >= 50 && pollMs <= 600_000)) throw new UsageError('error.poll', { value: String(flags.poll) });
  // the copies' folder holding the watched folder (--annotate-dir .): nothing would be watched, which is never what was asked (check refuses it too)
  if (flags.annotateDir && insideOf(resolve(io.cwd, flags.annotateDir))(root)) throw new UsageError('error.annotate-dir-inputs', { dir: displayPath(resolve(io.cwd, flags.annotateDir), io.cwd) });
  // what ecsop itself writes is never read as a save
  const outputs = [flags.html, flags.annotateDir].filter((x): x is string => Boolean(x)).map((x) => resolve(io.cwd, x));
  const ours = (p: string) => outputs.some((o) => p === o || p.startsWith(o + sep));
  const isWorkbook = (p: string) => WATCHED.has(extname(p).toLowerCase()) && !isSkippedName(basename(p)) && !ours(p) && !relative(root, p).split(sep).some((part) => isSkippedName(part));
  /** the folder's workbooks, but for ecsop's own outputs (copies from an earlier watch pointed inside it) */
  const ownInputs = async () => (await findInputs(io, [root])).filter((f) => !ours(f.path));
  /** the workbooks under the folder now, found as check finds them (none yet is no error: the folder is watched all the same) */
  const workbooks = async () => (await ownInputs().catch((err: unknown) => { if (err instanceof UsageError) return []; throw err; })).map((f) => f.path).filter(isWorkbook);
  const seen = new Map<string, Seen>();
  /**
   * What files deleted or moved away held when they were last checked, the latest GONE_KEPT of them: one
   * that comes back (a folder moved out and back in, a save that deletes the workbook before it writes
   * it again) is compared with that, not said as a new file with every finding new (outsider helper-105).
   */
  const goneSeen = new Map<string, Seen>();
  /** the most files known at once: as many gone are remembered (at least GONE_KEPT), so memory stays what the drive's files took */
  let most = 0;
  /** each file's counts at its last check, its joins' findings included */
  const countsOf = new Map<string, Counts>();
  /** what each file gives the rules that join files, as its last check gave it (a save's joins take every other file's) */
  const joinData = new Map<string, Contribution[]>();
  /** the joins' findings on each file, as the last check that made them left them */
  const joined = new Map<string, Joined>();
  /** with a suppressions file: what it accepted of each file's findings at its last check, its joins' included */
  const acceptedOf = new Map<string, number>();
  /** with a suppressions file: each file's own findings of its last check by rule, accepted or not (JoinedFile) */
  const ownByRule = new Map<string, ReadonlyMap<string, number>>();
  /** The files a check joins with, each with its own findings (the suppressions file accepts those before the joins'). */
  const joinedFiles = (files: readonly FoundFile[]): JoinedFile[] => files.map((f) => ({ ...f, byRule: ownByRule.get(f.path) }));
  /** A file's join data as its check gave it (a file that gives none is none of a save's joins: not sorted, not named). */
  const keepJoinData = (path: string, data: Contribution[]) => {
    if (!data.length) { if (joinData.delete(path)) joinOrder = undefined; return; }
    if (!joinData.has(path)) joinOrder = undefined;
    joinData.set(path, data);
  };
  /**
   * The files that give join data, in the folder's order, each with its name in the report: sorted once, again only when
   * one comes or goes (a drive of 10,000 such files took a fifth of a second a save to sort)
   */
  let joinOrder: FoundFile[] | undefined;
  const joinFiles = () => (joinOrder ??= [...joinData.keys()].sort(folderOrder).map((p) => ({ path: p, display: displayPath(p, io.cwd) })));
  /** the work being done now (a save read, the dashboard made), to be stopped when what it reads changes; `large`: a read another save puts off */
  let current: Work | undefined;
  const giveWay = new GiveWay();
  /** An Io whose signal is Ctrl-C's and `stop`'s. */
  const stoppable = (base: Io, stop: AbortController): Io => ({ ...base, signal: io.signal ? AbortSignal.any([io.signal, stop.signal]) : stop.signal });
  /**
   * with a dashboard: each file's result as the first check or the page last read it. An unchanged file is answered
   * from it when the page is made (the first page read every workbook again), and when every file is counted again
   * with a new suppressions file, which applies after the results. Without one, results are not kept: on a drive of
   * 10,000 workbooks, keeping them made the start 10% slower and 65 MB larger, for a re-count on a rare day.
   */
  const results = flags.html ? new MemoryStore(() => nowOf(flags)) : undefined;
  /**
   * What every line depends on besides the workbooks — the config (given, or found upward from here) and the
   * suppressions file — as their saves: either changed (a colleague's --suppress-all on the drive, a limit
   * raised) and every file's counts are retaken with it (outsider helper-119: the saved file's line took the new
   * suppressions file, the other files kept what the old one accepted, and a partner's line mixed the two)
   */
  const suppressionsFile = locationOf(io, flags.suppressionsLocation);
  // one named that is not there (a typo, the drive not mounted) is said, as check says it; once there, it is taken
  if (flags.suppressionsLocation && !statOrNone(suppressionsFile)?.isFile()) io.stderr(`${t(lang, 'watch.no-suppressions', { path: displayPath(suppressionsFile, io.cwd) })}\n`);
  const besidesNow = (): Besides => {
    const config = flags.config ? resolve(io.cwd, flags.config) : findConfig(io.cwd);
    return { config: config ?? '', configSave: config ? saveKey(config) : '', suppressions: saveKey(suppressionsFile) };
  };
  /** besidesNow as the starting point read them (taken before it read them: a change while it read is one after) */
  let besides: Besides = { config: '', configSave: '', suppressions: '' };
  const changedBesides = () => !sameBesides(besidesNow(), besides);
  /**
   * The suppressions every line counts with: the file as the counts were last taken with it (null: none), not as each
   * save finds it — one saved half-typed meanwhile kept a save from being checked at all (outsider helper-120)
   */
  const readAccepted = (): SuppressionCounts | null => readSuppressionsAt(io, suppressionsFile) ?? null;
  let acceptedCounts: SuppressionCounts | null = null;
  const quiet: Io = { ...io, stdout: () => {}, stderr: () => {}, stdoutTTY: false, stderrTTY: false, stdoutStream: undefined };
  const say = (line: string) => io.stdout(`${inert(line)}\n`);
  // a file as the lines name it: from the current folder, or from the watched folder's own name when it is elsewhere
  const nameOf = (p: string) => { const d = displayPath(p, io.cwd); return isAbsolute(d) ? relative(dirname(root), p).split(sep).join('/') : d; };
  const rootShown = nameOf(root);
  /**
   * Whether the folder is there: a folder, and not one left empty after it held workbooks — an unmounted
   * network drive leaves its mount point as an empty folder (Linux, macOS), which is the drive away, not
   * every file deleted (outsider helper-106: a line a file, and past the files remembered, each "new")
   */
  const sayAway = () => say(`${stamp()}  ${t(lang, 'watch.away', { dir: rootShown })}`);
  const rootHere = () => (statOrNone(root)?.isDirectory() ?? false) && !(most > 0 && emptyFolder(root));
  /** each file's save when it was last checked (saveKey: one that keeps the size and sets the time back is another, helper-68): after the folder comes back, only the files that differ are read */
  const stamps = new Map<string, string>();
  /** the version of each file its last line (or the starting point) was about */
  const said = new Map<string, string>();
  const stamp = () => new Date().toTimeString().slice(0, 8);
  /** What went wrong, in the watch's language (a usage error's own words, a write's with its target) */
  const reasonOf = (err: unknown, target?: string) => (err instanceof UsageError ? err.text(lang) : err instanceof WriteError ? err.text(lang, target) : (err as Error).message);

  /** What the suppressions file accepted and the counts leave out, said beside them (a desk's 0 errors is never a hidden 20). */
  const accepted = (count: number) => (count ? t(lang, 'watch.suppressed', { count, path: displayPath(locationOf(io, flags.suppressionsLocation), io.cwd) }) : '');

  /**
   * Checks one file with every other file's join data (its joins are the folder's, as check's): its findings'
   * counts and fingerprints, the joins' findings it made on the other files, and its annotated copy refreshed.
   */
  const checkOne = async (path: string, stop: AbortController): Promise<{ counts: Counts; now: Seen; problem?: string; unread: boolean; suppressed: number; byRule?: ReadonlyMap<string, number>; others: Map<string, Joined> }> => {
    const counts = { error: 0, warning: 0, info: 0 };
    let suppressed = 0;
    let acceptedOwn = 0;
    let byRule: ReadonlyMap<string, number> | undefined;
    const now: Seen = new Map();
    let problem: string | undefined;
    let unread = false;
    let done = false;
    const errors: string[] = [];
    const inner: Io = { ...stoppable(quiet, stop), stderr: (text) => { errors.push(text.trim()); } };
    const file: FoundFile = { path, display: displayPath(path, io.cwd), named: true, base: root };
    // the other files' join data, before and after this one in the folder's order (the later of two equal titles is the one said)
    const before: Contribution[] = [];
    const after: Contribution[] = [];
    const others: FoundFile[] = [];
    let past = false;
    for (const f of joinFiles()) {
      if (f.path === path) { past = true; continue; }
      past ||= folderOrder(f.path, path) > 0;
      for (const c of joinData.get(f.path)!) (past ? after : before).push(c);
      others.push(f);
    }
    const pathOf = new Map(others.map((f) => [f.display, f.path]));
    const joinedNow = new Map<string, Joined>();
    await runReport(inner, [path], { ...flags, format: 'text', output: undefined, progress: false, quiet: true, annotate: undefined, annotateDir: flags.annotateDir, refresh: true }, setup, {
      files: [file],
      // the suppressions file applies as in check: its accepted findings are not counted
      drive: true,
      suppressions: acceptedCounts,
      joinWith: { before, after, files: joinedFiles(others) },
      onOutcome: (_f, outcome) => keepJoinData(path, outcome.contributions),
      onFinding: (f) => {
        const k = fingerprint(f);
        const other = f.file === file.display ? undefined : pathOf.get(f.file);
        if (other !== undefined || done) {
          // a join's finding: on this file (after it is done) or on another
          countJoined(joinedNow, other ?? path, k, f.severity);
          if (other !== undefined) return;
        }
        counts[f.severity] += 1;
        now.set(k, (now.get(k) ?? 0) + 1);
        if (f.ruleId.startsWith('file/')) { problem = f.message; unread = true; }
      },
      onFileDone: (summary, own) => { acceptedOwn = summary.suppressed ?? 0; byRule = own; done = true; },
      // what the suppressions file accepted, the joins' findings included (outsider helper-116: left out of the line),
      // on this file and on each other (helper-118: a partner's line left it out)
      onAccepted: (accepted) => {
        suppressed = accepted.get(file.display) ?? 0;
        joinsOn(joinedNow, path).accepted = suppressed - acceptedOwn;
        for (const [shown, n] of accepted) { const other = pathOf.get(shown); if (other !== undefined && n) joinsOn(joinedNow, other).accepted = n; }
      },
    });
    // the copy could not be written: its one line goes with the save's (a file that does not read says
    // why, not that no copy is made of it: outsider helper-70)
    const failed = errors.find((e) => e.startsWith('ecsop:'));
    if (failed && !unread) problem = failed.replace(/^ecsop:\s*/, '');
    joined.set(path, joinedNow.get(path) ?? noJoins());
    joinedNow.delete(path);
    return { counts, now, problem, unread, suppressed, byRule, others: joinedNow };
  };

  /** The joins of every file's last data without `gone`'s: the findings they make on each file, said for those it changes. */
  const rejoin = async (gone: string) => {
    const files = joinFiles();
    const pathOf = new Map(files.map((f) => [f.display, f.path]));
    const made = new Map<string, Joined>();
    await runReport(quiet, [], { ...flags, format: 'text', output: undefined, progress: false, quiet: true, annotate: undefined, annotateDir: undefined }, setup, {
      files: [],
      drive: true,
      suppressions: acceptedCounts,
      joinWith: { before: files.flatMap((f) => joinData.get(f.path)!), after: [], files: joinedFiles(files) },
      onFinding: (f) => {
        const at = pathOf.get(f.file);
        if (at !== undefined) countJoined(made, at, fingerprint(f), f.severity);
      },
      onAccepted: (accepted) => { for (const [shown, n] of accepted) { const at = pathOf.get(shown); if (at !== undefined && n) joinsOn(made, at).accepted = n; } },
    });
    partners(gone, made, 'gone');
  };

  /**
   * The other files whose joins' findings a save changed (a title now repeated in them, or no longer): each
   * said in a line of its own, its counts and what is new as its own save's line would say them.
   */
  const partners = (saved: string, made: Map<string, Joined>, how: 'saved' | 'gone' = 'saved') => {
    const touched = new Set([...made.keys(), ...[...joined].filter(([p, j]) => p !== saved && (j.seen.size || j.accepted)).map(([p]) => p)]);
    for (const p of [...touched].sort(folderOrder)) {
      const before = seen.get(p);
      const counts = countsOf.get(p);
      if (!before || !counts) continue;
      const was = joined.get(p) ?? noJoins();
      const is = made.get(p) ?? noJoins();
      // (a change only in what the suppressions file accepted is one too: the line says the accepted count)
      if (sameSeen(was.seen, is.seen) && was.accepted === is.accepted) continue;
      const now: Seen = new Map(before);
      for (const [k, n] of was.seen) { const left = (now.get(k) ?? 0) - n; if (left > 0) now.set(k, left); else now.delete(k); }
      for (const [k, n] of is.seen) now.set(k, (now.get(k) ?? 0) + n);
      const c: Counts = { error: counts.error - was.counts.error + is.counts.error, warning: counts.warning - was.counts.warning + is.counts.warning, info: counts.info - was.counts.info + is.counts.info };
      const fresh = newSince(before, now);
      const accepting = (acceptedOf.get(p) ?? 0) - was.accepted + is.accepted;
      seen.set(p, now);
      countsOf.set(p, c);
      if (accepting) acceptedOf.set(p, accepting); else acceptedOf.delete(p);
      joined.set(p, is);
      results?.forget(p);
      say(`${stamp()}  ${nameOf(p)}  ${t(lang, how === 'saved' ? 'watch.line-joined' : 'watch.line-joined-gone', { errors: c.error, warnings: c.warning, fresh, saved: nameOf(saved) })}${accepted(accepting)}`);
    }
  };

  // the queue of saves: each file once however often it is saved meanwhile, one at a time, with the
  // number of times it was read and did not (0 for a save)
  const queue = new Map<string, number>();
  /**
   * A save of `p` to be read: what is being done now stops as GiveWay says (a save the catch-up found, or one read
   * again once it held still, as the watcher's own reports: helper-118's save during the first check waited 30 s and
   * more behind the first dashboard, clean-clone CI on a loaded machine)
   */
  const enqueue = (p: string, attempt = 0) => { supersede(p); if (!waiting.has(p)) { queue.set(p, attempt); kick(); } };
  /** `then(p)` in `ms`, once: a file's timer in `timers` (a later one for the same file replaces it); none once stopped. */
  const after = (timers: Map<string, NodeJS.Timeout>, p: string, ms: number, then: (p: string) => void) => {
    clearTimeout(timers.get(p));
    timers.set(p, setTimeout(() => { timers.delete(p); if (!stopped) then(p); }, ms));
  };
  /** Files that did not read, waiting to hold still before they are read again. */
  const waiting = new Map<string, NodeJS.Timeout>();
  /**
   * Reads `p` again once it has held still for SETTLE_MS[attempt - 1] (from `since`, its stamp when it was
   * read); a save meanwhile starts the wait again (a slow copy still going on). Other saves come
   * before reports of this one: they wait on the timer.
   */
  const readAgain = (p: string, attempt: number, since: string, began = Date.now()): void => after(waiting, p, SETTLE_MS[attempt - 1], () => {
    const now = saveKey(p);
    if (now && now !== since && Date.now() - began < SETTLE_MAX_MS) readAgain(p, attempt, now, began);
    else enqueue(p, now ? attempt : 0);
  });
  let running: Promise<void> | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = () => {
    if (!flags.html || stopped) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void enqueueDashboard(), DASHBOARD_MS);
  };
  let dashboardDue = false;
  const enqueueDashboard = () => { dashboardDue = true; kick(); };
  const writeDashboard = async () => {
    // the folder away: the page stays as it was until it comes back
    if (!rootHere()) return;
    // a save meanwhile stops it (its line first: a large workbook in the folder made each save's line 10–17 s late,
    // outsider helper-114); it is made again after
    const stop = new AbortController();
    current = { stop };
    try {
      await runReport(stoppable(quiet, stop), [root], { ...flags, format: 'html', output: flags.html, progress: false, annotate: undefined, annotateDir: undefined }, { ...setup, format: 'html' }, { drive: true, suppressions: acceptedCounts, store: results, files: await ownInputs() });
      giveWay.dashboardMade();
    } catch (err) {
      if (stop.signal.reason instanceof Superseded && !io.signal?.aborted) { refresh(); return; }
      if (err instanceof Interrupted) throw err;
      say(`${stamp()}  ${t(lang, 'watch.dashboard-failed', { reason: reasonOf(err, flags.html) })}`);
    } finally {
      current = undefined;
    }
  };
  const one = async (path: string, attempt: number) => {
    const shown = nameOf(path);
    // the whole folder gone (an unmounted drive) is one line of the folder's, not one a file
    if (!rootHere()) return;
    const gone = async () => {
      // a file a line was said of (every file read is: `said` is set before `seen`), one that did not read too: its
      // deletion is its one line; one never said (a slow save deleted before it was whole) is none (helper-106)
      const known = said.has(path);
      stamps.delete(path);
      said.delete(path);
      const was = seen.get(path);
      if (was) {
        goneSeen.delete(path);
        goneSeen.set(path, was);
        if (goneSeen.size > Math.max(GONE_KEPT, most)) goneSeen.delete(goneSeen.keys().next().value!);
      }
      seen.delete(path);
      countsOf.delete(path);
      acceptedOf.delete(path);
      ownByRule.delete(path);
      const joining = joinData.has(path);
      keepJoinData(path, []);
      joined.delete(path);
      if (known) say(`${stamp()}  ${shown}  ${t(lang, 'watch.gone')}`);
      // what it gave the joins is gone with it: the others' findings it made are said now, as its going's (outsider
      // helper-116: said at the next save of any file, as that save's)
      if (joining) await rejoin(path);
      results?.forget(path);
      refresh();
    };
    if (!statOrNone(path)?.isFile()) { await gone(); return; }
    const stampBefore = saveKey(path);
    // this version was said already: reports of a save that came while it was read (each piece of a slow
    // copy is one) are not a line each
    if (stampBefore === said.get(path)) return;
    // the version being read is the one read last from now: a report of the same save meanwhile (the
    // watcher's, while a catch-up reads it) is not read twice
    stamps.set(path, stampBefore);
    const stop = new AbortController();
    current = giveWay.check(path, statOrNone(path)?.size ?? 0, stop);
    // other saves already waiting (they came while something that does not give way was done: a stale dashboard, a
    // re-count): read first, as a save coming during this read would be, not 10–40 s behind it
    if (current.large && queue.size) stop.abort(new PutOff());
    let result;
    try {
      stop.signal.throwIfAborted();
      result = await checkOne(path, stop);
    } catch (err) {
      // deleted, renamed or saved again while it was read (outsider helper-114: a workbook deleted mid-read was read
      // to its end, 21 s, every other save waiting): gone, or read again as the save it now is; a large one put
      // off for another file's save: read again after that save (and any others waiting)
      if (!(stop.signal.reason instanceof Superseded) || io.signal?.aborted) throw err;
      stamps.delete(path);
      giveWay.stopped(path, stop.signal.reason);
      if (statOrNone(path)?.isFile()) enqueue(path); else await gone();
      return;
    } finally {
      current = undefined;
    }
    giveWay.checked(path);
    if (stopped || io.signal?.aborted) return;
    // deleted before it was whole: said as gone, not as unreadable (outsider helper-69)
    if (!statOrNone(path)?.isFile()) { await gone(); return; }
    // a save still being written does not read: read again once it has held still, the other saves first
    if (result.problem && attempt < SETTLE_MS.length) { readAgain(path, attempt + 1, stampBefore); return; }
    said.set(path, stampBefore);
    const before = seen.get(path) ?? goneSeen.get(path);
    const fresh = newSince(before, result.now);
    // a file that does not read is compared, next time, with what it held when it last read (or, new, with nothing)
    if (!result.unread) {
      seen.set(path, result.now);
      countsOf.set(path, result.counts);
      if (result.suppressed) acceptedOf.set(path, result.suppressed); else acceptedOf.delete(path);
      if (result.byRule) ownByRule.set(path, result.byRule); else ownByRule.delete(path);
      goneSeen.delete(path);
      most = Math.max(most, seen.size);
    }
    results?.forget(path);
    const counts = { errors: result.counts.error, warnings: result.counts.warning, fresh };
    say(`${stamp()}  ${shown}  ${before ? t(lang, 'watch.line', counts) : t(lang, 'watch.line-new', counts)}${accepted(result.suppressed)}${result.problem ? `  ${result.problem}` : ''}`);
    partners(path, result.others);
    refresh();
  };
  /** The config or the suppressions file changed: noticed at the next save, or within ROOT_MS without one. */
  let retakeDue = false;
  /** why the config or the suppressions file did not read, as last said ('' once they read) */
  let unreadSaid = '';
  /**
   * Every file's counts taken again with the config and suppressions file as they are now, said in one line as
   * the start's. Saves waiting are still said each in its own line, against what their files held when last said.
   */
  const retake = async () => {
    const was = besides;
    const now = besidesNow();
    // what changed, by name (a config gone is named as it was)
    const configChanged = now.config !== was.config || now.configSave !== was.configSave;
    const changed = [...(configChanged ? [now.config || was.config] : []), ...(now.suppressions !== was.suppressions ? [suppressionsFile] : [])];
    // changed back meanwhile (saved, then put back as it was): nothing to count again
    if (!changed.length) return;
    besides = now;
    let counts: SuppressionCounts | null;
    try {
      io.config = undefined;
      setup = setupCheck(io, { ...flags, format: 'text', failOn: 'error' });
      counts = readAccepted();
    } catch (err) {
      // one saved half-typed: said once, and the watch goes on as it was (the next good save of it is taken); the
      // same fault saved again (touched, written again as it was) is not said again (outsider helper-121)
      const reason = reasonOf(err);
      if (reason !== unreadSaid) say(`${stamp()}  ${t(lang, 'watch.besides-unread', { reason })}`);
      unreadSaid = reason;
      return;
    }
    unreadSaid = '';
    // one named that is gone now (the drive's copy deleted): said when it goes, as at the start, not again at a
    // config's change (outsider helper-122)
    if (!counts && flags.suppressionsLocation && now.suppressions !== was.suppressions) say(`${stamp()}  ${t(lang, 'watch.no-suppressions', { path: displayPath(suppressionsFile, io.cwd) })}`);
    acceptedCounts = counts;
    // a config changes every file's result; a suppressions file only what is accepted of them
    if (configChanged) results?.clear();
    // each file as its last line left it: one saved since — before the count, or while it read the folder — is said
    // in a line of its own after, against that (outsider helper-120: such a save had no line, or "0 new")
    const saidBefore = new Map(said);
    const seenBefore = new Map(seen);
    const goneBefore = new Map(goneSeen);
    const found = await steadyBaseline();
    // what files deleted before held, for when they come back (one back meanwhile is compared with it below)
    for (const [p, held] of goneBefore) goneSeen.set(p, held);
    for (const [p, was] of saidBefore) {
      // (as it is now: one saved while the count read it — its new bytes read, its stamp the old one — is one too,
      // outsider helper-121: "0 new")
      if (said.get(p) === was && saveKey(p) === was) continue;
      said.set(p, was);
      const held = seenBefore.get(p);
      if (held) seen.set(p, held); else seen.delete(p);
      enqueue(p);
    }
    for (const p of [...said.keys()]) if (!saidBefore.has(p)) { said.delete(p); seen.delete(p); enqueue(p); }
    say(`${stamp()}  ${t(lang, 'watch.retaken', { what: changed.map((p) => displayPath(p, io.cwd)).join(t(lang, 'list.and')), files: found.files, errors: found.errors, warnings: found.warnings, suppressed: accepted(found.suppressed) })}`);
    refresh();
  };
  const kick = () => {
    // nothing to do: the loop below would end before `running` is set, and `running` would never be cleared
    if (running || stopped || !(queue.size || dashboardDue || retakeDue)) return;
    running = (async () => {
      try {
        while (!stopped && (queue.size || dashboardDue || retakeDue)) {
          // before any save is read: what it is checked with is what every other file's counts were taken with
          // (the folder away — an unmounted drive, the suppressions file kept on it gone with it — is no change: it is
          // looked at again once the folder is back)
          const retaking = (retakeDue || changedBesides()) && rootHere();
          retakeDue = false;
          if (retaking) {
            await retake();
          } else if (queue.size) {
            const [[path, attempt]] = queue;
            queue.delete(path);
            try {
              await one(path, attempt);
            } catch (err) {
              // said with the file it is about, and the saves after it are read all the same
              if (err instanceof Interrupted) throw err;
              say(`${stamp()}  ${nameOf(path)}  ${t(lang, 'watch.failed', { reason: reasonOf(err) })}`);
            }
          } else {
            dashboardDue = false;
            await writeDashboard();
          }
        }
      } catch (err) {
        if (!(err instanceof Interrupted)) say(`${stamp()}  ${t(lang, 'watch.failed', { reason: reasonOf(err) })}`);
      } finally {
        running = undefined;
      }
    })();
  };
  /** A save or a deletion of `p`: the dashboard being made, or `p`'s own check, stops (either is done again after). */
  const supersede = (p: string) => {
    const reason = current && giveWay.stops(current, p);
    if (reason) current!.stop.abort(reason);
  };
  // a save as the watcher reports it: read unless it is the version read last (one catchUp read already)
  const saved = (p: string) => { if (isWorkbook(p) && saveKey(p) !== stamps.get(p)) enqueue(p); };
  const removed = (p: string) => { if (isWorkbook(p)) enqueue(p); };
  /** A save the library did not report, reported once the file has held still STABLE_MS as its own are. */
  const later = new Map<string, NodeJS.Timeout>();
  const savedLater = (p: string) => after(later, p, STABLE_MS, saved);

  // the starting point: every workbook's findings, the line a save is compared with
  const baseline = async () => {
    let errors = 0;
    let warnings = 0;
    let files = 0;
    let suppressed = 0;
    const byFile = new Map<string, Seen>();
    const paths = await workbooks();
    // each file's save as it was before the check read it: one saved while the check runs (it takes seconds beside a
    // large export) differs from it, and the catch-up after the start reads it again (outsider helper-118: such a save
    // was never said, and the file's findings stayed those of before)
    const before = new Map(paths.map((p) => [p, saveKey(p)]));
    const inputs = paths.length ? await ownInputs() : [];
    const pathOf = new Map(inputs.map((f) => [f.display, f.path]));
    let filesDone = 0;
    if (paths.length) await runReport(quiet, [root], { ...flags, format: 'text', output: undefined, progress: false, quiet: true, annotate: undefined, annotateDir: undefined }, setup, {
      files: inputs,
      drive: true,
      suppressions: acceptedCounts,
      store: results,
      onOutcome: (f, outcome) => keepJoinData(f.path, outcome.contributions),
      onFinding: (f) => {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        const path = pathOf.get(f.file) ?? resolve(io.cwd, f.file);
        const s = byFile.get(path) ?? new Map<string, number>();
        byFile.set(path, s);
        const k = fingerprint(f);
        s.set(k, (s.get(k) ?? 0) + 1);
        const c = countsOf.get(path) ?? { error: 0, warning: 0, info: 0 };
        countsOf.set(path, c);
        c[f.severity] += 1;
        // after every file is done: a join's
        if (filesDone >= inputs.length) countJoined(joined, path, k, f.severity);
      },
      onFileDone: (summary, byRule) => {
        filesDone++;
        const path = pathOf.get(summary.path);
        if (path === undefined) return;
        if (byRule) ownByRule.set(path, byRule);
        if (summary.suppressed) acceptedOf.set(path, summary.suppressed);
      },
      // what the suppressions file accepted of each file, the joins' findings included (those come after every file is done)
      onAccepted: (accepted) => {
        for (const [shown, n] of accepted) {
          const path = pathOf.get(shown);
          if (path === undefined) continue;
          suppressed += n;
          const late = n - (acceptedOf.get(path) ?? 0);
          if (late) joinsOn(joined, path).accepted = late;
          if (n) acceptedOf.set(path, n);
        }
      },
    });
    for (const p of paths) { files++; seen.set(p, byFile.get(p) ?? new Map()); countsOf.set(p, countsOf.get(p) ?? { error: 0, warning: 0, info: 0 }); stamps.set(p, before.get(p) ?? ''); said.set(p, stamps.get(p)!); }
    most = Math.max(most, seen.size);
    return { files, errors, warnings, suppressed };
  };

  /**
   * The starting point, taken again when the folder went away or another came in its place while it was
   * read: a drive dropping in the first seconds had its files read as unreadable, the start line's counts
   * wrong, and each file "new" when it was back (outsider helper-107). Said away once while it is; Ctrl-C
   * ends the wait.
   */
  const steadyBaseline = async () => {
    let saidAway = false;
    for (;;) {
      const before = folderId();
      for (const m of [seen, stamps, said, goneSeen, countsOf, joinData, joined, acceptedOf, ownByRule]) m.clear();
      joinOrder = undefined;
      most = 0;
      const found = await baseline();
      if (rootHere() && folderId() === before) return found;
      while (!rootHere() && !io.signal?.aborted) {
        if (!saidAway) { saidAway = true; sayAway(); }
        await pause(ROOT_MS, io.signal);
      }
      if (io.signal?.aborted) throw io.signal.reason instanceof Interrupted ? io.signal.reason : new Interrupted('SIGINT');
    }
  };

  /**
   * Saves no watcher can have seen: files new, saved or gone since they were last read, queued. For
   * the folder coming back, and as the watcher starts: its walk and its pollers' first look come
   * after the starting point was read, and a save in between was never reported (clean-clone CI,
   * `--poll 200`: a save right after the start line, once in some hundred runs).
   */
  const catchUp = async () => {
    const now = new Set(await workbooks());
    let later = false;
    for (const p of now) {
      if (seen.has(p) && saveKey(p) === stamps.get(p)) continue;
      // a save that may still be going on waits, as the watcher's own reports do, until it has held
      // still STABLE_MS: read at once, it was read again when the watcher reported it, and its copy
      // refreshed twice (clean-clone CI: a .bak beside a copy written once)
      const age = Date.now() - (statOrNone(p)?.mtimeMs ?? 0);
      if (age >= 0 && age < STABLE_MS) { later = true; continue; }
      enqueue(p);
    }
    for (const p of seen.keys()) if (!now.has(p)) enqueue(p);
    kick();
    if (later && !stopped) { clearTimeout(catchUpLater); catchUpLater = setTimeout(() => void catchUp(), STABLE_MS); }
  };
  let catchUpLater: NodeJS.Timeout | undefined;

  let watcher: FSWatcher | undefined;
  /** Watches the folder; resolves once the watcher has walked it (saves from then on are seen). */
  /** the folder the watcher was started on (device and inode): a drive mounted over it is another folder at the same path */
  let watchedFolder: string | undefined;
  const folderId = () => { const st = statOrNone(root); return st ? `${st.dev}:${st.ino}` : undefined; };
  const start = () => new Promise<void>((ready) => {
    watchedFolder = folderId();
    watcher = watchFiles(root, {
      ignoreInitial: true,
      // directories are walked; of files, only workbooks (never ~$x.xlsx, .~lock.x.xlsx#, hidden files or ecsop's own outputs)
      ignored: (p: string, stats?: { isFile(): boolean }) => p !== root && (isSkippedName(basename(p)) || ours(p) || (stats?.isFile() === true && !isWorkbook(p))),
      awaitWriteFinish: { stabilityThreshold: STABLE_MS, pollInterval: 100 },
      atomic: true,
      ...(pollMs !== undefined ? { usePolling: true, interval: pollMs, binaryInterval: pollMs } : {}),
    });
    watcher.on('add', saved).on('change', saved).on('unlink', removed).on('error', () => { /* a folder gone mid-walk: the root check below takes over */ });
    // polled, the library reports a file changed only when it grew, shrank or has a later time: a save of the
    // same size with its time set back changes only the change time, seen in the poller's own look (raw)
    if (pollMs !== undefined) watcher.on('raw', (_event, p, opts) => {
      const looked = opts as { curr?: { ctimeMs: number }; prev?: { ctimeMs: number } } | undefined;
      if (looked?.curr && looked.prev && looked.curr.ctimeMs !== looked.prev.ctimeMs && isAbsolute(p)) savedLater(p);
    });
    watcher.once('ready', () => ready());
  });

  // the dashboard's target is checked as --output is, before anything is read: never a workbook, never another's page
  if (flags.html) await checkTarget(resolve(io.cwd, flags.html), { kind: 'html', report: true, force: Boolean(flags.force), inputs: await workbooks() });
  besides = besidesNow();
  acceptedCounts = readAccepted();
  const first = await steadyBaseline();
  // the line says the folder is watched: only once it is
  await start();
  say(t(lang, 'watch.start', { dir: rootShown, files: first.files, errors: first.errors, warnings: first.warnings, suppressed: accepted(first.suppressed), how: pollMs !== undefined ? t(lang, 'watch.polling', { ms: pollMs }) : t(lang, 'watch.events') }));
  // (its first page counts as stale from now: the first check may have taken longer than the limit)
  giveWay.dashboardMade();
  if (flags.html) { dashboardDue = true; kick(); }
  await catchUp();
  // polled: again once each poller has had its first look (a save before that is no change to it)
  const caughtUp = pollMs !== undefined ? setTimeout(() => void catchUp(), pollMs * 2) : undefined;

  // the folder going away (an unmounted drive) and coming back: watched again, and what changed meanwhile read
  let away = false;
  const rootTimer = setInterval(() => void (async () => {
    if (!retakeDue && changedBesides() && rootHere()) { retakeDue = true; kick(); }
    const here = rootHere();
    if (!here && !away) {
      away = true;
      sayAway();
      void watcher?.close();
      watcher = undefined;
    } else if (here && (away || folderId() !== watchedFolder)) {
      // back; or another folder at the path (a drive mounted over the mount point a file was saved into meanwhile):
      // the watcher's folder is covered and its events never come (outsider helper-107). Watched anew either way
      if (away) say(`${stamp()}  ${t(lang, 'watch.back', { dir: rootShown })}`);
      away = false;
      void watcher?.close();
      watcher = undefined;
      void start();
      // what changed meanwhile: new files, files saved, files gone; the others are as they were
      if (flags.html) refresh();
      await catchUp();
    }
  })(), ROOT_MS);

  // The sweep: the folder walked every so often, and what the watching library did not report read as its own reports
  // are (a file new, saved or gone since its last line; a version said already is not said again). On Linux a drive of
  // more folders than the system lets one watch (fs.inotify.max_user_watches) has folders whose saves are never
  // reported; the library may miss a folder moved out and back in (seen once, polled, in this project's tests; chokidar
  // #1059); a poll interval longer than the sweep's. Each such save is still said, within SWEEP_MS.
  const sweep = setInterval(() => { if (!away) void catchUp(); }, pollMs !== undefined ? Math.min(SWEEP_MS, Math.max(SWEEP_MS_MIN, pollMs * 10)) : SWEEP_MS);

  // until Ctrl-C (or SIGTERM): then at once, the file being read stopped, no partial output left
  await new Promise<void>((resolveStop) => { whenAborted(io.signal, resolveStop); });
  stopped = true;
  clearInterval(rootTimer);
  clearInterval(sweep);
  clearTimeout(refreshTimer);
  clearTimeout(caughtUp);
  clearTimeout(catchUpLater);
  for (const timer of later.values()) clearTimeout(timer);
  for (const timer of waiting.values()) clearTimeout(timer);
  await watcher?.close();
  await running?.catch(() => {});
  throw io.signal?.reason instanceof Interrupted ? io.signal.reason : new Interrupted('SIGINT');
}

/**
 * Whether a folder holds nothing but what is never read — hidden files (a mount point's `.NOT_MOUNTED`,
 * Finder's `.DS_Store`) and lock files (outsider helper-107) — read up to its first other entry, not the
 * whole list; one that cannot be read is not said to be empty.
 */
function emptyFolder(dir: string): boolean {
  try {
    const d = opendirSync(dir);
    try {
      for (let e = d.readSync(); e; e = d.readSync()) if (!isSkippedName(e.name)) return false;
      return true;
    } finally {
      d.closeSync();
    }
  } catch {
    return false;
  }
}

/** Paths in the order check finds them: folder by folder, each folder's names in natural order (2 before 10). */
function folderOrder(a: string, b: string): number {
  const x = a.split(sep);
  const y = b.split(sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = naturalOrder(x[i], y[i]);
    if (c) return c;
  }
  return x.length - y.length;
}

/** Whether two files' findings are the same (as multisets). */
function sameSeen(a: Seen, b: Seen): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}
