import type { z } from 'zod';
import type { CellResult } from '../cells/parse.js';
import type { Settings } from '../config/settings.js';
import type { KindId, SheetKind } from '../sheets/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';
export interface Localized { zh: string; en: string }

/**
 * One problem found. `row` and `column` are what Excel shows: the 1-based row number and the
 * column letters; `cell` is the two together (`G3`). Nothing else in ecsop uses other coordinates.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
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
}

/** A cell of a data row, read for its column (its place is in SheetInfo.columns). */
export type ParsedCell = CellResult;

/** The cells of one row by column key; undefined for a column the header lacks. */
export interface RowCells {
  get(key: string): ParsedCell | undefined;
}

export interface ParsedRow {
  /** Excel row number */
  row: number;
  /** column key → cell, for the columns the header has */
  cells: RowCells;
  /**
   * Values rules computed for this row, shared with commands (e.g. the order decision), so
   * nothing is computed twice. Created by the first rule that stores something.
   */
  derived?: Map<string, unknown>;
}

export interface SheetInfo {
  /** the file as the report names it */
  file: string;
  /** the file's absolute path, for rules that read it again in `finish` */
  path: string;
  name: string;
  kind: SheetKind;
  headerRow: number;
  /** column key → 1-based column number */
  columns: ReadonlyMap<string, number>;
  /** the last column of the header row that has text */
  lastColumn: number;
}

export interface ReportInput {
  messageId: string;
  /** the entry's own severity (word lists); a level the user lowered the rule to still caps it */
  severity?: Severity;
  data?: Record<string, unknown>;
  row?: number;
  /** column key of the sheet kind; gives column, cell and field */
  field?: string;
  value?: unknown;
  expected?: unknown;
  suggestion?: string;
  reasons?: string[];
}

export interface RuleContext<O> {
  options: O;
  settings: Settings;
  /** the platform from --platform or the config (a 平台 cell wins over it) */
  platform?: string;
  /** the category for titles checked without a workbook (`lint --text --category …`) */
  category?: string;
  sheet: SheetInfo;
  now: Date;
  lang: Lang;
  report(input: ReportInput): void;
  /**
   * Hands data to the rule's `finish`, which runs once after every file of the run was checked
   * (in the main thread, also with --jobs): for checks that join sheets or files.
   * The data must be plain (structured-cloneable).
   */
  contribute(data: unknown): void;
}

/** A finding made after the run, by a rule's `finish`: it names its place itself. */
export interface FinishReportInput {
  file: string;
  sheet?: string;
  row?: number;
  /** 1-based column number */
  column?: number;
  /** the header text of the column */
  field?: string;
  messageId: string;
  data?: Record<string, unknown>;
  value?: unknown;
  expected?: unknown;
  suggestion?: string;
  reasons?: string[];
}

export interface FinishContext<O> {
  options: O;
  settings: Settings;
  platform?: string;
  now: Date;
  lang: Lang;
  report(input: FinishReportInput): void;
}

export interface RuleVisitor {
  row?(row: ParsedRow): void;
  end?(): void;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  sheetKinds: readonly KindId[];
  defaultSeverity: Severity;
  description: Localized;
  /** zod schema of the rule's options; defaults come from the SOP's numbers in settings */
  options: (settings: Settings) => z.ZodType<O>;
  /** message templates with `{placeholders}` */
  messages: Record<string, Localized>;
  create(ctx: RuleContext<O>): RuleVisitor;
  /** runs once per run with what every sheet contributed (see RuleContext.contribute) */
  finish?(ctx: FinishContext<O>, contributions: unknown[]): Promise<void> | void;
}

/** Findings the engine itself makes (reading files, recognising sheets, the row schema). */
export interface BuiltinRule {
  id: string;
  defaultSeverity: Severity;
  description: Localized;
  messages: Record<string, Localized>;
}

/** Fills `{name}` placeholders. */
export function format(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
