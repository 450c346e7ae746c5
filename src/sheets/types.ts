import type { CellSpec, ValueType } from '../cells/parse.js';
import type { Settings } from '../config/settings.js';

/**
 * A text of the workbook itself, not of the run: the SOP's Chinese and the English line that
 * `--headers zh-en` adds (input hints, notes). It does not follow --lang: a workbook is the team's,
 * whoever runs ecsop on it.
 */
export interface Bilingual { zh: string; en: string }
import type { ColumnKey, ColumnKeys } from '../domain/column-keys.js';
import type { Continuation } from '../domain/continuation.js';

export type { ValueType };

/** A sheet kind's id: generated with the column keys from the kinds (src/domain/column-keys.ts). */
export type KindId = keyof ColumnKeys;

/** Stages of the SOP; each becomes one workbook of `ecsop init`. */
export type StageId = 'research' | 'store' | 'listing' | 'campaign' | 'fulfilment';

/** What a formula builder gets: the column letter of any key in the same sheet. */
export interface FormulaContext {
  row: number;
  col: (key: string) => string;
  settings: Settings;
}

export interface ColumnDef extends CellSpec {
  /** stable key used by code and JSON (`demand`); the keys as types are generated (src/domain/column-keys.ts) */
  key: ColumnKey;
  /** the SOP's header text without its bracketed hint (`市场需求度`) */
  header: string;
  /** the SOP's bracketed hint (`1-5分`); the header is accepted with or without it */
  hint?: string;
  /** English name, also accepted as a header */
  en: string;
  /** other header texts people type for this column */
  aliases?: string[];
  required?: boolean;
  /** width in Excel character units */
  width?: number;
  /** dropdown values, in order (enum and boolean) */
  options?: readonly string[];
  /** enum cells may carry a reason in brackets: `待定(需优化成分浓度)` */
  allowReason?: boolean;
  /** inclusive bounds for numbers, scores and integers */
  min?: number;
  max?: number;
  /** an exclusive lower bound: the number must be greater (a search index is positive) */
  above?: number;
  /** what to type, shown as the input hint of the template (zh, en) */
  prompt: Bilingual;
  /** a live Excel formula for computed columns, e.g. 综合得分 */
  formula?: (ctx: FormulaContext) => string;
  /** Excel number format for the template, e.g. `0.00` */
  numFmt?: string;
  /** a rule owns this column's range checks, so the schema does not report them twice */
  checkedBy?: string;
  /** digits that identify something (order, tracking and phone numbers): a spreadsheet that turned them into a rounded number is reported */
  keepDigits?: boolean;
  /** read from platform exports, left out of the template `ecsop init` writes */
  exportOnly?: boolean;
  /** a required column another one can stand in for (金额 ← 订单金额) */
  alternative?: string;
}

/** One example row, as the SOP types it (key → cell value). */
export type ExampleRow = Record<string, string | number>;

export interface SheetKind {
  id: KindId;
  /** sheet title (zh), also the sheet name `ecsop init` writes */
  title: string;
  titleEn: string;
  stage: StageId;
  /** SOP section, e.g. `一.3` */
  sop: string;
  /** the SOP step and its numbers, quoted on the 说明 sheet (zh, en) */
  notes: { zh: string[]; en: string[] };
  columns: readonly ColumnDef[];
  /**
   * Columns that together say what the sheet is, each group any one of its keys: a header that has
   * them all is this kind even when another kind's columns are there too (an order export that
   * also carries 快递单号 and 发货时间 is an order sheet).
   */
  signature?: ReadonlyArray<readonly string[]>;
  /** a record written on several rows, its key on the first only (src/domain/continuation.ts) */
  continuation?: Continuation;
  /** columns a command adds to a copy of the sheet (`review --write`): key, header and English name */
  outputs?: ReadonlyArray<{ key: string; header: string; en: string; width?: number }>;
  /** the SOP's own example rows; `source` says whether they are the SOP's or ours */
  examples: { source: 'sop' | 'ecsop'; rows: ExampleRow[] };
}
