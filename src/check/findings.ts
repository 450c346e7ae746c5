import { FirstByKey, placeKey } from '../report/kept.js';
import { cellRef, columnLetter } from '../cells/address.js';
import type { Config } from '../config/config.js';
import { format, isLocalized, type Lang, type Localized } from '../i18n/format.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { docsPath, type Finding, type ReportInput, type Severity } from '../rules/types.js';
import { kindById } from '../sheets/registry.js';
import type { KindId, SheetKind } from '../sheets/types.js';

/** Where a finding is: a file, or a sheet of it (with its kind and columns, to name a cell). */
export interface Place {
  file: string;
  sheet?: string;
  kind?: SheetKind | KindId;
  /** column key → 1-based column number */
  columns?: ReadonlyMap<string, number>;
  /** the header row's texts by column number, as the file has them (HeaderMatch.texts) */
  headers?: ReadonlyArray<string | undefined>;
}

/** A header cell's text as a message names the column: on one line, trimmed; none when empty. */
function headerOf(text: string | undefined): string | undefined {
  return text ? text.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

interface RuleMeta { defaultSeverity: Severity; messages: Record<string, Localized>; docs: string }

/** Every rule's and every built-in finding's severity, messages and page, by id. */
const META: ReadonlyMap<string, RuleMeta> = new Map<string, RuleMeta>([...RULES, ...BUILTIN_RULES].map((r) => [r.id, { defaultSeverity: r.defaultSeverity, messages: r.messages, docs: docsPath(r.id) }]));

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const NONE: ReadonlySet<string> = new Set();

/**
 * A word-list entry has its own severity; when the user lowered the rule below its default,
 * that level caps it.
 */
function severityOf(configured: Severity, byDefault: Severity, entry: Severity | undefined): Severity {
  if (!entry) return configured;
  if (configured !== byDefault) return RANK[entry] < RANK[configured] ? entry : configured;
  return entry;
}

/** A value as a message shows it. */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return JSON.stringify(v);
}

/** What a rule's report became, for tests that check message ids and placeholders (see the rule tester). */
export interface Trace {
  ruleId: string;
  messageId: string;
  /** the placeholders the message was filled with */
  data: Record<string, unknown>;
  finding: Finding;
}

/** Findings counted between two calls of a builder's onCounted. */
const COUNTED_STEP = 512;

/**
 * The one way a finding is made, for every rule and every built-in check, per row or after all
 * rows: severity from the config (dropped when the rule is off), the message in the run's
 * language, and the cell named from the column key.
 */
export class FindingBuilder {
  /** per rule, the findings only counted (see `countOnly`) */
  readonly counted = new Map<string, Record<Severity, number>>();
  /** per sheet, what `showFirst` counted and did not build */
  readonly skipped = new Map<string, SheetSkips>();

  constructor(
    private readonly config: Config,
    private readonly lang: Lang,
    private readonly emit: (f: Finding) => void,
    private readonly trace?: (t: Trace) => void,
    /** rules whose findings a command shows another way: counted, not built (a million orders to review are a queue, not a million messages) */
    private readonly countOnly: ReadonlySet<string> = NONE,
    /**
     * the text report shows the first `max` findings of each sheet by row and column (errors only
     * with `errorsOnly`) and counts the rest per rule: a finding that cannot be among them is counted
     * here, its message never made nor sent (a sheet of 300,000 findings shows 20)
     */
    private readonly showFirst?: { max: number; errorsOnly: boolean },
    /** called after every COUNTED_STEP findings counted and not built (the engine's sink then hears what they are so far) */
    private readonly onCounted?: () => void,
  ) {}

  /** findings counted since onCounted was last called */
  private countedSince = 0;

  private counted1(): void {
    if (this.onCounted && ++this.countedSince >= COUNTED_STEP) { this.countedSince = 0; this.onCounted(); }
  }

  /** Whether the text report could show this finding: among the first of its sheet so far, by row and column. */
  private mayShow(ruleId: string, severity: Severity, sheet: string, row: number | undefined, column: number | undefined): boolean {
    let s = this.skipped.get(sheet);
    if (!s) this.skipped.set(sheet, (s = new SheetSkips(this.showFirst!.max)));
    const listed = !this.showFirst!.errorsOnly || severity === 'error';
    if (listed) s.seen(ruleId);
    if (listed && s.take(row, column)) return true;
    s.count(ruleId, severity);
    this.counted1();
    return false;
  }

  report(ruleId: string, place: Place, input: ReportInput): void {
    const meta = META.get(ruleId);
    if (!meta) throw new Error(`unknown rule id ${ruleId}`);
    const configured = this.config.rules.get(ruleId)?.severity ?? meta.defaultSeverity;
    if (configured === 'off') return;
    const severity = severityOf(configured, meta.defaultSeverity, input.severity);
    if (this.countOnly.has(ruleId)) {
      let c = this.counted.get(ruleId);
      if (!c) this.counted.set(ruleId, (c = { error: 0, warning: 0, info: 0 }));
      c[severity] += 1;
      this.counted1();
      return;
    }
    const index = input.field ? place.columns?.get(input.field) : input.column;
    if (this.showFirst && place.sheet !== undefined && !this.mayShow(ruleId, severity, place.sheet, input.row, index)) return;
    const kind = typeof place.kind === 'string' ? kindById(place.kind) : place.kind;
    const col = input.field && kind ? kind.columns.find((c) => c.key === input.field) : undefined;
    const template = meta.messages[input.messageId];
    if (!template) throw new Error(`${ruleId}: no message ${input.messageId}`);
    const given = typeof input.data === 'function' ? input.data() : input.data;
    // an `expected` worded in both languages is given in the run's
    const expected = isLocalized(input.expected) ? input.expected[this.lang] : input.expected;
    // a column named as the file names it (a platform's 订单编号 is the SOP's 订单号: outsider helper-94), else as the SOP does
    const data = { field: (index !== undefined && headerOf(place.headers?.[index])) || (col?.header ?? ''), value: shown(input.value), expected: shown(expected), ...given };
    // the report writers put the keys in the JSON's order; here only what is known is set
    const f: Finding = { ruleId, severity, file: place.file, message: format(template[this.lang], data, this.lang) };
    if (place.sheet !== undefined) f.sheet = place.sheet;
    if (input.row !== undefined) f.row = input.row;
    if (index !== undefined) f.column = columnLetter(index);
    const cell = cellRef(index, input.row);
    if (cell !== undefined) f.cell = cell;
    if (col) f.field = col.header;
    if (input.value !== undefined) f.value = input.value;
    if (expected !== undefined) f.expected = expected;
    if (input.suggestion !== undefined) f.suggestion = input.suggestion;
    if (input.reasons !== undefined) f.reasons = input.reasons;
    f.docs = meta.docs;
    this.trace?.({ ruleId, messageId: input.messageId, data, finding: f });
    this.emit(f);
  }
}

/**
 * One sheet's findings as the text report will keep them (report/kept.ts, the same heap): the first
 * `max` keys so far, the rules in the order they first reported, and per rule the findings counted
 * and not built.
 */
export class SheetSkips {
  private readonly first: FirstByKey<undefined>;
  /** every rule that reported in the sheet, in the order it first did */
  readonly order: string[] = [];
  private readonly known = new Set<string>();
  readonly counts = new Map<string, Record<Severity, number>>();

  constructor(max: number) {
    this.first = new FirstByKey(max);
  }

  seen(ruleId: string): void {
    if (!this.known.has(ruleId)) { this.known.add(ruleId); this.order.push(ruleId); }
  }

  count(ruleId: string, severity: Severity): void {
    let c = this.counts.get(ruleId);
    if (!c) this.counts.set(ruleId, (c = { error: 0, warning: 0, info: 0 }));
    c[severity] += 1;
  }

  /** Whether a finding at this place is among the first `max` (it then takes its place; the last of them leaves). */
  take(row: number | undefined, column: number | undefined): boolean {
    return this.first.offer(placeKey(row, column), undefined);
  }
}
