import { realpathSync } from 'node:fs';
import { statOrNone } from '../workbook/stat-or-none.js';
import { join, resolve } from 'node:path';
import type { FoundFile } from '../check/files.js';
import { displayPath, foldersIn } from '../check/files.js';
import { readSuppressions, suppressionsAt, SuppressionFilter, SuppressionsError, SUPPRESSIONS_FILE, UNREAD, writeSuppressions, type SuppressionCounts } from '../drive/suppressions.js';
import { localized, t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import type { Lang } from '../i18n/format.js';
import { didYouMean } from '../i18n/suggest.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import type { CheckFlags } from './flags.js';
import { EXIT, UsageError, type Io } from './io.js';

/** Where the suppressions file is: `--suppressions-location`, else ecsop-suppressions.json where the run starts. */
export function locationOf(io: Io, given: string | undefined): string {
  if (!given) return join(io.cwd, SUPPRESSIONS_FILE);
  const abs = resolve(io.cwd, given);
  return /[\\/]$/.test(given) || statOrNone(abs)?.isDirectory() ? join(abs, SUPPRESSIONS_FILE) : abs;
}

/** Whether the run writes the suppressions file (--suppress-all, --suppress-rule, --prune-suppressions). */
export const writesSuppressions = (flags: CheckFlags): boolean => Boolean(flags.suppressAll || flags.suppressRule?.length || flags.pruneSuppressions);

/**
 * The run's suppressions: the file (when it exists or a flag writes it), the counts it holds, and
 * what the flags ask. None when there is no file and no flag: the report is then the plain one.
 */
export function openSuppressions(io: Io, flags: CheckFlags): SuppressionFilter | undefined {
  const { suppressAll, suppressRule, passOnUnprunedSuppressions, suppressionsLocation } = flags;
  const location = locationOf(io, suppressionsLocation);
  const rules = suppressRule ?? [];
  // --pass-on-unpruned-suppressions alone asks for nothing to be written: it only matters once a file exists
  void passOnUnprunedSuppressions;
  const known = [...RULES.map((r) => r.id), ...BUILTIN_RULES.map((r) => r.id)];
  for (const rule of rules) {
    if (known.includes(rule)) continue;
    const guess = didYouMean(rule, known);
    throw new UsageError('error.suppress-rule', { value: rule, hint: guess ? localized('error.did-you-mean', { value: guess }) : '' });
  }
  // a rule whose findings say a file was not checked is never accepted (UNREAD): the run goes on, and says so once (outsider helper-105)
  for (const rule of new Set(rules)) if (UNREAD.has(rule)) io.stderr(`${t(io.lang ?? DEFAULT_LANG, 'suppress.rule-never', { rule })}\n`);
  const writes = writesSuppressions(flags);
  const counts = readSuppressionsAt(io, location);
  // a location named that holds nothing (a typo, a drive not mounted) is said, never passed over in silence, and so is
  // the run that is to prune the file where there is none (outsider helper-110: it was silent)
  if (!counts && ((suppressionsLocation && !writes) || flags.pruneSuppressions)) io.stderr(`${t(io.lang ?? DEFAULT_LANG, 'suppress.no-file', { path: displayPath(location, io.cwd) })}\n`);
  if (!writes && !counts) return undefined;
  return new SuppressionFilter(location, counts ?? new Map(), { all: suppressAll, rules });
}

/**
 * The counts of the suppressions file at `location` as it is now; undefined when there is none. One that cannot be
 * looked at or read, or is no suppressions file, is a usage error naming it (exit 2), never taken for none.
 */
export function readSuppressionsAt(io: Io, location: string): SuppressionCounts | undefined {
  try {
    return suppressionsAt(location)?.isFile() ? readSuppressions(location) : undefined;
  } catch (err) {
    throw err instanceof SuppressionsError ? new UsageError('error.suppressions', { path: displayPath(location, io.cwd), detail: err.detail }) : err;
  }
}

/**
 * After the run: writes the file when a flag asks (accepted counts, or pruned ones), and says
 * what is no longer needed. Returns EXIT.usage when unused suppressions fail the run (as ESLint
 * does), undefined otherwise.
 */
export async function finishSuppressions(io: Io, lang: Lang, filter: SuppressionFilter, flags: CheckFlags, files: readonly FoundFile[], paths: readonly string[], format: string): Promise<number | undefined> {
  // by their real paths, as the suppressions file names its files
  const roots = foldersIn(paths, io.cwd).map((p) => { try { return realpathSync.native(p); } catch { return p; } });
  // JUnit and GitHub annotations have no place for it: said on stderr
  if (filter.suppressed && (format === 'junit' || format === 'github')) io.stderr(`${t(lang, 'suppress.count-line', { count: filter.suppressed, path: displayPath(filter.location, io.cwd) })}\n`);
  const shown = displayPath(filter.location, io.cwd);
  // a write that fails is one line and exit 2 (main says a WriteError so)
  // the counts made under the write's lock, from the file as it is then (another run may have written it since)
  const write = (counts: (now: SuppressionCounts) => SuppressionCounts) => writeSuppressions(filter.location, counts, files.map((f) => f.path), filter.counts);
  // a file whose every entry names a file that is not there (it was moved, or the drive was): said, not passed over
  const nowhere = filter.nowhere();
  if (nowhere) io.stderr(`${t(lang, 'suppress.nowhere', { path: shown, files: nowhere, folder: displayPath(filter.folder, io.cwd) })}\n`);
  const joins = new Set(RULES.filter((r) => r.finish).map((r) => r.id));
  let counts = filter.counts;
  if (flags.suppressAll || flags.suppressRule?.length) {
    const done = await write((now) => filter.suppressedCounts(now, roots, joins));
    counts = done.counts;
    let count = 0;
    let withAny = 0;
    for (const [file, byRule] of counts) {
      if (!filter.checked.has(file) && !filter.readInPart.has(file)) continue;
      withAny += 1;
      for (const n of byRule.values()) count += n;
    }
    io.stderr(`${t(lang, done.written ? 'suppress.written' : 'suppress.unchanged', { path: shown, files: withAny, count })}\n`);
  }
  // what the file accepts now and this run did not find (a deleted workbook's entries), said and failed on as in
  // any run, the run that wrote it too, as ESLint does (outsider helper-110: it passed, and the next night failed);
  // and the entries of rules that join files a run of part of the drive leaves alone: said
  const { unused, unjudged, part } = filter.judged(roots, joins, counts);
  if (part) {
    const folder = displayPath(filter.folder, io.cwd) || '.';
    const why = part.why === 'folder' ? t(lang, 'suppress.why-folder', { folder }) : t(lang, part.why === 'part' ? 'suppress.why-part' : 'suppress.why-unread', { file: part.file });
    io.stderr(`${t(lang, 'suppress.joins-unjudged', { path: shown, count: unjudged.length, example: `${unjudged[0].file} → ${unjudged[0].rule}`, why, folder })}\n`);
  }
  if (!unused.length) return undefined;
  const total = unused.reduce((n, u) => n + u.unused, 0);
  if (flags.pruneSuppressions) {
    await write((now) => filter.prunedCounts(roots, joins, now));
    io.stderr(`${t(lang, 'suppress.pruned', { path: shown, count: total })}\n`);
    return undefined;
  }
  const said = { path: shown, count: total, entries: unused.length, example: `${unused[0].file} → ${unused[0].rule}` };
  io.stderr(`${t(lang, flags.passOnUnprunedSuppressions ? 'suppress.unused-passed' : 'suppress.unused', said)}\n`);
  return flags.passOnUnprunedSuppressions ? undefined : EXIT.usage;
}
