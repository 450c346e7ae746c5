/** The shared strings as a sheet's cells read them: the text of index `i`, or undefined when there is none. */
export interface SharedText {
  text(index: number): string | undefined;
  readonly length: number;
}

/**
 * The decoders Buffer's toString calls (Node's own, not in its typings): called directly, a text
 * is made in ~50 ns instead of ~80 (its encoding looked up and its bounds checked again), on the
 * checking thread's path. toString where they are missing.
 */
interface Slices { latin1Slice(from: number, to: number): string; ucs2Slice(from: number, to: number): string }
const SLICES = typeof (Buffer.prototype as Partial<Slices>).latin1Slice === 'function' && typeof (Buffer.prototype as Partial<Slices>).ucs2Slice === 'function';

/** A text all of whose characters are ASCII: one byte each in the table, the others two (UTF-16). */
const isAscii = (s: string): boolean => Buffer.byteLength(s, 'utf8') === s.length;

/**
 * A workbook's shared strings, held as bytes instead of one string object each. At a million
 * order rows an export's table is two million strings (order numbers, phones, addresses): as
 * strings they took 88 MB of the checking thread's heap and every full collection marked them;
 * here they take their characters (an ASCII text one byte each, another two, as V8 holds it) and
 * 4 bytes of offset. A text is made again when a cell asks for it (a copy, never a slice that
 * would keep the table alive); one asked for a second time (a province, a product) is kept from
 * then on, so a repeated text is made twice at most.
 */
export class StringTable implements SharedText {
  private bytes = Buffer.allocUnsafe(1 << 11);
  private used = 0;
  /** where text i starts in `bytes`; it ends where i + 1 starts */
  private starts = new Uint32Array(1 << 8);
  /** bit i: text i is two bytes a character */
  private wide = new Uint8Array(1 << 5);
  private count = 0;
  /** the reader of text() */
  private own: TableReader | undefined;

  static of(texts: Iterable<string>): StringTable {
    const t = new StringTable();
    for (const s of texts) t.push(s);
    return t;
  }

  get length(): number {
    return this.count;
  }

  push(s: string): void {
    const ascii = isAscii(s);
    const size = ascii ? s.length : s.length * 2;
    if (this.used + size > this.bytes.length) this.bytes = grown(this.bytes, this.used, this.used + size);
    if (this.count + 2 > this.starts.length) this.starts = grown(this.starts, this.count + 1, this.count + 2);
    if ((this.count >> 3) >= this.wide.length) this.wide = grown(this.wide, this.wide.length, (this.count >> 3) + 1);
    this.starts[this.count] = this.used;
    if (ascii) this.bytes.write(s, this.used, size, 'latin1');
    else { this.bytes.write(s, this.used, size, 'utf16le'); this.wide[this.count >> 3] |= 1 << (this.count & 7); }
    this.used += size;
    this.count++;
    this.starts[this.count] = this.used;
  }

  text(index: number): string | undefined {
    return (this.own ??= new TableReader(this)).text(index);
  }

  /**
   * A reader of its own: what it keeps is its own, so two readers of one table (a copy read back
   * beside its input) do not keep every text by asking for each once.
   */
  reader(): SharedText {
    return new TableReader(this);
  }

  /** The table is complete: its buffers shrunk to what they hold. */
  trim(): void {
    if (this.bytes.length > this.used) this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    if (this.starts.length > this.count + 1) this.starts = this.starts.slice(0, this.count + 1);
  }

  /** Every text, in order (for tests and small tables). */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.make(i));
  }

  /** Text i, made from its bytes (i is one of the table's). */
  make(i: number): string {
    const from = this.starts[i];
    const to = this.starts[i + 1];
    const wide = this.wide[i >> 3] & (1 << (i & 7));
    if (!SLICES) return this.bytes.toString(wide ? 'utf16le' : 'latin1', from, to);
    const b = this.bytes as Buffer & Slices;
    return wide ? b.ucs2Slice(from, to) : b.latin1Slice(from, to);
  }
}

/** `a` grown to hold at least `need` items (doubling), its first `keep` items copied. */
function grown<T extends Uint8Array | Uint32Array | Int32Array>(a: T, keep: number, need: number): T {
  let size = Math.max(a.length * 2, 8);
  while (size < need) size *= 2;
  const b = (a instanceof Buffer ? Buffer.allocUnsafe(size) : new (a.constructor as new (n: number) => T)(size)) as T;
  b.set(a.subarray(0, keep));
  return b;
}

/**
 * Texts of a table as one reader asks for them: made each time, kept from the second time on (in
 * an array, by a place per text: a Map of them took twice as long a cell, ~75 ns against ~35, on
 * an export's mix of three unique texts and nine repeated ones a row).
 */
class TableReader implements SharedText {
  /** per text: 0 never asked for, -1 asked for once, k > 0 kept as kept[k - 1] */
  private at: Int32Array | undefined;
  private readonly kept: string[] = [];

  constructor(private readonly table: StringTable) {}

  get length(): number {
    return this.table.length;
  }

  text(index: number): string | undefined {
    const count = this.table.length;
    if ((index >>> 0) !== index || index >= count) return undefined;
    if (!this.at || this.at.length < count) this.at = grown(this.at ?? new Int32Array(0), this.at?.length ?? 0, count);
    const at = this.at[index];
    if (at > 0) return this.kept[at - 1];
    const s = this.table.make(index);
    this.at[index] = at === 0 ? -1 : this.kept.push(s);
    return s;
  }
}
