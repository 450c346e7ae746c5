import type { DateContext } from './date.js';
import { parseCell, type CellResult, type CellSpec } from './parse.js';
import type { RawCell } from './raw.js';

/** Cells kept per column, by the shared string's index (a power of two). */
const SLOTS = 1024;
/** Lookups after which a column whose texts hardly repeat stops keeping its cells. */
const TRIAL = 4096;
/** Hits out of TRIAL lookups below which a column's cells are no longer kept (a quarter). */
const FEW_HITS = TRIAL / 4;

/**
 * One column's cells read as its type, a shared string read once (issue #25): a text repeated down
 * a column (a province, a product, a status, a note) is one shared string of the workbook each
 * time, and reading it again gives the same cell. `parseCell` depends on nothing else but the
 * date context (a year taken from the row above), so date columns, cells without a shared string
 * and formula errors are read each time. At 300,000 orders of the bench's export, eight of its
 * twelve read columns repeat.
 *
 * Kept by the string's index, one cell a slot (SLOTS). A column whose texts do not repeat (order
 * numbers, phones, addresses) stops keeping them after TRIAL lookups with fewer than FEW_HITS hits:
 * kept, each of its cells would only live longer and be copied by the young generation's collections.
 */
export class ParsedColumn {
  /** the index each slot holds (NaN: none; a hostile file's index may be -1 or 1.5, equal to no slot's) */
  private keys: Float64Array | undefined;
  /** the text each slot's cell was read from (the same index is the same text in a workbook; not taken on trust) */
  private readonly texts: string[] = new Array<string>(SLOTS);
  private readonly cells: CellResult[] = new Array<CellResult>(SLOTS);
  private misses = 0;
  private hits = 0;
  /** the column was judged after TRIAL lookups (kept: its texts repeat) */
  private judged = false;

  constructor(private readonly col: CellSpec) {
    if (col.type !== 'date' && col.type !== 'datetime') this.keys = new Float64Array(SLOTS).fill(NaN);
  }

  /** `raw` read as the column's type: parseCell(raw, col, ctx), the same result (kept by the cell's index and text). */
  parse(raw: RawCell | undefined, ctx: DateContext): CellResult {
    const keys = this.keys;
    if (keys === undefined || raw === undefined || raw.sst === undefined || typeof raw.value !== 'string' || raw.error) return parseCell(raw, this.col, ctx);
    const index = raw.sst;
    const slot = index & (SLOTS - 1);
    if (keys[slot] === index && this.texts[slot] === raw.value) {
      this.hits++;
      return this.cells[slot];
    }
    const cell = parseCell(raw, this.col, ctx);
    if (!this.judged && ++this.misses + this.hits >= TRIAL) {
      this.judged = true;
      if (this.hits < FEW_HITS) {
        this.keys = undefined;
        this.cells.fill(undefined as unknown as CellResult);
        this.texts.fill('');
        return cell;
      }
    }
    keys[slot] = index;
    this.texts[slot] = raw.value;
    this.cells[slot] = cell;
    return cell;
  }
}
