import { format } from '../rules/types.js';
import { READ_REASONS, type ReadReason } from './reasons.js';

/**
 * What every workbook reader yields, whatever the file format: sheets, each a stream of rows.
 * Rows and columns are Excel's: 1-based row numbers, and `cells[c]` is column c (1 = A).
 */
export type CellValue = string | number | boolean | Date | null;

export interface RawCell {
  /** the value, or a formula's cached result; null when empty or no result was cached */
  value: CellValue;
  /** the formula text without `=`, when the cell holds one */
  formula?: string;
  /** an Excel error value such as `#DIV/0!` (as the value or as a formula's result) */
  error?: string;
  /**
   * For a shared string, its index in the workbook's table. Writers keep one entry per distinct
   * text, so equal indexes mean equal text: checks can compare numbers instead of reading strings.
   */
  sst?: number;
}

export interface RawRow {
  /** Excel row number, 1-based */
  row: number;
  /** sparse: index is the 1-based column number */
  cells: Array<RawCell | undefined>;
}

export interface SheetSource {
  name: string;
  /** rows in order; empty rows may be skipped */
  rows(): AsyncIterable<RawRow>;
  /** the same rows in batches as they are read: one await per batch, not per row (the fast path) */
  batches(): AsyncIterable<RawRow[]>;
}

/** `rows()` for a source that reads in batches. */
export async function* rowsOf(batches: AsyncIterable<RawRow[]>): AsyncIterable<RawRow> {
  for await (const batch of batches) yield* batch;
}

export interface WorkbookSource {
  path: string;
  format: 'xlsx' | 'csv';
  /** true when the workbook counts dates from 1904 (old Mac Excel) */
  date1904: boolean;
  sheets(): AsyncIterable<SheetSource>;
}

/** A file the readers refuse, with the reason a person can act on. */
export class UnreadableFileError extends Error {
  constructor(
    /** machine-readable reason; its message is in src/workbook/reasons.ts */
    readonly reason: ReadReason,
    /** placeholders of the reason's message */
    readonly data: Record<string, unknown> = {},
    /** finding id this becomes: `file/unreadable`, `file/too-large` or `file/unsafe` */
    readonly ruleId: 'file/unreadable' | 'file/too-large' | 'file/unsafe' = 'file/unreadable',
  ) {
    super(format(READ_REASONS[reason].en, data));
  }

  /** The reason in the user's language. */
  text(lang: 'zh' | 'en'): string {
    return format(READ_REASONS[this.reason][lang], this.data);
  }
}

/** `A`, `Z`, `AA` … for a 1-based column number. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
