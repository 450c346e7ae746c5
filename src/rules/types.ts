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

/** A cell of a data row, read for its column; `column` is the 1-based column number. */
export interface ParsedCell extends CellResult { column: number }

export interface ParsedRow {
  /** Excel row number */
  row: number;
  /** column key → cell, for the columns the header has */
  cells: ReadonlyMap<string, ParsedCell>;
  /** values rules computed for this row, shared with commands (e.g. the order decision), so nothing is computed twice */
  derived: Map<string, unknown>;
}

export interface SheetInfo {
  file: string;
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
  sheet: SheetInfo;
  now: Date;
  lang: Lang;
  report(input: ReportInput): void;
  /** state shared by every sheet of every file in one run, for cross-sheet rules */
  shared: Map<string, unknown>;
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
