/**
 * What every workbook reader yields, whatever the file format. Rows and columns are Excel's:
 * 1-based row numbers, and `cells[c]` is column c (1 = A).
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
  /**
   * The cell lies under a cell merged down over it (an HTML table's `rowspan`, an XML Spreadsheet's `MergeDown`, as ERPs merge a
   * multi-item order's number, address and status): its value is that cell's, which is checked once, there.
   */
  covered?: true;
  /**
   * The columns the cell is merged across, two or more (an HTML table's `colspan`, an XML
   * Spreadsheet's `MergeAcross`): a row's one cell merged over the table that names a shop or a day is
   * a group's title an ERP prints over its rows (店铺:XX旗舰店), not data (src/sheets/summary-row.ts).
   */
  across?: number;
  /**
   * The number is in a date format but Excel shows no day for it (####: negative, past 9999-12-31,
   * src/cells/date.ts isDateSerial): a date column does not read it as a date, nor as a Unix time.
   */
  noDay?: true;
}

export interface RawRow {
  /** Excel row number, 1-based */
  row: number;
  /** sparse: index is the 1-based column number */
  cells: Array<RawCell | undefined>;
}
