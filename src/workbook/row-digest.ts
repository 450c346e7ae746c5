import type { RawRow } from '../cells/raw.js';

/**
 * What a sheet's rows hold, as two 32-bit hashes and a count, made as the rows are read. The check
 * of `--annotate` makes one of each sheet of its input; the copy's read-back (read-back.ts) makes
 * one of the copy's sheets and, when they agree, need not read the input again (a second reading of
 * a million rows). They never decide alone that a copy differs: a digest that does not agree sends
 * the read-back to its row-by-row comparison, which names the cell.
 *
 * What it covers is what the comparison compares: each row with a value (its number), and in it
 * each cell with a value or an error (its column, the value's type and value, the error). Empty
 * cells and rows count as absent, as they do there; formulas, styles and merges are not values.
 */
export interface SheetDigest {
  /** the sheet's name */
  name: string;
  /** a sheet not read for its rows (a chart, a sheet the reader could not read): the read-back passes it over */
  skip?: true;
  rows?: number;
  a?: number;
  b?: number;
}

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

/** The running digest of one sheet's rows. */
export class RowDigest {
  private a = 0x811c9dc5;
  private b = 0x2545f491;
  private rows = 0;

  add(rows: readonly RawRow[]): void {
    for (const row of rows) {
      const cells = row.cells;
      let seen = false;
      for (let c = 1; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        const v = cell.value;
        const error = cell.error;
        if ((v === null || v === '') && !error) continue;
        if (!seen) { seen = true; this.rows++; this.mix(-1); this.mix(row.row); }
        this.mix(c);
        if (error) { this.mix(7); this.text(error); }
        if (typeof v === 'string') { this.mix(1); this.text(v); }
        else if (typeof v === 'number') { this.mix(2); this.number(v); }
        else if (typeof v === 'boolean') this.mix(v ? 3 : 4);
        else if (v instanceof Date) { this.mix(5); this.number(v.getTime()); }
        else this.mix(6);
      }
    }
  }

  /** The digest of the rows added, under the sheet's name. */
  value(name: string): SheetDigest {
    return { name, rows: this.rows, a: this.a >>> 0, b: this.b >>> 0 };
  }

  private mix(n: number): void {
    this.a = Math.imul(this.a ^ (n & 0xffff), 0x01000193);
    this.a = Math.imul(this.a ^ (n >>> 16), 0x01000193);
    this.b = Math.imul(this.b ^ n, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  private number(n: number): void {
    float[0] = n;
    this.mix(words[0]);
    this.mix(words[1]);
  }

  private text(s: string): void {
    this.mix(s.length);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }
}

/** Whether two digests of a sheet say the same rows. */
export function sameDigest(x: SheetDigest, y: SheetDigest): boolean {
  return x.name === y.name && x.rows === y.rows && x.a === y.a && x.b === y.b;
}

/**
 * The batches of `rows`, each added to `digest` as it passes; `whole()` says whether they were
 * all read (the iterator ended, not left part-way).
 */
export function digested(rows: AsyncIterator<RawRow[]>, digest: RowDigest): AsyncIterator<RawRow[]> & { whole(): boolean } {
  let ended = false;
  return {
    async next() {
      const r = await rows.next();
      if (r.done) ended = true;
      else digest.add(r.value);
      return r;
    },
    return: rows.return && (async (value?: unknown) => rows.return!(value)),
    whole: () => ended,
  };
}
