import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { jsonErrorPlace } from '../config/config.js';
import { localized } from '../i18n/catalog.js';
import type { Localized } from '../i18n/format.js';
import { openSafely, type Written } from '../workbook/safe-write.js';

/**
 * Bulk suppressions (issue #26), as ESLint keeps them: `ecsop-suppressions.json` holds, for each
 * file (named relative to the suppressions file, with `/`, so any machine that mounts the drive
 * reads it the same) and rule, the number of findings accepted. A later run reports only what goes
 * beyond those counts — the findings after the first `count` of that file and rule in report
 * order (new rows are most often added at the end of a sheet; the count is exact, which rows it
 * names is not) — and counts the rest as suppressed.
 *
 *   { "店铺A/05-订单处理与履约.xlsx": { "order-manual-review": { "count": 12 } } }
 */
export type SuppressionCounts = Map<string, Map<string, number>>;

/** The name of the file when no location is given: beside where the run starts. */
export const SUPPRESSIONS_FILE = 'ecsop-suppressions.json';

export class SuppressionsError extends Error {
  constructor(readonly path: string, readonly detail: Localized) {
    super(`${path}: ${detail.en}`);
  }
}

/**
 * A file's name as the suppressions file holds it: `/`, no `./` (a hand-written `./店铺A/x.xlsx` is
 * `店铺A/x.xlsx`, `店铺A\x.xlsx` typed on Windows is `店铺A/x.xlsx`). Where `\` is no separator (Linux,
 * macOS) a file whose name holds one (`a\b.csv`, as ecsop itself writes it) keeps it.
 */
function entryName(location: string, name: string): string {
  // one Unicode form (NFC): a name typed or saved on a Mac in the other (NFD) is the same name
  const plain = (n: string) => posix.normalize(n).replace(/^\.\//, '').normalize('NFC');
  if (sep === '/' && name.includes('\\') && existsSync(resolve(dirname(location), plain(name)))) return plain(name);
  return plain(name.replace(/\\/g, '/'));
}

/**
 * An entry's name as the run names files: a name that reaches its file through a link
 * (`链接盘/店铺B/x.xlsx`) is the file's real path relative to the suppressions file's real folder.
 */
function resolvedName(location: string, name: string): string {
  const abs = resolve(dirname(location), name);
  if (!existsSync(abs)) return name;
  return suppressionName(location, abs);
}

/** Reads a suppressions file; one that does not exist is empty; one that is not one is an error (never written over). */
export function readSuppressions(path: string): SuppressionCounts {
  const out: SuppressionCounts = new Map();
  if (!existsSync(path)) return out;
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new SuppressionsError(path, localized('suppress.unreadable', { code: (err as NodeJS.ErrnoException).code ?? 'EIO' }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const place = jsonErrorPlace(text, err);
    throw new SuppressionsError(path, place ? localized('suppress.not-json-at', place) : localized('suppress.not-json'));
  }
  const notObject = (v: unknown) => !v || typeof v !== 'object' || Array.isArray(v);
  if (notObject(data)) throw new SuppressionsError(path, localized('suppress.not-object'));
  for (const [file, rules] of Object.entries(data as Record<string, unknown>)) {
    if (notObject(rules)) throw new SuppressionsError(path, localized('suppress.not-object'));
    const name = resolvedName(path, entryName(path, file));
    const byRule = out.get(name) ?? new Map<string, number>();
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = (entry as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new SuppressionsError(path, localized('suppress.bad-count', { file, rule, value: JSON.stringify(count) ?? '—' }));
      if (count > 0) byRule.set(rule, (byRule.get(rule) ?? 0) + count);
    }
    if (byRule.size) out.set(name, byRule);
  }
  return out;
}

/** The file's JSON: files and rules in a stable order, so that a change shows as a small diff. */
export function suppressionsJson(counts: SuppressionCounts): string {
  const files = [...counts.keys()].sort();
  const obj: Record<string, Record<string, { count: number }>> = {};
  for (const f of files) {
    const rules = counts.get(f)!;
    const names = [...rules.keys()].sort();
    if (!names.length) continue;
    obj[f] = Object.fromEntries(names.map((r) => [r, { count: rules.get(r)! }]));
  }
  return `${JSON.stringify(obj, null, 2)}\n`;
}

/** Writes the file through the safe-write path; the file it replaces is kept as `name.bak`. */
export async function writeSuppressions(path: string, counts: SuppressionCounts, inputs: readonly string[]): Promise<Written> {
  const pending = await openSafely(path, { kind: 'json', force: true, singleBackup: true, inputs });
  try {
    await writeFile(pending.tmp, suppressionsJson(counts));
  } catch (err) {
    await pending.abort();
    throw err;
  }
  return pending.commit();
}

/** A path as it really is (links followed), or as given when it cannot be followed. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/**
 * How a file is named in the suppressions file at `location`: relative to the file's folder, both
 * by their real paths (a drive reached through a link or another mount path names its files the
 * same). Another drive (Windows) has no relative name: the absolute one.
 */
export function suppressionName(location: string, file: string): string {
  return relative(real(dirname(location)), join(real(dirname(file)), basename(file))).split(sep).join('/').normalize('NFC');
}

/** What the run asks of the suppressions besides applying them. */
export interface SuppressMode {
  /** accept every finding of this run's files (`--suppress-all`) */
  all?: boolean;
  /** accept every finding of these rules (`--suppress-rule`) */
  rules?: readonly string[];
}

/**
 * Applies the counts to a run as its findings stream by: per file and rule, the first `count`
 * are suppressed, the rest reported. Counts what it saw, for the file to be written (suppress,
 * prune) and for unused suppressions.
 */
export class SuppressionFilter {
  /** per file (its suppressions name) and rule: findings seen this run */
  readonly seen: SuppressionCounts = new Map();
  /** files of the run, by suppressions name */
  readonly checked = new Set<string>();
  /** suppressed per file (its suppressions name) */
  readonly suppressedIn = new Map<string, number>();
  suppressed = 0;

  constructor(readonly location: string, readonly counts: SuppressionCounts, private readonly mode: SuppressMode = {}) {}

  private readonly names = new Map<string, string>();

  nameOf(path: string): string {
    let name = this.names.get(path);
    if (name === undefined) this.names.set(path, (name = suppressionName(this.location, path)));
    return name;
  }

  /** Whether a finding of the file at `path` (absolute) and rule is accepted (not to be reported). */
  suppresses(path: string, ruleId: string): boolean {
    const name = this.nameOf(path);
    let byRule = this.seen.get(name);
    if (!byRule) this.seen.set(name, (byRule = new Map()));
    const n = (byRule.get(ruleId) ?? 0) + 1;
    byRule.set(ruleId, n);
    const accepted = this.mode.all || this.mode.rules?.includes(ruleId) ? Infinity : this.counts.get(name)?.get(ruleId) ?? 0;
    if (n > accepted) return false;
    this.suppressed += 1;
    this.suppressedIn.set(name, (this.suppressedIn.get(name) ?? 0) + 1);
    return true;
  }

  fileChecked(path: string): void {
    this.checked.add(this.nameOf(path));
  }

  /**
   * Entries that accept more than this run found: per file and rule, how many are unused. Files
   * not checked this run are left alone, unless they were under a folder the run read and are gone.
   */
  unused(roots: readonly string[], joins: ReadonlySet<string> = new Set()): Array<{ file: string; rule: string; unused: number }> {
    const out: Array<{ file: string; rule: string; unused: number }> = [];
    const base = real(dirname(this.location));
    const inRoots = (abs: string) => roots.some((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    const goneOf = (file: string) => !this.checked.has(file) && inRoots(resolve(base, file)) && !existsSync(resolve(base, file));
    // a rule that joins files (a title repeated in another shop's workbook) finds less when the run read fewer
    // files than the suppressions file names: its entries are judged only by a run that read them all
    const partial = [...this.counts.keys()].some((file) => !this.checked.has(file) && !goneOf(file));
    for (const [file, rules] of this.counts) {
      const gone = goneOf(file);
      if (!this.checked.has(file) && !gone) continue;
      for (const [rule, count] of rules) {
        if (partial && !gone && joins.has(rule)) continue;
        const found = gone ? 0 : this.seen.get(file)?.get(rule) ?? 0;
        if (count > found) out.push({ file, rule, unused: count - found });
      }
    }
    return out;
  }

  /** The counts to write after `--suppress-all` / `--suppress-rule`: this run's findings accepted, other entries kept. */
  suppressedCounts(): SuppressionCounts {
    const out: SuppressionCounts = new Map([...this.counts].map(([f, r]) => [f, new Map(r)]));
    for (const file of this.checked) {
      const seen = this.seen.get(file) ?? new Map<string, number>();
      const byRule = out.get(file) ?? new Map<string, number>();
      if (this.mode.all) byRule.clear();
      for (const [rule, n] of seen) if (this.mode.all || this.mode.rules?.includes(rule)) byRule.set(rule, n);
      if (byRule.size) out.set(file, byRule);
      else out.delete(file);
    }
    return out;
  }

  /** The counts after `--prune-suppressions`: no entry accepts more than this run found. */
  prunedCounts(roots: readonly string[], joins: ReadonlySet<string> = new Set()): SuppressionCounts {
    const out: SuppressionCounts = new Map([...this.counts].map(([f, r]) => [f, new Map(r)]));
    for (const { file, rule, unused } of this.unused(roots, joins)) {
      const byRule = out.get(file)!;
      const left = byRule.get(rule)! - unused;
      if (left > 0) byRule.set(rule, left);
      else byRule.delete(rule);
      if (!byRule.size) out.delete(file);
    }
    return out;
  }
}
