import { columnNumber } from '../cells/address.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { show } from '../report/text.js';
import type { FileSummary, Finding, Severity } from '../report/types.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { CopyPlan, placeOf, type NewCell } from '../workbook/write-copy.js';

/** The fills of the levels, as Excel's own "bad" and "neutral" styles and a light blue. */
export const LEVEL_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const LEVELS: Severity[] = ['info', 'warning', 'error'];
const PALETTE = LEVELS.map((s) => LEVEL_FILL[s]);
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** How much of a file's findings the copy spells out; every finding's cell is coloured whatever the number. */
export interface AnnotateLimits {
  /** findings listed one by one on 检查结果 (Excel takes 65,530 links on a sheet) */
  listed: number;
  /** cells that get a note */
  notes: number;
  /** findings spelled out in one note */
  perNote: number;
}

export const ANNOTATE_LIMITS: AnnotateLimits = { listed: 65_000, notes: 10_000, perNote: 5 };

/** The name of the first sheet of an annotated copy (like the SOP's own sheet names, in Chinese whatever the language). */
export const RESULTS_SHEET = '检查结果';

const DESCRIPTIONS = new Map([...RULES, ...BUILTIN_RULES].map((r) => [r.id, r.description]));

/** Findings by sheet (in the file's order), then row and column. */
function orderOf(sheets: readonly string[]) {
  const index = new Map(sheets.map((s, i) => [s, i]));
  const col = (f: Finding) => (f.column ? columnNumber(f.column) || 0 : 0);
  return (a: Finding, b: Finding) => (a.sheet === undefined ? -1 : index.get(a.sheet) ?? sheets.length) - (b.sheet === undefined ? -1 : index.get(b.sheet) ?? sheets.length)
    || (a.row ?? 0) - (b.row ?? 0) || col(a) - col(b);
}

/**
 * One file's annotated copy, gathered as its findings come: each finding's cell coloured by
 * level (compactly, for every finding), the first `listed` findings kept to be listed on the
 * first sheet and to become notes, and counts per rule.
 */
export class FileAnnotation {
  private readonly plan = new CopyPlan();
  private listed: Finding[] = [];
  private more = 0;
  private notesCapped = false;
  private readonly counts = new Map<string, Record<Severity, number>>();

  constructor(private readonly lang: Lang, private readonly limits: AnnotateLimits = ANNOTATE_LIMITS) {}

  add(f: Finding): void {
    this.count(f.ruleId, f.severity, 1);
    if (f.sheet !== undefined && f.row !== undefined) {
      const column = f.column ? columnNumber(f.column) : 1;
      if (Number.isInteger(column) && column > 0) this.plan.marks(f.sheet, PALETTE).add(f.row, column, RANK[f.severity]);
    }
    if (this.listed.length < this.limits.listed) this.listed.push(f);
    else this.more++;
  }

  /** Findings only counted (a rule the command shows another way). */
  counted(counted: Record<string, Record<Severity, number>>): void {
    for (const [id, by] of Object.entries(counted)) for (const s of LEVELS) if (by[s]) { this.count(id, s, by[s]); this.more += by[s]; }
  }

  private count(id: string, s: Severity, n: number): void {
    let c = this.counts.get(id);
    if (!c) this.counts.set(id, (c = { error: 0, warning: 0, info: 0 }));
    c[s] += n;
  }

  /** The copy's plan: the notes and the first sheet, now that every finding of the file is in. */
  build(summary: FileSummary): CopyPlan {
    const { lang } = this;
    const listed = this.listed.sort(orderOf(summary.sheets.map((s) => s.name)));
    // the plan holds them from now on (and lets them go once the copy is written)
    this.listed = [];
    this.addNotes(listed);
    const total = { error: 0, warning: 0, info: 0 };
    for (const c of this.counts.values()) for (const s of LEVELS) total[s] += c[s];
    const count = total.error + total.warning + total.info;
    const level = (s: Severity): NewCell => ({ value: t(lang, `level.${s}`), fill: LEVEL_FILL[s] });
    const rows: Array<NewCell[] | null> = [
      [{ value: t(lang, 'annotate.title'), bold: true }],
      [{ value: t(lang, 'annotate.file', { file: summary.path }) }],
      [{ value: count ? t(lang, 'annotate.summary', { count: count, errors: total.error, warnings: total.warning, infos: total.info }) : t(lang, 'annotate.clean'), bold: true }],
    ];
    if (count) rows.push([{ value: t(lang, 'annotate.legend') }]);
    const byRule = [...this.counts].map(([id, c]) => ({ id, c, n: c.error + c.warning + c.info })).filter((r) => r.n > 0).sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
    let autoFilter: string | undefined;
    let header: number | undefined;
    if (byRule.length) {
      rows.push(null, t(lang, 'annotate.by-rule').split('|').map((h) => ({ value: h, bold: true })));
      for (const r of byRule) {
        const top = LEVELS.filter((s) => r.c[s] > 0).sort((a, b) => RANK[b] - RANK[a]);
        rows.push([{ value: r.id }, { ...level(top[0]), value: top.map((s) => t(lang, `level.${s}`)).join('/') }, { value: r.n }, { value: DESCRIPTIONS.get(r.id)?.[lang] ?? '' }]);
      }
      rows.push(null, t(lang, 'annotate.columns').split('|').map((h) => ({ value: h, bold: true })));
      header = rows.length;
      autoFilter = `A${header}:G${header + listed.length}`;
    }
    const tail: Array<NewCell[] | null> = [];
    if (this.more) tail.push(null, [{ value: t(lang, 'annotate.more', { count: this.more }) }]);
    if (this.notesCapped) tail.push([{ value: t(lang, 'annotate.notes-capped', { count: this.limits.notes }) }]);
    // the listed findings become rows as the sheet is written, not all at once (65,000 of them)
    const listedRows = autoFilter ? listed : [];
    const all = () => resultRows(rows, listedRows, (f) => this.row(f, level(f.severity)), tail);
    this.plan.firstSheet = { name: RESULTS_SHEET, rows: { [Symbol.iterator]: all }, widths: [22, 12, 10, 70, 28, 24, 30], autoFilter, printTitleRow: header };
    return this.plan;
  }

  /** A listed finding: where (a link to the cell), how bad, what, what was expected, the value, the rule. */
  private row(f: Finding, level: NewCell): NewCell[] {
    const { lang } = this;
    let where: NewCell = { value: '' };
    if (f.sheet !== undefined) {
      const cell = f.cell ?? (f.row !== undefined ? `A${f.row}` : undefined);
      const label = f.cell ?? (f.row !== undefined ? t(lang, 'annotate.row', { row: f.row }) : t(lang, 'annotate.whole-sheet'));
      where = { value: label, link: placeOf(f.sheet, cell) };
    }
    const clip = (s: string) => (s.length > 2000 ? `${s.slice(0, 2000)}…` : s);
    return [
      { value: f.sheet ?? '' }, where, level, { value: clip(f.message), wrap: true },
      { value: clip(show(f.expected)) }, { value: clip(show(f.value)) }, { value: f.ruleId },
    ];
  }

  /** A note on each listed finding's cell (several findings of a cell in one note), up to the limit. */
  private addNotes(listed: Finding[]): void {
    const { lang } = this;
    const byCell = new Map<string, Finding[]>();
    for (const f of listed) {
      if (f.sheet === undefined || f.row === undefined) continue;
      const key = `${f.sheet}\u0000${f.row}\u0000${f.column ?? 'A'}`;
      const list = byCell.get(key);
      if (list) list.push(f);
      else {
        if (byCell.size >= this.limits.notes) { this.notesCapped = true; continue; }
        byCell.set(key, [f]);
      }
    }
    for (const list of byCell.values()) {
      list.sort((x, y) => RANK[y.severity] - RANK[x.severity]); // the worst first
      const f0 = list[0];
      const shown = list.slice(0, this.limits.perNote).map((f) => {
        const lines = [`[${t(lang, `level.${f.severity}`)}] ${f.message}`];
        if (f.expected !== undefined && f.expected !== null && f.expected !== '') lines.push(t(lang, 'annotate.note-expected', { value: show(f.expected) }));
        lines.push(t(lang, 'annotate.note-rule', { value: f.ruleId }));
        return lines.join('\n');
      });
      if (list.length > this.limits.perNote) shown.push(t(lang, 'annotate.note-more', { count: list.length - this.limits.perNote }));
      const column = f0.column ? columnNumber(f0.column) : 1;
      if (Number.isInteger(column) && column > 0) this.plan.note(f0.sheet!, { row: f0.row!, column, text: shown.join('\n\n') });
    }
  }
}

/** The 检查结果 sheet's rows: its head, a row a listed finding (made as the sheet is written), its tail. */
function* resultRows<F>(head: Array<NewCell[] | null>, listed: readonly F[], rowOf: (f: F) => NewCell[], tail: Array<NewCell[] | null>): Generator<NewCell[] | null> {
  yield* head;
  for (const f of listed) yield rowOf(f);
  yield* tail;
}
