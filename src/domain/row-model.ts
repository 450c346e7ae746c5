import type { CellResult } from '../cells/parse.js';
import type { Settings } from '../config/settings.js';
import type { ColumnKey } from './column-keys.js';

export type { ColumnKey, ColumnKeys } from './column-keys.js';

/**
 * The cells of one data row by column key; undefined for a column the sheet's header lacks. `K`:
 * the keys of the sheet kinds the reader is for (a rule's), so that a misspelt key fails tsc.
 */
export interface RowCells<K extends string = ColumnKey> {
  get(key: K): CellResult | undefined;
}

/** What a model may know besides the row: the SOP's numbers and the run's platform and category. */
export interface ModelEnv {
  settings: Settings;
  /** the platform from --platform or the config (a 平台 cell wins over it) */
  platform?: string;
  /** the category for titles checked without a workbook (`lint --text --category …`) */
  category?: string;
  /** what the sheet's first rows showed of its shared strings (RepeatedTexts); none for a CSV or rows given */
  sharedStrings?: RepeatedTexts;
}

/**
 * A sheet's shared strings as the models may ask after them: whether the workbook repeats a text
 * under two indexes, and the cell an index makes in a column. Excel, WPS, LibreOffice and openpyxl
 * keep one entry a text, so an index stands for its text; not every writer does (outsider helper-92:
 * every duplicate order of such a file was missed). Told from the first SAMPLE_ROWS data rows of a
 * sheet, whose repeated texts (a status, a province, a product) show it at once.
 */
export class RepeatedTexts {
  /** undefined until the first rows have been seen */
  private decided: boolean | undefined;
  private readonly indexOf = new Map<string, number>();
  private rows = 0;

  /**
   * `cellOf`: shared string `index` read as column `key` reads it (undefined when the table has no such string);
   * `rich`: whether it was written in pieces (SharedText.rich: the same text may have a plain entry too)
   */
  constructor(readonly cellOf?: (index: number, key: ColumnKey) => CellResult | undefined, readonly rich?: (index: number) => boolean) {}

  /** A data row's shared-string cell: its text and index. */
  see(text: string, index: number): void {
    if (this.decided !== undefined) return;
    const known = this.indexOf.get(text);
    if (known === undefined) this.indexOf.set(text, index);
    else if (known !== index) this.decided = true;
  }

  /** A data row seen; after SAMPLE_ROWS of them, the answer is kept and the texts let go. */
  row(): void {
    if (this.decided === undefined && ++this.rows >= SAMPLE_ROWS) { this.decided = false; this.indexOf.clear(); }
  }

  /** Whether an index may stand for its text: not once a text was seen under two; not yet decided is not yet; never when its text cannot be asked for. */
  get indexesSuffice(): boolean {
    return this.decided === false && this.cellOf !== undefined;
  }

  /** Whether the rows seen so far are the sample's (their texts are to be looked at too). */
  get sampling(): boolean {
    return this.decided === undefined;
  }
}

/** Data rows a sheet's shared strings are looked at in (RepeatedTexts). */
export const SAMPLE_ROWS = 2000;

/**
 * A data row as rules, commands and models see it. `row` is Excel's row number. A model of the
 * row (its selection score, its listing view …) is computed on first use and shared by every
 * rule and command that asks for it, so nothing is worked out twice.
 */
export interface ParsedRow<K extends string = ColumnKey> {
  readonly row: number;
  readonly cells: RowCells<K>;
  model<T>(m: RowModel<T>): T;
  /** the formula (without `=`) a cell holds, when it holds one */
  formula?(key: K): string | undefined;
  /** whether the cell lies under a cell merged down over it (RawCell.covered): its value is that cell's */
  covered?(key: K): boolean;
  /** the text a person sees in a column the sheet kind does not know (`SheetInfo.extraHeaders`' `column`), '' for none */
  extraText?(column: number): string;
}

/** A typed view of one row, computed from its cells (see ParsedRow.model). Made with `rowModel`. */
export interface RowModel<T> {
  readonly id: string;
  /** a small number of its own, for the engine's per-row cache */
  readonly slot: number;
  compute(row: ParsedRow, env: ModelEnv): T;
}

let slots = 0;

/** Defines a row model; each gets its own cache slot. */
export function rowModel<T>(id: string, compute: (row: ParsedRow, env: ModelEnv) => T): RowModel<T> {
  return { id, slot: slots++, compute };
}

/**
 * A model over a whole sheet that emits items as rows stream by, for facts that span rows
 * (an order written on several lines). Created once per sheet for everyone who subscribes.
 */
export interface SheetModel<T> {
  readonly id: string;
  start(env: ModelEnv): SheetModelRun<T>;
}

export interface SheetModelRun<T> {
  row(row: ParsedRow, emit: (item: T) => void): void;
  /** a row passed over as no data came (a row of totals, a group's title): what was being read is not continued past it */
  boundary?(): void;
  /** the sheet's reading stopped part-way (bytes its encoding has not, a damaged part): what was being read is emitted as cut short; `end` does not follow */
  stopped?(emit: (item: T) => void): void;
  end(emit: (item: T) => void): void;
}
