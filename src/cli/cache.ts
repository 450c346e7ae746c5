import { lstatSync, type Stats } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { extensionFits, extensionOfKind } from '../encode/content-kind.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import type { EngineOptions } from '../check/engine.js';
import type { FileStat, FoundFile } from '../check/files.js';
import { buildFiles, type BuildFiles } from '../check/build-stamp.js';
import { looksLikeCache, readAhead, ResultCache, type CacheProblem } from '../drive/result-cache.js';
import { hashText, stableJson } from '../drive/fingerprint.js';
import { addRun, type RunScope } from '../drive/history.js';
import type { DriveRun } from '../report/dashboard.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { WriteError } from '../workbook/safe-write.js';
import { statOrNone } from '../workbook/stat-or-none.js';
import { VERSION } from './version.js';
import { UsageError, type Io } from './io.js';
import { displayPath, foldersIn } from '../check/files.js';

/** The cache's file when none is named: beside where the run starts, as ESLint's .eslintcache. */
export const CACHE_FILE = '.ecsop-cache';

/** Where `--cache-location` puts the cache: a folder (existing, or named with a trailing slash) gets CACHE_FILE inside. */
export function cacheLocation(io: Io, given: string | undefined): string {
  if (given === undefined) return join(io.cwd, CACHE_FILE);
  if (given.trim() === '') throw new UsageError('error.cache-location-empty');
  const abs = resolve(io.cwd, given);
  const folder = /[\\/]$/.test(given) || statOrNone(abs)?.isDirectory();
  const location = folder ? join(abs, CACHE_FILE) : abs;
  // refused before anything is read: a name that says a workbook, a report or another kind of file, or a folder that is not there
  const lang = io.lang ?? DEFAULT_LANG;
  if (!extensionFits(location, 'data')) throw new UsageError('error.cache-location', { value: given, reason: new WriteError('wrong-kind', location, { kind: extensionOfKind('data'), ext: extname(location) }).text(lang, given) });
  if (!statOrNone(dirname(location))?.isDirectory()) throw new UsageError('error.cache-location', { value: given, reason: new WriteError('no-folder', location, { folder: dirname(given) || '.' }).text(lang, given) });
  // a device, a pipe (/dev/null), a folder or a link is never a cache (named as it is: the folder's .ecsop-cache when a
  // folder was given); a cache is never written through a link (outsider helper-74: the run went on, and said it used one)
  const here = lookedAt(location, given, abs, lang);
  // said as what it is, with what to do about a cache (outsider helper-114: a folder there was "a device, pipe, socket
  // or link", with `-o -` as the way out)
  if (here && !here.isFile()) throw new UsageError('error.cache-location', { value: given, reason: t(lang, 'cache.location-not-regular', { path: location === abs ? given : join(given, CACHE_FILE), what: t(lang, here.isDirectory() ? 'cache.what-folder' : here.isSymbolicLink() ? 'cache.what-link' : 'cache.what-special') }) });
  // a file of the user's under a name of its own (notes.docx, data.zip) is never replaced; one named as a cache is rebuilt
  const ext = extname(location).toLowerCase();
  if (here && ext && ext !== '.cache' && !looksLikeCache(location)) throw new UsageError('error.cache-location', { value: given, reason: t(lang, 'cache.not-ours', { path: given }) });
  return location;
}

/**
 * What is at the cache's location, undefined for nothing; a place that cannot be looked at (a folder the
 * user may not enter: EACCES, a loop of links) is refused in one line, never an internal error (outsider
 * helper-87).
 */
function lookedAt(location: string, given: string, abs: string, lang: Lang): Stats | undefined {
  try {
    return lstatSync(location, { throwIfNoEntry: false });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const shown = location === abs ? given : join(given, CACHE_FILE);
    throw new UsageError('error.cache-location', { value: given, reason: new WriteError(code === 'EACCES' || code === 'EPERM' ? 'permission' : 'not-regular', location).text(lang, shown) });
  }
}

/** ecsop's version and build, as the cache tells them apart (`known`: as the cache last told it, see buildFiles). */
export const buildOf = (known?: BuildFiles): string => `${VERSION}:${buildFiles(known).stamp}`;

/**
 * What every result of the run depends on besides the file and --now: the options the workers
 * get (config, rule levels and options, language, format's shown findings, collectors, --sheet,
 * encoding) and ecsop's version and build.
 */
export function runKey(engine: Omit<EngineOptions, 'now' | 'signal' | 'onProgress' | 'trace'> & Record<string, unknown>, build = buildOf()): string {
  const { config, ...rest } = engine;
  return hashText(stableJson({ build, config: { raw: config.raw, rules: config.rules, settings: config.settings, limits: config.limits, platform: config.platform, lang: config.lang }, ...rest }));
}

/**
 * Opens the run's cache, its results of `engine`'s options under this build; a cache that cannot
 * be used is said in one line and rebuilt.
 */
export async function openCache(io: Io, lang: Lang, location: string, engine: Parameters<typeof runKey>[0], now: Date, ahead = readAhead(location), statOf?: (path: string) => FileStat | undefined): Promise<ResultCache> {
  // the build as the cache last told it, while its files are those it was told from
  const read = await ahead.read;
  const known = 'problem' in read ? undefined : read.buildFiles;
  const build = buildOf(known);
  return ResultCache.open(location, {
    key: runKey(engine, build), now, build, buildFiles: buildFiles(known), statOf,
    onProblem: (problem: CacheProblem, detail?: string, file = location) => io.stderr(`${problem === 'in-the-way'
      ? t(lang, 'cache.journal-in-the-way', { path: displayPath(file, io.cwd) })
      : problem === 'not-regular'
        ? t(lang, 'cache.not-regular', { path: displayPath(file, io.cwd) })
        : t(lang, 'cache.ignored', { path: displayPath(file, io.cwd), reason: t(lang, `cache.problem.${problem as Exclude<CacheProblem, 'in-the-way' | 'not-regular'>}`, { detail: detail ?? '' }) })}\n`),
  }, ahead);
}

/** Writes the cache after the run; one line when it cannot be written (the run's result stands). Returns whether it was. */
export async function saveCache(io: Io, lang: Lang, cache: ResultCache, files: readonly FoundFile[], paths: readonly string[]): Promise<boolean> {
  try {
    await cache.save(new Set(files.map((f) => f.path)), foldersIn(paths, io.cwd));
    return true;
  } catch (err) {
    notSaved(io, lang, cache.location, err);
    return false;
  }
}

/** One line: a file of the cache's was not written, and why, in words. */
export function notSaved(io: Io, lang: Lang, path: string, err: unknown, key: 'cache.not-saved' | 'history.not-saved' = 'cache.not-saved'): void {
  const shown = displayPath(path, io.cwd);
  io.stderr(`${t(lang, key, { path: shown, reason: err instanceof WriteError ? err.text(lang, shown) : (err as Error).message })}\n`);
}

/** Adds the run to the drive's history beside the cache; says what it left out of it, and a write that failed (the run's result stands). */
export async function keepRun(io: Io, lang: Lang, history: string, run: DriveRun, scope: RunScope): Promise<void> {
  try {
    const kept = await addRun(history, run, scope);
    const path = displayPath(history, io.cwd);
    if (!kept.backup) return;
    const backup = displayPath(kept.backup, io.cwd);
    if (kept.bytes !== undefined) io.stderr(`${t(lang, 'history.too-big', { path, size: Math.round(kept.bytes / (1 << 20)), backup })}\n`);
    else if (kept.foreign) io.stderr(`${t(lang, 'history.foreign', { path, backup })}\n`);
    else if (kept.dropped) io.stderr(`${t(lang, 'history.dropped', { path, count: kept.dropped, backup })}\n`);
  } catch (err) {
    notSaved(io, lang, history, err, 'history.not-saved');
  }
}
