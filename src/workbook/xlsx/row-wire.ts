import type { RawCell, RawRow } from '../../cells/raw.js';
import type { SharedText } from './string-table.js';

/**
 * Rows as they cross from the thread that scans a sheet to the thread that checks it: a few typed
 * arrays (moved, not copied) and one string of every text, instead of an object per cell, which
 * the structured clone would copy one by one (ten times slower than reading the sheet).
 *
 * A shared string crosses as its index alone: the checking thread holds the table and looks the
 * text up, so the cell it builds is the one the scanner would have built in that thread.
 */
export interface WireRows {
  /** Excel row number of each row */
  rows: Int32Array;
  /** where each row's cells end in the per-cell arrays (its first is where the row before ends) */
  ends: Int32Array;
  cols: Int32Array;
  /** per cell: the kind of value (low bits) and whether a formula or an error follows (flags) */
  tags: Uint8Array;
  /** per cell: the number, the date's time or the shared string's index */
  nums: Float64Array;
  /** every text of the batch, one after the other, and each one's length */
  text: string;
  lengths: Int32Array;
  /** the columns each cell flagged ACROSS is merged across, in the cells' order */
  spans: Int32Array;
}

const NULL = 0;
const TEXT = 1;
const NUMBER = 2;
const SHARED = 3;
const TRUE = 4;
const FALSE = 5;
const DATE = 6;
const KIND = 7;
const FORMULA = 8;
const ERROR = 16;
/** the cell lies under a merge (RawCell.covered) */
const COVERED = 32;
/** the cell is merged across columns (RawCell.across, in `spans`) */
const ACROSS = 64;
/** the number is in a date format but no day (RawCell.noDay) */
const NO_DAY = 128;

/** The rows in wire form; `transfer` lists the buffers to move with the message. */
export function encodeRows(batch: readonly RawRow[]): { wire: WireRows; transfer: ArrayBuffer[] } {
  let cellCount = 0;
  for (const r of batch) for (const c of r.cells) if (c) cellCount++;
  const rows = new Int32Array(batch.length);
  const ends = new Int32Array(batch.length);
  const cols = new Int32Array(cellCount);
  const tags = new Uint8Array(cellCount);
  const nums = new Float64Array(cellCount);
  const texts: string[] = [];
  const spans: number[] = [];
  let k = 0;
  for (let i = 0; i < batch.length; i++) {
    const { row, cells } = batch[i];
    rows[i] = row;
    for (let col = 0; col < cells.length; col++) {
      const c = cells[col];
      if (!c) continue;
      cols[k] = col;
      let tag: number;
      const v = c.value;
      if (c.sst !== undefined) { tag = SHARED; nums[k] = c.sst; }
      else if (v === null) tag = NULL;
      else if (typeof v === 'string') { tag = TEXT; texts.push(v); }
      else if (typeof v === 'number') { tag = NUMBER; nums[k] = v; }
      else if (typeof v === 'boolean') tag = v ? TRUE : FALSE;
      else { tag = DATE; nums[k] = v.getTime(); }
      if (c.error !== undefined) { tag |= ERROR; texts.push(c.error); }
      if (c.formula !== undefined) { tag |= FORMULA; texts.push(c.formula); }
      if (c.covered) tag |= COVERED;
      if (c.across !== undefined) { tag |= ACROSS; spans.push(c.across); }
      if (c.noDay) tag |= NO_DAY;
      tags[k] = tag;
      k++;
    }
    ends[i] = k;
  }
  const lengths = Int32Array.from(texts, (s) => s.length);
  const wire: WireRows = { rows, ends, cols, tags, nums, text: texts.join(''), lengths, spans: Int32Array.from(spans) };
  return { wire, transfer: [rows.buffer, ends.buffer, cols.buffer, tags.buffer, nums.buffer, lengths.buffer, wire.spans.buffer] as ArrayBuffer[] };
}

/**
 * The cells of plain shared strings decoded lately, by index: an export's columns repeat a few
 * texts (statuses, provinces, carriers, shops, 是/否), and one cell object serves every row that
 * has the text (nothing changes a cell once it is read: RawCell). Direct-mapped, 4,096 slots; one
 * per sheet's rows (an index is its workbook's). Decoding 78,000 orders' rows: 64–68 ms without
 * it, 31–58 ms with it (paired, on a loaded machine), each text looked up and its object made once.
 */
export class SharedCells {
  /** the index held at each slot (as the wire has it: a hostile file's may be -1 or 1.5), NaN for none: equal to no index */
  private readonly keys = new Float64Array(SLOTS).fill(NaN);
  private readonly cells: RawCell[] = new Array<RawCell>(SLOTS);

  constructor(private readonly strings: SharedText) {}

  /** The cell of shared string `index`: `{ value, sst }`, or `{ value: null }` when the table has no such string. */
  cell(index: number): RawCell {
    const slot = index & (SLOTS - 1);
    if (this.keys[slot] === index) return this.cells[slot];
    const cell = sharedStringCell(this.strings, index);
    this.keys[slot] = index;
    this.cells[slot] = cell;
    return cell;
  }
}
const SLOTS = 4096;

/** A shared string's cell as the scanner makes it: its text and index, or nothing when the table has no such string. */
function sharedStringCell(strings: SharedText, index: number): RawCell {
  const s = strings.text(index);
  return s === undefined ? { value: null } : { value: s, sst: index };
}

/**
 * The rows again, each cell as the scanner makes it (the same properties in the same order); a
 * shared string's text from `strings`, and a cell whose index names no string holds nothing. A
 * plain shared string's cell may be the one `shared` made for an earlier row.
 */
export function decodeRows(wire: WireRows, strings: SharedText, shared = new SharedCells(strings)): RawRow[] {
  const { rows, ends, cols, tags, nums, text, lengths, spans } = wire;
  const out: RawRow[] = new Array(rows.length);
  let k = 0;
  let t = 0;
  let at = 0;
  let span = 0;
  const next = (): string => { const s = text.substring(at, at + lengths[t]); at += lengths[t++]; return s; };
  for (let i = 0; i < rows.length; i++) {
    const end = ends[i];
    // as long as the row's last cell needs (a row's cells come in column order): not grown as they are put
    const cells: Array<RawCell | undefined> = new Array(end > k ? cols[end - 1] + 1 : 0);
    for (; k < end; k++) {
      const tag = tags[k];
      if (tag === SHARED) { cells[cols[k]] = shared.cell(nums[k]); continue; }
      let cell: RawCell;
      switch (tag & KIND) {
        // with a formula, an error or a merge: a cell of its own
        case SHARED: cell = sharedStringCell(strings, nums[k]); break;
        case TEXT: cell = { value: next() }; break;
        case NUMBER: cell = { value: nums[k] }; break;
        case TRUE: cell = { value: true }; break;
        case FALSE: cell = { value: false }; break;
        case DATE: cell = { value: new Date(nums[k]) }; break;
        default: cell = tag & ERROR ? { value: null, error: next() } : { value: null };
      }
      // (in the scanner's order: the mark right after the number, before a formula)
      if (tag & NO_DAY) cell.noDay = true;
      if (tag & ERROR && (tag & KIND) !== NULL) cell.error = next();
      if (tag & FORMULA) cell.formula = next();
      if (tag & COVERED) cell.covered = true;
      if (tag & ACROSS) cell.across = spans[span++];
      cells[cols[k]] = cell;
    }
    out[i] = { row: rows[i], cells };
  }
  return out;
}
