import { rangeOf, type CellRange } from '../../cells/address.js';
import type { RawCell, RawRow } from '../../cells/raw.js';

/** A merged range of a sheet, 1-based and inclusive: `A2:A4` is rows 2–4 of column 1. */
export type MergeRange = CellRange;

/** How many cells a merged range covers (0 for a reference that names none). */
export function areaOf(ref: string): number {
  const r = rangeOf(ref);
  return r ? (r.right - r.left + 1) * (r.bottom - r.top + 1) : 0;
}

/** A `<mergeCell ref="…">` of any namespace prefix; the markup between the rows' end and the sheet's end holds them. */
export const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^<>]*?ref=["']([^"'<>]*)["']/g;

/** More merged ranges than this in one sheet are not filled in (each one is a few numbers kept while the rows are read). */
export const MAX_FILLED_MERGES = 1_000_000;

/** Why a sheet's merged ranges were not given to its rows (the sheet says so: sheet/merges-unread). */
export interface UnfilledMerges {
  /** how many merged ranges were not given to the rows */
  count: number;
  /** `large`: the sheet was too large for them to be read first; `many`: over MAX_FILLED_MERGES of them; `unread`: references that name no cells (their first) */
  why: 'large' | 'many' | 'unread';
  ref?: string;
  /** for `large`: the most XML, in MB, of a sheet whose merges are read; for `many`: the most merged ranges */
  limit?: number;
}

/**
 * The merged ranges of a sheet, from its whole XML (UTF-8) in the pieces it was inflated in: read
 * from the markup after its rows, where every writer puts them (Excel, WPS, LibreOffice, openpyxl,
 * exceljs); and the ones not given to the rows. None when they cover more than `maxCells` cells (the
 * scanner refuses such a sheet as it ends); all unfilled when they number more than MAX_FILLED_MERGES.
 */
export function mergeRangesOf(pieces: readonly Buffer[], maxCells: number): { ranges: MergeRange[]; unfilled?: UnfilledMerges } {
  const tail = afterRows(pieces);
  if (!tail || !tail.includes('mergeCell')) return { ranges: [] };
  const ranges: MergeRange[] = [];
  let count = 0;
  let cells = 0;
  let unread: UnfilledMerges | undefined;
  for (const m of tail.matchAll(MERGE_CELL)) {
    const r = rangeOf(m[1]);
    if (!r) { if (unread) unread.count += 1; else unread = { count: 1, why: 'unread', ref: m[1].slice(0, 40) }; continue; }
    if (r.top === r.bottom && r.left === r.right) continue;
    cells += (r.right - r.left + 1) * (r.bottom - r.top + 1);
    if (cells > maxCells) return { ranges: [] };
    // past the most that are filled, only counted (none is kept)
    if (++count <= MAX_FILLED_MERGES) ranges.push(r);
  }
  if (count > MAX_FILLED_MERGES) return { ranges: [], unfilled: { count: count + (unread?.count ?? 0), why: 'many', limit: MAX_FILLED_MERGES } };
  return { ranges: ranges.sort((a, b) => a.top - b.top || a.left - b.left), unfilled: unread };
}

const END_OF_ROWS = 'sheetData>';

/** The markup from the last `sheetData>` (the rows' end) on, as Latin-1 text (its names and references are ASCII); undefined without one. */
function afterRows(pieces: readonly Buffer[]): string | undefined {
  const cut = END_OF_ROWS.length - 1;
  for (let k = pieces.length - 1; k >= 0; k--) {
    const piece = pieces[k];
    const at = piece.lastIndexOf(END_OF_ROWS);
    if (at >= 0) return Buffer.concat([piece.subarray(at), ...pieces.slice(k + 1)]).toString('latin1');
    // the name cut between this piece and the one before: from the end of that one (the bytes before the name are the rows' end, no merge)
    const before = k > 0 ? pieces[k - 1].subarray(Math.max(0, pieces[k - 1].length - cut)) : undefined;
    if (before && Buffer.concat([before, piece.subarray(0, cut)]).includes(END_OF_ROWS)) return Buffer.concat([before, ...pieces.slice(k)]).toString('latin1');
  }
  return undefined;
}

/**
 * A cell with nothing in it, or an empty text of its own (some writers put `""` in a merge's other
 * cells). A shared string's cell is never empty here: in the reading thread it holds its index only
 * (its text is looked up in the checking thread), and both threads must fill alike.
 */
const isEmpty = (c: RawCell | undefined): boolean => !c || (c.sst === undefined && (c.value === null || c.value === '') && c.formula === undefined && c.error === undefined);
const hasValue = (c: RawCell | undefined): c is RawCell => c !== undefined && (c.value !== null || c.sst !== undefined);

/**
 * An .xlsx sheet's merged ranges given to its rows as they are read, the way an HTML table's
 * `rowspan`/`colspan` and an XML Spreadsheet's `MergeDown`/`MergeAcross` are (src/workbook/read-markup.ts):
 * a merged cell spanning columns says how many (`across`), and the rows below it hold its value in
 * its first column, marked `covered` — so a multi-item order whose number, address, amount and status
 * an ERP merged down over its item rows is one order of its lines, not lines without a number. A cell
 * of its own under a merge (a writer may leave one) keeps its value.
 */
export class MergeFill {
  private next = 0;
  /** the ranges whose rows are being read, and the cell at the top of each (what its rows below hold) */
  private active: Array<{ range: MergeRange; top: RawCell | undefined }> = [];

  constructor(private readonly ranges: readonly MergeRange[]) {}

  /** Fills one batch of rows (in the order the sheet has them). */
  fill(rows: readonly RawRow[]): void {
    for (const row of rows) {
      const r = row.row;
      while (this.next < this.ranges.length && this.ranges[this.next].top <= r) this.active.push({ range: this.ranges[this.next++], top: undefined });
      if (!this.active.length) continue;
      let kept = 0;
      for (const a of this.active) {
        const { top, left, right, bottom } = a.range;
        if (bottom < r) continue;
        this.active[kept++] = a;
        const cell = row.cells[left];
        if (r === top) {
          if (isEmpty(cell)) continue;
          a.top = cell;
          if (right > left) cell!.across = right - left + 1;
        } else if (hasValue(a.top) && isEmpty(cell)) {
          row.cells[left] = coveredBy(a.top);
        }
      }
      this.active.length = kept;
    }
  }
}

/**
 * What a cell under a merge holds: the value of the cell at its top and what says how to read it
 * (its shared-string index, its mark as no day), in the order a cell read from the sheet has them,
 * and marked covered; not its formula, error or span, which are the top cell's own.
 */
function coveredBy(top: RawCell): RawCell {
  const cell: RawCell = { value: top.value };
  if (top.sst !== undefined) cell.sst = top.sst;
  if (top.noDay) cell.noDay = true;
  cell.covered = true;
  return cell;
}
