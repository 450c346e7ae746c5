import { columnNumber, MAX_COLUMN } from '../cells/address.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { siftDown, SortedLines } from './sorted-lines.js';
import type { Finding } from './types.js';

/**
 * Where a finding stands in its sheet, as one number: row, then column; findings without a row (about the
 * sheet) first. No row has more than MAX_COLUMN columns: every reader refuses a sheet, a CSV line or an
 * HTML table row past XFD (file/too-large, corrupt).
 */
export function placeKey(row: number | undefined, column: number | undefined): number {
  return (row ?? 0) * (MAX_COLUMN + 1) + (column === undefined || Number.isNaN(column) ? 0 : column);
}

/**
 * The first `max` items offered, by key and then in the order they came: a max-heap whose top is
 * the last of them, so an item past them costs one comparison. The text report keeps findings with
 * it (Kept); a worker keeps only their keys, to know which findings the report will never show
 * (check/findings.ts) — the same heap, so the two always agree.
 */
export class FirstByKey<T> {
  private readonly heap: Array<{ item: T; key: number; seq: number }> = [];
  private seq = 0;

  constructor(private readonly max: number) {}

  /** Whether the item is among the first so far (it then takes its place; the last of them leaves). */
  offer(key: number, item: T): boolean {
    const e = { item, key, seq: this.seq++ };
    const h = this.heap;
    if (h.length < this.max) { h.push(e); this.up(h.length - 1); return true; }
    if (this.max === 0 || !before(e, h[0])) return false;
    h[0] = e;
    this.down(0);
    return true;
  }

  /** The items kept, first to last. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => a.key - b.key || a.seq - b.seq).map((x) => x.item);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) { const p = (i - 1) >> 1; if (!before(h[p], h[i])) break; [h[p], h[i]] = [h[i], h[p]]; i = p; }
  }

  private down(i: number): void {
    // a max-heap: the last of the first `max` on top
    siftDown(this.heap, i, after);
  }
}

/** a before b: by key, then in the order they came */
const before = (a: { key: number; seq: number }, b: { key: number; seq: number }) => a.key < b.key || (a.key === b.key && a.seq < b.seq);
const after = (a: { key: number; seq: number }, b: { key: number; seq: number }) => before(b, a);

/**
 * Findings kept for showing: the first `max` by row and column, and per rule how many there were.
 * With `render` (every finding shown, `--all`), each finding's text as the report writes it (a line with
 * its line break, a table row) is kept in `lines` instead of the finding: in a spool, by place, so
 * that a sheet of a million findings is not held (sorted-lines.ts).
 */
export class Kept {
  private readonly first: FirstByKey<Finding>;
  /** per rule: every finding of this sheet, and how many are kept */
  readonly total = new Map<string, number>();
  /** the lines of the findings, when they are kept as lines */
  readonly lines?: SortedLines;
  /** per rule, the findings kept as lines */
  private readonly listed = new Map<string, number>();

  constructor(max: number, private readonly render?: (f: Finding) => string) {
    this.first = new FirstByKey(render ? 0 : max);
    if (render) this.lines = new SortedLines();
  }

  add(f: Finding): void {
    this.total.set(f.ruleId, (this.total.get(f.ruleId) ?? 0) + 1);
    const place = placeKey(f.row, f.column ? columnNumber(f.column) : undefined);
    if (this.lines) {
      this.lines.addPiece(place, this.render!(f));
      this.listed.set(f.ruleId, (this.listed.get(f.ruleId) ?? 0) + 1);
    } else this.first.offer(place, f);
  }

  /**
   * Findings counted and never sent (the worker knew they would not be kept): added to the rules'
   * numbers, the rules in the order they first reported in the sheet, as if each had come.
   * Kept only sees what is listed (errors only with --quiet), and so does `order`.
   */
  addCounted(order: readonly string[], counts: Readonly<Record<string, Record<'error' | 'warning' | 'info', number>>>, errorsOnly = false): void {
    const before = new Map(this.total);
    this.total.clear();
    for (const id of order) {
      const c = counts[id];
      // with --quiet only errors are listed, so only they are counted here
      const n = (before.get(id) ?? 0) + (c ? (errorsOnly ? c.error : c.error + c.warning + c.info) : 0);
      if (n) this.total.set(id, n);
      before.delete(id);
    }
    for (const [id, n] of before) this.total.set(id, n);
  }

  /** The kept findings in order (none when they are kept as `lines`), and per rule how many were left out. */
  take(): { shown: Finding[]; more: Array<[string, number]> } {
    const shown = this.first.sorted();
    const kept = new Map<string, number>(this.listed);
    for (const f of shown) kept.set(f.ruleId, (kept.get(f.ruleId) ?? 0) + 1);
    const more = [...this.total].map(([id, n]) => [id, n - (kept.get(id) ?? 0)] as [string, number]).filter(([, n]) => n > 0);
    return { shown, more };
  }
}

/** The first `max` rows of a command's table, kept to show, and how many more there were. */
export class FirstRows<T> {
  readonly rows: T[] = [];
  more = 0;

  constructor(private readonly max: number) {}

  add(r: T): void {
    if (this.rows.length < this.max) this.rows.push(r);
    else this.more += 1;
  }
}

/** The line under a table that shows the first rows: how many more there are (empty when none). */
export function moreRows(more: number, lang: Lang, dim: (s: string) => string): string {
  return more ? `${dim(t(lang, 'table.more', { count: more }))}\n` : '';
}
