import { doubled } from '../../cells/doubled.js';

/** One cell a copy colours, keeping what the cell holds. */
export interface CellMark {
  column: number;
  /** solid fill, ARGB */
  fill: string;
}

/**
 * Cells to colour, held compactly (a million findings are three typed arrays, not a million
 * objects): each cell once, with the strongest level asked for it. `palette[level]` is the fill
 * of a level; a higher level wins.
 */
export class CellMarks {
  private rowsOf = new Int32Array(256);
  private colsOf = new Uint16Array(256);
  private levels = new Uint8Array(256);
  private n = 0;
  private sealed = true;
  /** after sealing: the index of each distinct row's first mark */
  private starts: Int32Array = new Int32Array(0);
  private distinct: Int32Array = new Int32Array(0);

  constructor(private readonly palette: readonly string[]) {}

  get size(): number {
    return this.n;
  }

  add(row: number, column: number, level: number): void {
    if (this.n === this.rowsOf.length) {
      this.rowsOf = doubled(this.rowsOf);
      this.colsOf = doubled(this.colsOf);
      this.levels = doubled(this.levels);
    }
    this.rowsOf[this.n] = row;
    this.colsOf[this.n] = column;
    this.levels[this.n] = level;
    this.n++;
    this.sealed = false;
  }

  /** Sorts by row and column and keeps each cell once, at its strongest level. */
  private seal(): void {
    if (this.sealed) return;
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    const r = this.rowsOf;
    const c = this.colsOf;
    order.sort((a, b) => r[a] - r[b] || c[a] - c[b]);
    const rows = new Int32Array(this.n);
    const cols = new Uint16Array(this.n);
    const levels = new Uint8Array(this.n);
    let m = 0;
    for (const i of order) {
      if (m > 0 && rows[m - 1] === r[i] && cols[m - 1] === c[i]) {
        if (this.levels[i] > levels[m - 1]) levels[m - 1] = this.levels[i];
        continue;
      }
      rows[m] = r[i];
      cols[m] = c[i];
      levels[m] = this.levels[i];
      m++;
    }
    this.rowsOf = rows;
    this.colsOf = cols;
    this.levels = levels;
    this.n = m;
    const starts: number[] = [];
    const distinct: number[] = [];
    for (let i = 0; i < m; i++) if (i === 0 || rows[i] !== rows[i - 1]) { starts.push(i); distinct.push(rows[i]); }
    this.starts = Int32Array.from(starts);
    this.distinct = Int32Array.from(distinct);
    this.sealed = true;
  }

  /** The marks of `row`, by column. */
  at(row: number): CellMark[] | undefined {
    this.seal();
    const d = this.distinct;
    let lo = 0;
    let hi = d.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (d[mid] < row) lo = mid + 1;
      else if (d[mid] > row) hi = mid - 1;
      else {
        const end = mid + 1 < this.starts.length ? this.starts[mid + 1] : this.n;
        const out: CellMark[] = [];
        for (let i = this.starts[mid]; i < end; i++) out.push({ column: this.colsOf[i], fill: this.palette[this.levels[i]] });
        return out;
      }
    }
    return undefined;
  }

  /** The rows that have marks, ascending. */
  rows(): Iterable<number> {
    this.seal();
    return this.distinct;
  }

  maxColumn(): number {
    let max = 0;
    for (let i = 0; i < this.n; i++) if (this.colsOf[i] > max) max = this.colsOf[i];
    return max;
  }
}
