import { wallClockMinute } from '../cells/date.js';
import { whenAborted } from '../check/when-aborted.js';
import { availableParallelism } from 'node:os';
import type { CollectSpec } from '../check/collector.js';
import type { RecordTaker } from '../report/records.js';
import { CHARTS } from './units.js';
import { displayPath, findFiles, PathError, statsOnce, type FileStat, type FoundFile } from '../check/files.js';
import type { Lang } from '../i18n/format.js';
import type { Finding } from '../rules/types.js';
import { runCheck, statInWorkers, warmUpWorkers, warmWorkers, type JoinWith, type ResultStore, type RunSink } from '../check/run.js';
import type { FileOutcome } from '../check/engine.js';
import { VERSION } from './version.js';
import { FORMATS, listsFirst } from '../report/formats.js';
import { Totals } from '../report/totals.js';
import { atOrAbove, type CheckReport, type FileSummary, type Severity, type SkippedFindings } from '../report/types.js';
import type { Extra, ReportWriter } from '../report/writer.js';
import type { KindId } from '../sheets/types.js';
import { kindById } from '../sheets/registry.js';
import { t } from '../i18n/catalog.js';
import { inEvery } from '../i18n/format.js';
import { intFlag, nowOf, nowOffsetOf } from './common.js';
import { encodingOf, type CheckFlags, type CheckSetup } from './flags.js';
import { EXIT, UsageError, useColor, type Io } from './io.js';
import { OutputClosed, openOutput, sayWritten, type ReportOutput } from './output.js';
import { Progress } from './progress.js';
import { prepareAnnotations } from './annotate.js';
import { cacheLocation, keepRun, openCache, saveCache } from './cache.js';
import { readAhead } from '../drive/result-cache.js';
import { warmUpFor } from './warm-up.js';
import { finishSuppressions, locationOf as suppressionsLocation, openSuppressions, writesSuppressions } from './suppress.js';
import { refuseSharedOutputs } from './one-file-each.js';
import { journalOf } from '../drive/cache-file.js';
import { statOrNone } from '../workbook/stat-or-none.js';
import { resolve } from 'node:path';
import { rowOwners } from '../check/collectors.js';
import { SuppressionFilter, type SuppressionCounts } from '../drive/suppressions.js';
import { historyOf, readLines, runStamp, runsOf, SAME_RUN_MS, scopeOf, type HistoryLine, type HistoryRead, type RunScope } from '../drive/history.js';
import { driveRun, TREND_RUNS, type DashboardInput } from '../report/dashboard.js';

/** What a command asks of the run besides every rule, and what it adds to the report. */
export interface ReportRequest {
  onlyKinds?: readonly KindId[];
  collect?: CollectSpec;
  /** rules whose findings are counted but not listed (the command shows them another way) */
  countOnly?: readonly string[];
  /** the category of titles checked without a workbook */
  category?: string;
  /** each record as it comes, by its channel (the review queue, the score ranking …) */
  records?: RecordTaker;
  /** a promise while what `take` writes to (the queue file) is behind */
  ready?(): Promise<void> | undefined;
  /** what the JSON report adds after `summary` */
  extras?: Extra[];
  /** what the text report prints after the files (the review queue, the ranking …) */
  sections?: () => string;
  /** the files, when the command found them already */
  files?: FoundFile[];
  /** each finding as it comes (a command that writes a copy refuses an unsafe input) */
  onFinding?(f: Finding): void;
  /**
   * each file's summary as the report counts it (its `suppressed`: findings the suppressions file accepted), and
   * with a suppressions file its findings by rule so far, accepted or not (what a later run's joins count on after: JoinedFile)
   */
  onFileDone?(summary: FileSummary, byRule?: ReadonlyMap<string, number>): void;
  /** results of earlier runs of this process to reuse (watch's dashboard) */
  store?: ResultStore;
  /** check's run of a shared drive (issue #26): the suppressions file applies, the HTML report is the drive dashboard */
  drive?: boolean;
  /** files not in the run whose last checks' join data the run's joins take too (ecsop watch: a save's joins are the folder's) */
  joinWith?: JoinWith & { files: readonly JoinedFile[] };
  /** each file's outcome before the joins (what it gives them) */
  onOutcome?(file: FoundFile, outcome: FileOutcome): void;
  /**
   * with a suppressions file, at the run's end: the findings it accepted of each file the run names (its own and
   * joinWith's), by the path the report shows; the joins' findings come after a file's onFileDone
   */
  onAccepted?(accepted: ReadonlyMap<string, number>): void;
  /**
   * with `drive`, the suppressions the run applies as its caller last read the file (ecsop watch: every line counts
   * with the one read the watch's counts were taken with, and a file saved half-typed meanwhile is none of them); null:
   * none. Not given: the file is read as the run begins.
   */
  suppressions?: SuppressionCounts | null;
}

/**
 * A file whose last check's join data a run takes (ReportRequest.joinWith), with its own findings of that check by
 * rule, accepted or not: the suppressions file accepts those first, and the joins' findings on it only after, as
 * check counts them (a file's ship-late of its own sheets and of the joins share one entry).
 */
export interface JoinedFile extends FoundFile { byRule?: ReadonlyMap<string, number> }

/** Inputs this many or more are looked at (`stat`) by a worker: fewer take less than the message's round trip. */
const STAT_IN_WORKER = 500;

/** The files the paths name, found once for the run and for the writes' never-onto-an-input check. */
export async function findInputs(io: Io, paths: string[]): Promise<FoundFile[]> {
  try {
    return await findFiles(paths, io.cwd);
  } catch (err) {
    if (err instanceof PathError) throw new UsageError(err.key, { value: err.path });
    throw err;
  }
}

/**
 * The findings of each sheet the report lists (text, and HTML without the drive dashboard), when
 * nothing else in the run needs the others built: the workers then count the rest instead of making
 * their messages (issue #25). Every other format, --all, --annotate, the dashboard (it counts every
 * finding by its row's person) and a command that reads each finding (lint's suggestions) get them all.
 */
function shownFirst(flags: CheckFlags, setup: CheckSetup, dashboard: DashboardInput | undefined): { max: number; errorsOnly: boolean } | undefined {
  const lists = listsFirst(setup.format);
  if (!lists || dashboard || flags.all || process.env.ECSOP_BUILD_ALL === '1') return undefined;
  const max = flags.maxFindings === undefined ? lists.max : intFlag(flags.maxFindings, '--max-findings', 0);
  return max >= 1 ? { max, errorsOnly: lists.quietErrorsOnly && Boolean(flags.quiet) } : undefined;
}

/** The writer of the chosen format, on the chosen output, with what every format may need made once. */
function writerFor(io: Io, flags: CheckFlags, setup: CheckSetup, out: ReportOutput, request: ReportRequest, dashboard?: DashboardInput): ReportWriter {
  const toTerminal = !flags.output && io.stdoutTTY;
  return FORMATS[setup.format].make(out, {
    lang: setup.lang,
    color: !flags.output && useColor(io, io.stdoutTTY),
    columns: toTerminal ? io.columns ?? 80 : undefined,
    maxFindings: flags.all ? Infinity : flags.maxFindings === undefined ? undefined : intFlag(flags.maxFindings, '--max-findings', 0),
    quiet: Boolean(flags.quiet),
    sections: request.sections,
    extras: request.extras,
    failOn: setup.failOn,
    limits: setup.judged,
    charts: setup.format === 'html' ? CHARTS.map((c) => c.make()) : [],
    time: wallClockMinute(nowOf(flags)),
    version: VERSION,
    dashboard,
  });
}

/** Which folders a run read, as its history tells runs apart (a shop's folder is not the whole drive): see scopeOf. */
function driveScope(io: Io, paths: readonly string[], history: string): RunScope {
  return scopeOf(paths.map((p) => resolve(io.cwd, p)), history);
}

/** What the drive dashboard needs before the run: each file's last save, and the earlier runs of the same folders. */
function dashboardInput(files: readonly FoundFile[], history: readonly HistoryLine[], scope: RunScope, stamp: string, statOf: (path: string) => FileStat | undefined): DashboardInput {
  const savedAt = new Map<string, number>();
  for (const f of files) {
    const st = statOf(f.path);
    if (st) savedAt.set(f.display, st.mtimeMs);
  }
  const runs = runsOf(history, scope);
  // this run is drawn as itself: the history's last line, when it is this run (a --cache run just before, the same
  // run again, as addRun takes it), is not drawn twice; an older line near this run's --now is another run (helper-69)
  const last = runs[runs.length - 1];
  if (last && Math.abs(Date.parse(last.at) - Date.parse(stamp)) < SAME_RUN_MS) runs.pop();
  // in the order the runs were made (the history's own order), not by their --now: a run reproducing a
  // past day is still the latest check, drawn last as the page says (outsider helper-68)
  return { savedAt, history: runs.slice(-(TREND_RUNS - 1)), now: stamp };
}

/**
 * What the trend left out of a history a run only reads (without --cache: a --cache run says it as it
 * writes the history, keeping the file as it was): one line, never silence (outsider helper-117).
 */
function historyUnread(io: Io, lang: Lang, history: string, read: HistoryRead): void {
  const path = displayPath(history, io.cwd);
  if (read.foreign) io.stderr(`${t(lang, 'history.unread-all', { path })}\n`);
  else if (read.dropped) io.stderr(`${t(lang, 'history.unread', { path, count: read.dropped })}\n`);
}

/** What the HTML report's charts need besides what the command collects itself. */
function withCharts(setup: CheckSetup, collect: CollectSpec = []): CollectSpec {
  if (setup.format !== 'html') return collect;
  const charts = CHARTS.map((c) => c.ask(setup.judged));
  // the command's own request wins over the charts' of the same collector
  return [...collect, ...charts.filter((c) => !collect.some((own) => own.name === c.name))];
}

/** What `run` gave, or what it threw, to be thrown later. */
function attempt<T>(run: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Files the run reads besides its inputs: the config and the suppressions file (never written over by a report either). */
function readBesides(setup: CheckSetup, suppressAt: string | undefined): string[] {
  return [setup.config.path, suppressAt].filter((p): p is string => p !== undefined && statOrNone(p)?.isFile() === true);
}

/**
 * Runs the checks over the paths and writes the report as the run goes, in the chosen format,
 * to stdout or `--output`; returns the exit code. A closed pipe ends the run quietly with the
 * code of what was found so far; Ctrl-C removes a partial output file.
 */
export async function runReport(io: Io, paths: string[], flags: CheckFlags, setup: CheckSetup, request: ReportRequest = {}): Promise<number> {
  // a worker starts now: its start-up overlaps finding the files, opening the output and reading the cache
  warmWorkers(setup.config);
  const progress = new Progress(io, flags.progress !== false && io.stderrTTY, setup.lang);
  const stop = new AbortController();
  const offSignal = whenAborted(io.signal, () => stop.abort(io.signal?.reason));
  // the cache is read while the files are found (a wrong --cache-location is said where it always was: after the paths and the output)
  const cacheAt = flags.cache || flags.cacheLocation !== undefined ? attempt(() => cacheLocation(io, flags.cacheLocation)) : undefined;
  const cacheAhead = cacheAt?.ok ? readAhead(cacheAt.value) : undefined;
  // two outputs of the run never name one file (the cache written over the report), checked before anything is read
  const suppressAt = request.drive ? suppressionsLocation(io, flags.suppressionsLocation) : undefined;
  refuseSharedOutputs(io, [
    ...(flags.output && flags.output !== '-' ? [{ flag: '--output', path: resolve(io.cwd, flags.output) }] : []),
    ...(cacheAt?.ok ? [cacheAt.value, journalOf(cacheAt.value), historyOf(cacheAt.value)].map((path) => ({ flag: '--cache-location', path })) : []),
    ...(suppressAt && writesSuppressions(flags) ? [{ flag: '--suppressions-location', path: suppressAt }] : []),
  ]);
  const found = request.files ?? await findInputs(io, paths);
  // each input looked at once this run, by whichever asks first (the output's check, the cache's lookups)
  const statOf = statsOnce();
  // many: by a worker of the pool while this thread reads the cache; a big cache: that worker warms up after them
  const warmUp = cacheAt?.ok ? warmUpFor(cacheAt.value) : undefined;
  if (found.length >= STAT_IN_WORKER) {
    const inputs = found.map((f) => f.path);
    const values = await statInWorkers(setup.config, inputs, warmUp);
    if (values) statOf.fill(inputs, values);
  } else if (warmUp) void warmUpWorkers(setup.config, warmUp);
  // annotated copies: checked before anything is read; every finding is built for them
  const annotation = await prepareAnnotations(io, found, flags, setup);
  const files = annotation?.files ?? found;
  const copies = annotation?.copies;
  const out = await openOutput(io, flags.output, progress, () => stop.abort(new OutputClosed()), { kind: FORMATS[setup.format].kind, inputs: [...files.map((f) => f.path), ...readBesides(setup, suppressAt)], statInput: statOf, force: Boolean(flags.force) });
  const now = nowOf(flags);
  // when this run was made, as its history line and the dashboard keep it
  const stamp = runStamp(now, nowOffsetOf(flags));
  if (cacheAt && !cacheAt.ok) throw cacheAt.error;
  const cachePath = cacheAt?.value;
  const scope = request.drive ? driveScope(io, paths, historyOf(cachePath ?? cacheLocation(io, undefined))) : undefined;
  // the trend reads the drive's history wherever the cache is (or would be), with or without --cache; only --cache adds to it
  const historyAt = historyOf(cachePath ?? cacheLocation(io, undefined));
  // read once: its lines draw the trend, and a run without --cache says what it left out
  const history = scope && setup.format === 'html' ? readLines(historyAt) : undefined;
  const dashboard = scope && history ? dashboardInput(files, history.lines, scope, stamp, statOf) : undefined;
  if (history && !cachePath) historyUnread(io, setup.lang, historyAt, history);
  const writer = writerFor(io, flags, setup, out, request, dashboard);
  const totals = new Totals();
  let readable = 0;
  // a sheet of the kinds the command reads (review: orders or shipments) in some file
  let kindSeen = !request.onlyKinds;
  // the suppressions file (check): accepted findings are counted, never reported nor failing the run
  const suppress = !request.drive ? undefined
    : request.suppressions === undefined ? openSuppressions(io, flags)
      : request.suppressions ? new SuppressionFilter(suppressionsLocation(io, flags.suppressionsLocation), request.suppressions) : undefined;
  // (the files whose join data the run takes too: a join's findings on them are accepted as check accepts them)
  const pathOf = suppress ? new Map([...files, ...(request.joinWith?.files ?? [])].map((f) => [f.display, f.path])) : undefined;
  // their own findings of their last check come first, as in check's run of them all
  for (const f of suppress ? request.joinWith?.files ?? [] : []) if (f.byRule) suppress!.seenBefore(f.path, f.byRule);
  // findings the command shows another way are built for the annotated copies, but only counted in the report
  const divert = copies && request.countOnly?.length ? new Set(request.countOnly) : undefined;
  const diverted = new Map<string, Record<string, Record<Severity, number>>>();
  /** each file's suppressed count as its summary gave it, by the path the report shows (a join may raise it at the end) */
  const suppressedAt = new Map<string, number>();
  /** A file done: what the run counts of it (its findings were counted as they came). */
  const fileCounted = (summary: FileSummary, counted: Record<string, Record<Severity, number>>, skipped: SkippedFindings[] | undefined) => {
    if (summary.status === 'ok') readable++;
    kindSeen ||= summary.sheets.some((s) => s.kind !== null && request.onlyKinds!.includes(s.kind as KindId));
    totals.counted(summary.path, counted);
    for (const s of skipped ?? []) totals.counted(summary.path, s.counts);
    totals.fileDone(summary);
    if (request.onFileDone) {
      const path = pathOf?.get(summary.path);
      request.onFileDone(summary, path === undefined ? undefined : suppress!.seenIn(path));
    }
  };
  const sink: RunSink = {
    finding: (f) => {
      const path = pathOf?.get(f.file);
      if (path !== undefined && suppress!.suppresses(path, f.ruleId)) return;
      totals.finding(f);
      request.onFinding?.(f);
      copies?.finding(f);
      if (divert?.has(f.ruleId)) {
        const byRule = diverted.get(f.file) ?? {};
        diverted.set(f.file, byRule);
        (byRule[f.ruleId] ??= { error: 0, warning: 0, info: 0 })[f.severity] += 1;
        return;
      }
      writer.finding(f);
    },
    record: (kind, r) => { request.records?.deliver(kind, r); writer.record(kind, r); },
    fileDone: (summary, counted, held, skipped, digests) => {
      if (suppress) {
        const path = pathOf!.get(summary.path);
        // a file read in part (--sheet) is not checked for its suppressions: its other sheets' findings were not counted
        if (path !== undefined) {
          if (flags.sheet === undefined) suppress.fileChecked(path, summary.status === 'ok' && !summary.sheetsUnread);
          summary = { ...summary, suppressed: suppress.suppressedIn.get(suppress.nameOf(path)) ?? 0 };
          suppressedAt.set(summary.path, summary.suppressed!);
        }
      }
      fileCounted(summary, counted, skipped);
      copies?.fileDone(summary, held, counted, digests);
      const shown = diverted.get(summary.path);
      diverted.delete(summary.path);
      return writer.fileDone(summary, held, shown ? { ...counted, ...shown } : counted, skipped);
    },
    // a file's section as printed before, when nothing but the report and the totals reads findings
    printKey: suppress || copies || divert || request.onFinding || request.records ? undefined : writer.printKey,
    filePrinted: (summary, counted, held, skipped, printed) => {
      const { tally } = printed;
      for (let i = 0; i < tally.length; i += 4) totals.counted(summary.path, { [tally[i]]: { error: tally[i + 1] as number, warning: tally[i + 2] as number, info: tally[i + 3] as number } });
      fileCounted(summary, counted, skipped);
      writer.filePrinted!(summary, held, counted, skipped, printed);
    },
    filesDone: () => writer.filesDone(),
    ready: () => out.ready?.() ?? request.ready?.() ?? copies?.ready(),
  };
  const nothingChecked = (): UsageError | undefined => {
    // --sheet that names no sheet of any file read is a mistake, never a pass (issue #24)
    if (flags.sheet !== undefined && readable > 0 && totals.sheets === 0) return new UsageError('error.sheet-matches-none', { sheet: flags.sheet, files: readable });
    // review on files with no orders sheet, roi with no campaign sheet …: nothing was checked, never a pass
    if (!kindSeen && readable > 0) return new UsageError('error.kind-matches-none', { files: readable, kinds: inEvery((lang) => request.onlyKinds!.map((k) => `“${kindById(k).title}”`).join(t(lang, 'list.or'))) });
    return undefined;
  };
  let unpruned: number | undefined;
  const engine = {
    config: setup.config, lang: setup.lang, encoding: encodingOf(flags.encoding), sheetName: flags.sheet,
    onlyKinds: request.onlyKinds, collect: [...withCharts(setup, request.collect), ...(dashboard ? [rowOwners.ask()] : [])], countOnly: copies ? [] : request.countOnly, category: request.category,
    // suppressions count every finding of a file and rule: all are built
    showFirst: copies || request.onFinding || suppress ? undefined : shownFirst(flags, setup, dashboard),
  };
  const cache = cachePath ? await openCache(io, setup.lang, cachePath, engine, now, cacheAhead, statOf) : undefined;
  try {
    await runCheck(paths, {
      // (not in `engine`: the cache's key) each sheet's digest, so the copy's read-back need not read the input again
      ...engine, digest: copies !== undefined, cwd: io.cwd, now, jobs: intFlag(flags.jobs, '--jobs', availableParallelism(), 1),
      signal: stop.signal, onProgress: (p) => progress.update(p), files, store: request.store ?? cache, statOf,
      joinWith: request.joinWith && { before: request.joinWith.before, after: request.joinWith.after }, onOutcome: request.onOutcome,
    }, sink);
    progress.clear();
    if (suppress) {
      totals.suppressed = suppress.suppressed;
      // a join's findings come after their files are done: each file's count as it is now (outsider helper-111:
      // the files' `suppressed` in JSON added up to less than the summary's)
      for (const [shown, suppressed] of suppressedAt) {
        const now = suppress.suppressedIn.get(suppress.nameOf(pathOf!.get(shown)!)) ?? 0;
        if (now !== suppressed) writer.suppressedLate?.(shown, now);
      }
      request.onAccepted?.(new Map([...pathOf!].map(([shown, path]) => [shown, suppress.suppressedIn.get(suppress.nameOf(path)) ?? 0])));
    }
    await writer.end(totals);
    // a run that checked nothing it was asked to is a usage error: its report (all green) is not written
    const mistake = nothingChecked();
    if (mistake) throw mistake;
    const written = await out.close();
    if (flags.output && flags.output !== '-') sayWritten(io, setup.lang, flags.output, written);
    await copies?.end();
    if (suppress) unpruned = await finishSuppressions(io, setup.lang, suppress, flags, files, paths, setup.format);
    // a cache that is no regular file (a link, a pipe at its name) was said at the start: no history beside it, and no
    // line that it answered (outsider helper-74: "0 files unchanged" after "this run uses no cache")
    if (cache?.usable) {
      // the run, for the dashboard's trend: kept beside the cache, when the cache itself could be written
      if (await saveCache(io, setup.lang, cache, files, paths) && scope) await keepRun(io, setup.lang, historyOf(cache.location), driveRun(totals, stamp), scope);
      if (!flags.quiet) io.stderr(`${t(setup.lang, 'cache.summary', { hits: cache.hits, misses: files.length - cache.hits })}\n`);
    }
  } catch (err) {
    progress.clear();
    await out.abort();
    if (err instanceof OutputClosed || out.closed) return exitCode(totals, setup);
    if (err instanceof PathError) throw new UsageError(err.key, { value: err.path });
    throw err;
  } finally {
    offSignal();
  }
  // a copy asked for and not written: the run did not do all it was asked
  if (copies?.failed) return EXIT.usage;
  // suppressions no longer needed fail the run, as in ESLint (--pass-on-unpruned-suppressions)
  if (unpruned !== undefined) return unpruned;
  return finalCode(io, totals, setup);
}

/**
 * Writes a report made in memory (titles checked without a workbook) in the chosen format, as
 * a run would; returns the exit code.
 */
/** What a command that makes its report itself (titles on stdin, media files) hands on as it goes. */
export interface ReportFeed {
  finding(f: Finding): void;
  record(kind: string, r: unknown): void;
  /** a file is done: its findings came before */
  fileDone(summary: FileSummary): void;
  /** every file is done: findings from now on belong to no file of their own */
  filesDone(): void;
}

/**
 * A report written as `produce` hands on its findings, records and files, in that order per file,
 * ending with filesDone. Nothing is held but what the format itself keeps.
 */
export async function streamReport(io: Io, flags: CheckFlags, setup: CheckSetup, request: Pick<ReportRequest, 'extras' | 'sections'>, produce: (feed: ReportFeed) => Promise<void>, inputs: readonly string[] = []): Promise<number> {
  const progress = new Progress(io, false, setup.lang);
  // the files the command read (media's pictures) are inputs: --output never lands on one, --force or not
  const out = await openOutput(io, flags.output, progress, () => {}, { kind: FORMATS[setup.format].kind, force: Boolean(flags.force), inputs });
  const writer = writerFor(io, flags, setup, out, request);
  const totals = new Totals();
  try {
    await produce({
      finding: (f) => { totals.finding(f); writer.finding(f); },
      record: (kind, r) => writer.record(kind, r),
      fileDone: (file) => { totals.fileDone(file); writer.fileDone(file, false); },
      filesDone: () => writer.filesDone(),
    });
    await writer.end(totals);
    const written = await out.close();
    if (flags.output && flags.output !== '-') sayWritten(io, setup.lang, flags.output, written);
  } catch (err) {
    await out.abort();
    throw err;
  }
  return finalCode(io, totals, setup);
}

/**
 * A report made in memory, written in the run's format: each file's findings, then the file;
 * findings of no file in the report (a product folder's) after every file.
 */
export async function writeReport(io: Io, flags: CheckFlags, setup: CheckSetup, report: CheckReport, request: Pick<ReportRequest, 'extras' | 'sections'> = {}, records: Record<string, unknown[]> = {}, inputs: readonly string[] = []): Promise<number> {
  return streamReport(io, flags, setup, request, async (feed) => {
    const byFile = new Map<string, Finding[]>(report.files.map((f) => [f.path, []]));
    const loose: Finding[] = [];
    for (const f of report.findings) (byFile.get(f.file) ?? loose).push(f);
    for (const [kind, list] of Object.entries(records)) for (const r of list) feed.record(kind, r);
    for (const file of report.files) {
      for (const f of byFile.get(file.path)!) feed.finding(f);
      feed.fileDone(file);
    }
    feed.filesDone();
    for (const f of loose) feed.finding(f);
  }, inputs);
}

/** The exit code, and when it is 1 only because of --max-warnings, one line that says so (no finding reached --fail-on). */
function finalCode(io: Io, totals: Totals, setup: CheckSetup): number {
  const code = exitCode(totals, setup);
  const counts = totals.bySeverity;
  const failing = (Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && atOrAbove(s, setup.failOn));
  if (code === EXIT.findings && !failing) io.stderr(`${t(setup.lang, 'error.max-warnings', { count: counts.warning, max: setup.maxWarnings })}\n`);
  return code;
}

/** 1 when a finding is at or above --fail-on or warnings exceed --max-warnings, else 0. */
export function exitCode(totals: Totals, setup: Pick<CheckSetup, 'failOn' | 'maxWarnings'>): number {
  const counts = totals.bySeverity;
  if ((Object.keys(counts) as Severity[]).some((s) => counts[s] > 0 && atOrAbove(s, setup.failOn))) return EXIT.findings;
  if (setup.maxWarnings !== undefined && counts.warning > setup.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
