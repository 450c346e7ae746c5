import type { DateContext } from './date.js';
import { parseCell, type CellResult, type CellSpec } from './parse.js';
import type { RawCell } from './raw.js';

/** Cells kept per column, by the shared string's index (a power of two). */
const SLOTS = 1024;
/** Cells of shared strings a column reads before it keeps any: a small sheet's columns make no table. */
const START = 256;
/** Lookups, once kept, after which a column whose texts hardly repeat stops keeping its cells. */
const TRIAL = 4096;
/** Hits out of TRIAL lookups below which a column's cells are no longer kept (a quarter). */
const FEW_HITS = TRIAL / 4;

/** Whole long numbers a column holds for each that looks rounded, at least, for those to be taken as whole (ParsedColumn.whole). */
const WHOLE_MARGIN = 20;

/** Whether the text is a number of 16 digits or more with a digit other than 0 after its 15th: none that Excel rounded to 15 digits. */
function wholeLong(text: string): boolean {
  let tail = false;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (i >= 15 && d !== 0) tail = true;
  }
  return tail;
}

/** What a column does with its cells: not kept yet (counting), kept, or never kept. */
const enum Keep { Counting, Kept, Never }

/**
 * One column's cells read as its type, a shared string read once (issue #25): a text repeated down
 * a column (a province, a product, a status, a note) is one shared string of the workbook each
 * time, and reading it again gives the same cell. `parseCell` depends on nothing else but the
 * date context (a year taken from the row above), so date columns, cells without a shared string
 * and formula errors are read each time. At 300,000 orders of the bench's export, eight of its
 * twelve read columns repeat.
 *
 * Kept by the string's index and text, one cell a slot (SLOTS), once the column has read START
 * shared strings (a sheet of a few rows makes no table). A column whose texts do not repeat (order
 * numbers, phones, addresses) stops keeping them after TRIAL lookups with fewer than FEW_HITS hits:
 * kept, each of its cells would only live longer and be copied by the young generation's collections.
 */
export class ParsedColumn {
  private keep: Keep;
  private seen = 0;
  /** the index each slot holds (NaN: none; a hostile file's index may be -1 or 1.5, equal to no slot's) */
  private keys: Float64Array | undefined;
  /** the text each slot's cell was read from (the same index is the same text in a workbook; not taken on trust) */
  private texts: string[] | undefined;
  private cells: CellResult[] | undefined;
  private misses = 0;
  private hits = 0;
  /** judged after TRIAL lookups: its texts repeat, and are kept from then on */
  private judged = false;

  constructor(private readonly col: CellSpec) {
    this.keep = col.type === 'date' || col.type === 'datetime' ? Keep.Never : Keep.Counting;
  }

  /**
   * `raw` read as an identifying number's column reads it (CellSpec.keepDigits): `parse`, but a long
   * number that only looks rounded in a column of whole ones is whole (see `whole`). A method of its own,
   * not a step of `parse`: a call more in every cell's reading was ~3% of a review's time (measured).
   */
  parseDigits(raw: RawCell | undefined, ctx: DateContext): CellResult {
    const cell = this.parse(raw, ctx);
    if (cell.problem === 'lost-digits') {
      if (cell.detail !== 'suspect') return cell;
      this.suspects += 1;
      return this.whole >= WHOLE_MARGIN * this.suspects ? parseCell(raw, (this.plain ??= { ...this.col, keepDigits: false }), ctx) : cell;
    }
    if (cell.problem === undefined && typeof cell.value === 'string' && cell.text.length > 15 && wholeLong(cell.text)) this.whole += 1;
    return cell;
  }

  /**
   * Long numbers of the column so far that are whole (a digit other than 0 after the 15th) and that look
   * rounded (18 digits or more ending in 000…: what Excel leaves of a number it rounded to 15 digits). One
   * that looks rounded in a column of whole ones is one of them — 1 in 1,000 order numbers ends in 000
   * (outsider helper-91: a 19-digit 订单号 ending in 0000 was taken for a rounded one, its lines split
   * into orders of their own) — but not in a column where they are not nearly all whole (helper-95: one
   * whole number typed in by hand let 48 rounded ones through, approved).
   */
  private whole = 0;
  private suspects = 0;
  /** the column read without looking for lost digits */
  private plain: CellSpec | undefined;

  /** `raw` read as the column's type: parseCell(raw, col, ctx), the same result (kept by the cell's index and text). */
  parse(raw: RawCell | undefined, ctx: DateContext): CellResult {
    if (this.keep === Keep.Never || raw === undefined || raw.sst === undefined || typeof raw.value !== 'string' || raw.error) return parseCell(raw, this.col, ctx);
    if (this.keep === Keep.Counting) {
      if (++this.seen < START) return parseCell(raw, this.col, ctx);
      this.keep = Keep.Kept;
      this.keys = new Float64Array(SLOTS).fill(NaN);
      this.texts = new Array<string>(SLOTS);
      this.cells = new Array<CellResult>(SLOTS);
    }
    const keys = this.keys!;
    const index = raw.sst;
    const slot = index & (SLOTS - 1);
    if (keys[slot] === index && this.texts![slot] === raw.value) {
      this.hits++;
      return this.cells![slot];
    }
    const cell = parseCell(raw, this.col, ctx);
    if (!this.judged && ++this.misses + this.hits >= TRIAL) {
      this.judged = true;
      if (this.hits < FEW_HITS) {
        this.keep = Keep.Never;
        this.keys = this.texts = this.cells = undefined;
        return cell;
      }
    }
    keys[slot] = index;
    this.texts![slot] = raw.value;
    this.cells![slot] = cell;
    return cell;
  }
}
