import type { z } from 'zod';
import type { Settings } from '../config/settings.js';
import type { ColumnKey, ColumnKeys, ParsedRow, SheetModel } from '../domain/row-model.js';
import type { Lang, Localized } from '../i18n/format.js';
import type { KindId, SheetKind } from '../sheets/types.js';

import type { Severity } from '../domain/severity.js';

export type { Severity };

/**
 * One problem found, as every report shows it (the JSON report's `findings`). `row` and `column`
 * are what Excel shows: the 1-based row number and the column letters; `cell` is the two together
 * (`G3`). Nothing else in ecsop uses other coordinates.
 */
/** A rule's page, relative to the package and the repository: `docs/rules/ship-late.md`. */
export const docsPath = (ruleId: string): string => `docs/rules/${ruleId}.md`;

export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  /** the header of the column as the SOP names it (`综合得分`) */
  field?: string;
  value?: unknown;
  expected?: unknown;
  suggestion?: string;
  /** codes behind the finding, e.g. the order-review reasons (`amount-large`, `remote-area`) */
  reasons?: string[];
  message: string;
  /** the rule's page (`docsPath`), as ESLint's meta.docs.url */
  docs?: string;
}

/**
 * A sheet as a finding names it, in plain data (it crosses threads and waits for a rule's
 * `finish`): the file as the report names it, the sheet, its kind and where each column is.
 */
export interface SheetRef {
  file: string;
  sheet: string;
  kind: KindId;
  /** column key → 1-based column number */
  columns: ReadonlyMap<string, number>;
}

/**
 * A sheet as a rule's `finish` names it, with only the columns its findings are on: what a join
 * carries is kept for every file of a run and, with `--cache`, stored and read back each run (a
 * drive's 10,000 发货 sheets each carried all 16 columns: a Map made 10,000 times a re-check).
 */
export function refTo(ref: SheetRef, ...fields: string[]): SheetRef {
  const columns = new Map<string, number>();
  for (const f of fields) { const c = ref.columns.get(f); if (c !== undefined) columns.set(f, c); }
  return { ...ref, columns };
}

export interface SheetInfo {
  /** the file as the report names it */
  file: string;
  name: string;
  kind: SheetKind;
  headerRow: number;
  /** column key → 1-based column number */
  columns: ReadonlyMap<string, number>;
  /** the last column of the header row that has text */
  lastColumn: number;
  /** the last column any row uses (data beyond the header included): known once the sheet has been read */
  usedColumn: number;
  /** this sheet as findings made after the run (in `finish`) name it */
  ref: SheetRef;
  /** header cells that name no column of the kind (1-based column, text): read by no rule */
  extraHeaders: ReadonlyArray<{ column: number; text: string; group?: string }>;
}

/**
 * What a rule reports: a message of its own and, for a cell, the row and the column by its key.
 * The engine alone turns this into sheet, row, column letter, cell, field and message.
 */
export interface ReportInput<C extends string = ColumnKey, M extends string = string> {
  /** one of the rule's own `messages` (a rule typed with its message ids: `Rule<O, K, 'late'>`) */
  messageId: M;
  /**
   * placeholders of the message; `{field}`, `{value}` and `{expected}` are filled from the finding
   * too. A function is called only when the message is made (not for findings only counted).
   */
  data?: Record<string, unknown> | (() => Record<string, unknown>);
  row?: number;
  /** column key of the rule's sheet kinds; gives column, cell and field */
  field?: C;
  /** a 1-based column that is no column of the kind (an unread header), when there is no `field` */
  column?: number;
  value?: unknown;
  expected?: unknown;
  suggestion?: string;
  reasons?: string[];
  /** the entry's own severity (word lists); a level the user lowered the rule to still caps it */
  severity?: Severity;
}

/** A finding made after the run, by a rule's `finish`: the sheet it is about, handed over in its contribution. */
export interface FinishReportInput<C extends string = ColumnKey, M extends string = string> extends ReportInput<C, M> {
  sheet: SheetRef;
}

/** How finely a result depends on --now: its year, month, day (UTC), or the exact instant; coarsest first. */
export const CLOCKS = ['year', 'month', 'day', 'exact'] as const;
export type Clock = (typeof CLOCKS)[number];

export interface RuleContext<O, C extends string = ColumnKey, M extends string = string> {
  options: O;
  settings: Settings;
  sheet: SheetInfo;
  now: Date;
  lang: Lang;
  report(input: ReportInput<C, M>): void;
  /**
   * Hands data to the rule's `finish`, which runs once after every file of the run was checked
   * (in the main thread, also with --jobs): for checks that join sheets or files.
   * The data must be plain (structured-cloneable). `findingsHere: false` says the finish will not
   * report on this sheet (it only reads from it), so its report need not wait for the finish.
   */
  contribute(data: unknown, how?: { findingsHere: boolean }): void;
  /** Receives the items of a sheet model (e.g. the orders of the sheet, each decided once). */
  subscribe<T>(model: SheetModel<T>, on: (item: T) => void): void;
}

export interface FinishContext<O, C extends string = ColumnKey, M extends string = string> {
  options: O;
  settings: Settings;
  now: Date;
  lang: Lang;
  report(input: FinishReportInput<C, M>): void;
}

export interface RuleVisitor<C extends string = ColumnKey> {
  row?(row: ParsedRow<C>): void;
  end?(): void;
}

/** A rule; `K`, its sheet kinds, types the column keys its rows have (`Rule<Options, 'listing'>`). */
/**
 * A rule, typed by its options `O`, its sheet kinds `K` (the column keys its rows have and its
 * findings name) and its message ids `M` (what `report` may say): `Rule<Options, 'listing', 'long'>`.
 * A key of another kind or a message it has not fails tsc.
 */
export interface Rule<O = Record<string, unknown>, K extends KindId = KindId, M extends string = string> {
  id: string;
  sheetKinds: readonly K[];
  defaultSeverity: Severity;
  description: Localized;
  /** zod schema of the rule's options; defaults come from the SOP's numbers in settings */
  options: (settings: Settings) => z.ZodType<O>;
  /** the rule's message ids, each a text of the catalogs (`msg('rule.<id>.<message>')`) with `{placeholders}` */
  messages: Record<M, Localized>;
  create(ctx: RuleContext<O, ColumnKeys[K], M>): RuleVisitor<ColumnKeys[K]>;
  /**
   * How finely the rule's findings depend on `ctx.now` when it reads it (the day for a deadline,
   * the month for "recent"): a cached result is reused only while --now is the same to that grain.
   * A rule that reads `now` and says nothing is taken to depend on it to the millisecond.
   */
  clock?: Clock;
  /** runs once per run with what every sheet contributed (see RuleContext.contribute) */
  finish?(ctx: FinishContext<O, ColumnKeys[K], M>, contributions: unknown[]): Promise<void> | void;
}

/** Findings the engine itself makes (reading files, recognising sheets, the row schema). */
export interface BuiltinRule {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
  messages: Record<string, Localized>;
}

export type { ParsedRow };
