import { existsSync, lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { jsonErrorPlace } from '../config/config.js';
import { localized } from '../i18n/catalog.js';
import type { Localized } from '../i18n/format.js';
import { openSafely, type Written } from '../workbook/safe-write.js';
import type { FileRuleId } from '../workbook/types.js';


/**
 * Findings that say a file or a sheet was not checked — it could not be read, or no sheet kind's header
 * was found in it (`sheet/unknown-kind`: an SOP-named sheet whose headers do not match, an export of no
 * known columns; outsider helper-92): never accepted by a suppressions file, not written by --suppress-all
 * or --suppress-rule, and an entry for one is unused (pruned). Accepted, a damaged or unrecognised
 * workbook would be "no problems" for good.
 */
export const UNREAD: ReadonlySet<string> = new Set<FileRuleId | 'sheet/unreadable' | 'sheet/unknown-kind'>(['file/unreadable', 'file/too-large', 'file/unsafe', 'file/timeout', 'sheet/unreadable', 'sheet/unknown-kind']);

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
 * The folder the suppressions file at `location` names files from: where the file really is. A
 * link to it (`--suppressions-location 链接/s.json`) names them from the folder it links to, as the
 * run that wrote it did; a file not written yet, from its folder's real path.
 */
export function folderOf(location: string): string {
  return existsSync(location) ? dirname(real(location)) : real(dirname(location));
}

/**
 * A file's name as the suppressions file holds it: `/`, no `./` (a hand-written `./店铺A/x.xlsx` is
 * `店铺A/x.xlsx`, `店铺A\x.xlsx` typed on Windows is `店铺A/x.xlsx`). Where `\` is no separator (Linux,
 * macOS) a file whose name holds one (`a\b.csv`, as ecsop itself writes it) keeps it.
 */
function entryName(folder: string, name: string): string {
  // one Unicode form (NFC): a name typed or saved on a Mac in the other (NFD) is the same name
  const plain = (n: string) => posix.normalize(n).replace(/^\.\//, '').normalize('NFC');
  if (sep === '/' && name.includes('\\') && existsSync(resolve(folder, plain(name)))) return plain(name);
  // a name whose bytes are not UTF-8, as ecsop writes it (`bad\xFF.xlsx`: src/check/files.ts): no separator in it (outsider
  // helper-87: read back as bad/xFF.xlsx, its entry was unused and pruned)
  if (sep === '/' && ESCAPED_BYTES.test(name)) return plain(name);
  return plain(name.replace(/\\/g, '/'));
}

/** A name whose every backslash starts a byte that is not UTF-8, `\xHH` (how the run names such a file). */
const ESCAPED_BYTES = /^(?:[^\\]|\\x[0-9A-F]{2})*\\x[0-9A-F]{2}(?:[^\\]|\\x[0-9A-F]{2})*$/;

/**
 * An entry's name as the run names files: a name that reaches its file through a link
 * (`链接盘/店铺B/x.xlsx`) is the file's real path relative to the suppressions file's real folder.
 */
function resolvedName(folder: string, name: string): string {
  const abs = resolve(folder, name);
  if (!existsSync(abs)) return name;
  return suppressionName(folder, abs);
}

/**
 * What is at a suppressions file's place (links followed), undefined for nothing (a path through a file
 * is nothing: its write is refused with what to do). One that cannot be looked at (a folder the user may
 * not enter, a loop of links) is a SuppressionsError, not taken for none (outsider helper-87).
 */
export function suppressionsAt(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return undefined;
    throw new SuppressionsError(path, localized('suppress.unreadable', { code: code ?? 'EIO' }));
  }
}

/** Reads a suppressions file; one that does not exist is empty; one that is not one is an error (never written over). */
export function readSuppressions(path: string): SuppressionCounts {
  const out: SuppressionCounts = new Map();
  if (!suppressionsAt(path)) return out;
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
  const folder = folderOf(path);
  for (const [file, rules] of Object.entries(data as Record<string, unknown>)) {
    if (notObject(rules)) throw new SuppressionsError(path, localized('suppress.not-object'));
    const name = resolvedName(folder, entryName(folder, file));
    const byRule = out.get(name) ?? new Map<string, number>();
    for (const [rule, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = (entry as { count?: unknown } | null)?.count;
      // a count is of findings: a whole number a run can reach (1e308 is none)
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw new SuppressionsError(path, localized('suppress.bad-count', { file, rule, value: JSON.stringify(count) ?? '—' }));
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

/**
 * Writes the file through the safe-write path (where it really is: a link to it stays a link); the
 * file it replaces is kept as `name.bak`. The counts are made under the write's lock from the file
 * as it is then (`counts(now)`): another run that wrote it since this one read it (two shops'
 * `--suppress-all` at once) keeps its entries. `read` is what this run read, for a file that cannot
 * be read again.
 */
export async function writeSuppressions(path: string, counts: (now: SuppressionCounts) => SuppressionCounts, inputs: readonly string[], read: SuppressionCounts): Promise<{ written: Written | undefined; counts: SuppressionCounts }> {
  const target = existsSync(path) ? real(path) : path;
  const pending = await openSafely(target, { kind: 'json', force: true, singleBackup: true, inputs });
  try {
    let now = read;
    try { now = readSuppressions(target); } catch { /* damaged meanwhile: this run's reading stands */ }
    const out = counts(now);
    const text = suppressionsJson(out);
    // the same bytes again are not written: the backup of the file (one, replaced by the next write) stays the
    // one before its last change (outsider helper-110: a run that accepted nothing new made the backup a copy)
    if (sameText(target, text)) { await pending.abort(); return { written: undefined, counts: out }; }
    await writeFile(pending.tmp, text);
    return { written: await pending.commit(), counts: out };
  } catch (err) {
    await pending.abort();
    throw err;
  }
}

/** Whether the file at `path` holds exactly `text` (a file that cannot be read does not). */
function sameText(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

/**
 * Whether something is at `path`: a link counts though what it names is gone (a dangling link is a file the
 * run met, not a deleted one), and so does a path that cannot be looked at (a shop's folder the user may not
 * read, a loop of links: outsider helper-86, an internal error at the end of the run). A path whose folder
 * is now a file is gone with it, and so is one that is now a folder.
 */
function isThere(path: string): boolean {
  try {
    // a folder where a workbook was is not that workbook (outsider helper-87: its entries were kept without a word)
    const st = lstatSync(path, { throwIfNoEntry: false });
    return st !== undefined && !st.isDirectory();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOTDIR';
  }
}

/** A path as it really is (links followed), or as given when it cannot be followed. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** Whether `abs` is one of `roots` or under one. */
function underAny(abs: string, roots: readonly string[]): boolean {
  return roots.some((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
}

/**
 * How a file is named in the suppressions file at `location`: relative to the file's folder, both
 * by their real paths (a drive reached through a link or another mount path names its files the
 * same). Another drive (Windows) has no relative name: the absolute one.
 */
export function suppressionName(folder: string, file: string): string {
  return relative(folder, join(real(dirname(file)), basename(file))).split(sep).join('/').normalize('NFC');
}

/** Why a run read only part of what a suppressions file covers (SuppressionFilter.partOnly). */
export type PartOnly = { why: 'part' | 'unread'; file: string } | { why: 'folder' };

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
  /** files of the run read whole, by suppressions name: only their entries are judged, pruned or replaced */
  readonly checked = new Set<string>();
  /**
   * files of the run not read whole, by suppressions name: unreadable, too large, stopped at their
   * time limit, or a sheet of them unreadable (a file still being copied onto the drive, saved over
   * while read), told by the file's outcome, not by its findings (their rules may be off: outsider
   * helper-84). Their findings are counted and can be accepted, but their entries stay: what the
   * file holds was not all seen (outsider helper-83: `--prune-suppressions` removed a truncated
   * file's entries, and its old findings came back as new once it read again).
   */
  readonly readInPart = new Set<string>();
  /** suppressed per file (its suppressions name) */
  readonly suppressedIn = new Map<string, number>();
  suppressed = 0;

  /** the folder files are named from (folderOf) */
  readonly folder: string;

  constructor(readonly location: string, readonly counts: SuppressionCounts, private readonly mode: SuppressMode = {}) {
    this.folder = folderOf(location);
  }

  private readonly names = new Map<string, string>();

  nameOf(path: string): string {
    let name = this.names.get(path);
    if (name === undefined) this.names.set(path, (name = suppressionName(this.folder, path)));
    return name;
  }

  /**
   * Whether this run's flags accept the rule's findings (--suppress-all, --suppress-rule). Never asked of a
   * rule in UNREAD: suppresses() passes its findings over, so what the run saw (`seen`) holds none.
   */
  private asks(rule: string): boolean {
    return Boolean(this.mode.all || this.mode.rules?.includes(rule));
  }

  /** Whether a finding of the file at `path` (absolute) and rule is accepted (not to be reported). */
  suppresses(path: string, ruleId: string): boolean {
    // a file or sheet that could not be read is never accepted: it would never be checked again (ESLint's fatal errors likewise)
    if (UNREAD.has(ruleId)) return false;
    const name = this.nameOf(path);
    let byRule = this.seen.get(name);
    if (!byRule) this.seen.set(name, (byRule = new Map()));
    const n = (byRule.get(ruleId) ?? 0) + 1;
    byRule.set(ruleId, n);
    const accepted = this.asks(ruleId) ? Infinity : this.counts.get(name)?.get(ruleId) ?? 0;
    if (n > accepted) return false;
    this.suppressed += 1;
    this.suppressedIn.set(name, (this.suppressedIn.get(name) ?? 0) + 1);
    return true;
  }

  /** The findings of the file at `path` (absolute) so far, by rule, accepted or not (a copy). */
  seenIn(path: string): ReadonlyMap<string, number> {
    return new Map(this.seen.get(this.nameOf(path)));
  }

  /**
   * Findings of the file at `path` counted as found before this run's (its own, when the run has only its joins'
   * findings on it): the entry accepts those first, as a run of the file itself would. Not counted as accepted.
   */
  seenBefore(path: string, byRule: ReadonlyMap<string, number>): void {
    const name = this.nameOf(path);
    let seen = this.seen.get(name);
    if (!seen) this.seen.set(name, (seen = new Map()));
    for (const [rule, n] of byRule) seen.set(rule, (seen.get(rule) ?? 0) + n);
  }

  /** The file at `path` is done: `whole` when it was read whole (its status `ok`, every sheet read: not when a rule that says otherwise is off). */
  fileChecked(path: string, whole = true): void {
    const name = this.nameOf(path);
    if (!whole) this.readInPart.add(name);
    if (!this.readInPart.has(name)) this.checked.add(name);
  }

  /**
   * Entries that accept more than this run found: per file and rule, how many are unused. Files
   * not checked this run are left alone, unless they were under a folder the run read and are gone.
   */
  unused(roots: readonly string[], joins: ReadonlySet<string> = new Set(), counts: SuppressionCounts = this.counts): Array<{ file: string; rule: string; unused: number }> {
    return this.judged(roots, joins, counts).unused;
  }

  /**
   * The run's verdict on the entries: those that accept more than it found (`unused`); and, when it read only part
   * of what the suppressions file covers (`part`, see partOnly), the entries of rules that join files that accept
   * more than it found and that it leaves alone (`unjudged`: said in one line, never passed over in silence —
   * outsider helper-112: an entry of a hidden folder's workbook kept every such entry from being judged, unsaid).
   * One pass, so that an entry is one or the other, never both.
   */
  judged(roots: readonly string[], joins: ReadonlySet<string> = new Set(), counts: SuppressionCounts = this.counts): { unused: Array<{ file: string; rule: string; unused: number }>; unjudged: Array<{ file: string; rule: string }>; part?: PartOnly } {
    const unused: Array<{ file: string; rule: string; unused: number }> = [];
    const unjudged: Array<{ file: string; rule: string }> = [];
    const goneOf = this.goneIn(roots);
    const part = joins.size ? this.partOnly(roots, counts) : undefined;
    for (const [file, rules] of counts) {
      // an entry for a file or sheet that could not be read accepts nothing, whatever the file is now
      for (const [rule, count] of rules) if (UNREAD.has(rule)) unused.push({ file, rule, unused: count });
      const gone = goneOf(file);
      if (!this.checked.has(file) && !gone) continue;
      for (const [rule, count] of rules) {
        if (UNREAD.has(rule)) continue;
        const found = gone ? 0 : this.seen.get(file)?.get(rule) ?? 0;
        if (count <= found) continue;
        if (part && !gone && joins.has(rule)) unjudged.push({ file, rule });
        else unused.push({ file, rule, unused: count - found });
      }
    }
    return { unused, unjudged, ...(unjudged.length ? { part } : {}) };
  }

  /** Whether a file the suppressions file names is gone: under a folder the run read, not met, and not there. */
  private goneIn(roots: readonly string[]): (file: string) => boolean {
    const base = this.folder;
    const inRoots = (abs: string) => underAny(abs, roots);
    // a file the run met but did not read whole is not gone, even when what it names is (a link to nothing: outsider helper-85)
    return (file) => !this.checked.has(file) && !this.readInPart.has(file) && inRoots(resolve(base, file)) && !isThere(resolve(base, file));
  }

  /**
   * Why the run read less than the suppressions file covers, for a rule that joins files (a title repeated in another
   * shop's workbook finds less when that workbook was not read), or undefined when it read it all: a file of the run
   * not read whole (a partner workbook still being copied finds no repeat: outsider helper-112), the suppressions
   * file's folder not all checked (a shop's folder alone, the other shops named in the file or not: outsider
   * helper-111, a clean shop is named nowhere), or a file it names not read (a hidden folder's, given by name once).
   * Such a run neither judges nor lowers those rules' entries.
   */
  partOnly(roots: readonly string[], counts: SuppressionCounts = this.counts): PartOnly | undefined {
    const [inPart] = this.readInPart;
    if (inPart !== undefined) return { why: 'part', file: inPart };
    if (!underAny(this.folder, roots)) return { why: 'folder' };
    const goneOf = this.goneIn(roots);
    for (const file of counts.keys()) if (!this.checked.has(file) && !goneOf(file)) return { why: 'unread', file };
    return undefined;
  }

  /**
   * None of the files the suppressions file names is where it says, and it names some: a file moved
   * away from its drive (or a drive moved under it) suppresses nothing, and is said to (the number it names).
   */
  nowhere(): number {
    if (!this.counts.size) return 0;
    for (const file of this.counts.keys()) if (this.checked.has(file) || this.readInPart.has(file) || isThere(resolve(this.folder, file))) return 0;
    return this.counts.size;
  }

  /** The counts to write after `--suppress-all` / `--suppress-rule`: this run's findings accepted, other entries kept (of `base`: the file as it is now). */
  suppressedCounts(base: SuppressionCounts = this.counts, roots: readonly string[] = [], joins: ReadonlySet<string> = new Set()): SuppressionCounts {
    const out: SuppressionCounts = new Map([...base].map(([f, r]) => [f, new Map(r)]));
    // a run of part of the drive found less of a rule that joins files: its counts are kept where they are higher
    const partial = joins.size > 0 && this.partOnly(roots, base) !== undefined;
    for (const file of this.checked) {
      const seen = this.seen.get(file) ?? new Map<string, number>();
      const byRule = out.get(file) ?? new Map<string, number>();
      const joined = partial ? [...byRule].filter(([rule]) => joins.has(rule)) : [];
      // the rules asked for are as this run found them: an entry of one whose findings are gone goes too, as with
      // --suppress-all (outsider helper-110: --suppress-rule kept a count of 1 where none was left)
      if (this.mode.all) byRule.clear();
      else for (const rule of this.mode.rules ?? []) byRule.delete(rule);
      for (const [rule, n] of seen) if (this.asks(rule)) byRule.set(rule, n);
      for (const [rule, n] of joined) if (n > (byRule.get(rule) ?? 0)) byRule.set(rule, n);
      if (byRule.size) out.set(file, byRule);
      else out.delete(file);
    }
    // a file not read whole: what it found is accepted too (its unreadable file, the findings before it stopped),
    // its entries are kept, and none lowered (what it did not read was not counted)
    for (const file of this.readInPart) {
      const byRule = out.get(file) ?? new Map<string, number>();
      for (const [rule, n] of this.seen.get(file) ?? []) if (this.asks(rule) && n > (byRule.get(rule) ?? 0)) byRule.set(rule, n);
      if (byRule.size) out.set(file, byRule);
    }
    // an entry an older ecsop wrote for a file it could not read accepts nothing: not written again
    for (const [file, byRule] of out) {
      for (const rule of UNREAD) byRule.delete(rule);
      if (!byRule.size) out.delete(file);
    }
    return out;
  }

  /** The counts after `--prune-suppressions`: no entry accepts more than this run found. */
  prunedCounts(roots: readonly string[], joins: ReadonlySet<string> = new Set(), base: SuppressionCounts = this.counts): SuppressionCounts {
    const out: SuppressionCounts = new Map([...base].map(([f, r]) => [f, new Map(r)]));
    for (const { file, rule, unused } of this.unused(roots, joins, base)) {
      const byRule = out.get(file)!;
      const left = byRule.get(rule)! - unused;
      if (left > 0) byRule.set(rule, left);
      else byRule.delete(rule);
      if (!byRule.size) out.delete(file);
    }
    return out;
  }
}
