/** The shared strings as a sheet's cells read them: the text of index `i`, or undefined when there is none. */
export interface SharedText {
  text(index: number): string | undefined;
  readonly length: number;
  /** whether string `index` was written as more than one piece (rich text's runs, phonetic runs): Excel and LibreOffice keep it apart from the same text written plain */
  rich?(index: number): boolean;
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
 * 4 bytes of offset, outside the heap. A text is made again when a cell asks for it (a copy, never
 * a slice that would keep the table alive); a reader keeps the ones it asked for lately (TableReader).
 */
export class StringTable implements SharedText {
  /**
   * the bytes, in chunks of 1 MB (the first one smaller while the table is small): a table of
   * 100 MB grown as one buffer was copied at each doubling, and held twice while it was
   */
  private readonly chunks: Buffer[] = [Buffer.allocUnsafe(1 << 11)];
  /** bytes written, all chunks: where the next text starts */
  private used = 0;
  /** where text i starts (counted across the chunks); it ends where i + 1 starts; a text may run on into the next chunk */
  private starts = new Uint32Array(1 << 8);
  /** bit i: text i is two bytes a character */
  private wide = new Uint8Array(1 << 5);
  /** bit i: text i was written as more than one piece (SharedText.rich) */
  private runs = new Uint8Array(1 << 5);
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

  /** The text pushed last was written as more than one piece. */
  markRich(): void {
    const i = this.count - 1;
    if ((i >> 3) >= this.runs.length) this.runs = grown(this.runs, this.runs.length, (i >> 3) + 1);
    this.runs[i >> 3] |= 1 << (i & 7);
  }

  rich(index: number): boolean {
    return (index >> 3) < this.runs.length && (this.runs[index >> 3] & (1 << (index & 7))) !== 0;
  }

  push(s: string): void {
    const ascii = isAscii(s);
    const size = ascii ? s.length : s.length * 2;
    this.begin(ascii);
    const at = this.used & CHUNK_MASK;
    if (at + size <= CHUNK) this.room(at + size).write(s, at, size, ascii ? 'latin1' : 'utf16le');
    else this.copyIn(Buffer.from(s, ascii ? 'latin1' : 'utf16le'), 0, size); // it runs on into the next chunks
    this.end(size);
  }

  /**
   * Pushes the text that bytes [from, to) of `b` spell, every one of them ASCII (below 0x80): they
   * are its characters as the table holds them, copied without a string made in between (most of an
   * export's strings are order numbers, phones and SKUs).
   */
  pushAscii(b: Buffer, from: number, to: number): void {
    this.begin(true);
    this.copyIn(b, from, to - from);
    this.end(to - from);
  }

  /** A text starts where the bytes written end. */
  private begin(ascii: boolean): void {
    if (this.count + 2 > this.starts.length) this.starts = grown(this.starts, this.count + 1, this.count + 2);
    if ((this.count >> 3) >= this.wide.length) this.wide = grown(this.wide, this.wide.length, (this.count >> 3) + 1);
    this.starts[this.count] = this.used;
    if (!ascii) this.wide[this.count >> 3] |= 1 << (this.count & 7);
  }

  /** `size` bytes of `b` from `from` copied after the bytes written, into as many chunks as they take. */
  private copyIn(b: Buffer, from: number, size: number): void {
    for (let done = 0; done < size;) {
      const at = (this.used + done) & CHUNK_MASK;
      const n = Math.min(size - done, CHUNK - at);
      const chunk = this.room(at + n);
      // a short text byte by byte: Buffer#copy costs ~0.3 µs a call before it copies anything
      if (n <= 32) for (let k = 0, src = from + done; k < n; k++) chunk[at + k] = b[src + k];
      else b.copy(chunk, at, from + done, from + done + n);
      done += n;
      if (done < size) this.chunks.push(Buffer.allocUnsafe(CHUNK));
    }
  }

  /** The text of `size` bytes is written. */
  private end(size: number): void {
    this.used += size;
    // past the first chunk the table is large: a chunk is made whole (grown from 2 KB, each one left
    // ~1 MB of buffers waiting for a collection)
    if ((this.used & CHUNK_MASK) === 0 && size) this.chunks.push(Buffer.allocUnsafe(CHUNK));
    this.count++;
    this.starts[this.count] = this.used;
  }

  /** The last chunk, with at least `need` bytes (the first one doubling while it is under 1 MB). */
  private room(need: number): Buffer {
    const last = this.chunks.length - 1;
    const chunk = this.chunks[last];
    if (need <= chunk.length) return chunk;
    let size = chunk.length * 2;
    while (size < need) size *= 2;
    const bigger = Buffer.allocUnsafe(Math.min(size, CHUNK));
    chunk.copy(bigger, 0, 0, this.used & CHUNK_MASK);
    return (this.chunks[last] = bigger);
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

  /** The table is complete: its last chunk and its places shrunk to what they hold. */
  trim(): void {
    const last = this.chunks.length - 1;
    const held = this.used & CHUNK_MASK;
    if (this.chunks[last].length > held) this.chunks[last] = Buffer.from(this.chunks[last].subarray(0, held));
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
    if (from === to) return '';
    const wide = this.wide[i >> 3] & (1 << (i & 7));
    const c = from >>> CHUNK_BITS;
    const at = from & CHUNK_MASK;
    let b = this.chunks[c] as Buffer & Slices;
    let a = at;
    let z = at + (to - from);
    // a text that runs on into the next chunks: its pieces joined (one a chunk at most)
    if ((to - 1) >>> CHUNK_BITS !== c) {
      const pieces: Buffer[] = [];
      for (let k = c, left = to - from, off = at; left > 0; k++, off = 0) {
        const n = Math.min(left, CHUNK - off);
        pieces.push(this.chunks[k].subarray(off, off + n));
        left -= n;
      }
      b = Buffer.concat(pieces) as Buffer & Slices;
      a = 0;
      z = to - from;
    }
    if (!SLICES) return b.toString(wide ? 'utf16le' : 'latin1', a, z);
    return wide ? b.ucs2Slice(a, z) : b.latin1Slice(a, z);
  }
}

const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** `a` grown to hold at least `need` items (doubling), its first `keep` items copied. */
function grown<T extends Uint8Array | Uint32Array>(a: T, keep: number, need: number): T {
  let size = Math.max(a.length * 2, 8);
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, keep));
  return b;
}

/** Texts a reader keeps, at most (a power of two): the last asked for at each place of index mod this. */
const KEPT = 1 << 14;

/**
 * Texts of a table as one reader asks for them: made each time, except those it asked for lately,
 * kept by index mod 16,384 (a province, a product, the lines of one order). Kept for good once
 * asked twice, an export whose orders each have two lines kept every text twice over (helper-40:
 * 485 → 699 MB at a million rows), and a Map of them grew in one allocation past a worker's heap
 * limit, which ended the process instead of the worker.
 */
class TableReader implements SharedText {
  /** the index of the text kept at each place, -1 for none */
  private readonly tags: Int32Array;
  private readonly kept: string[];
  private readonly mask: number;

  constructor(private readonly table: StringTable) {
    let size = 16;
    while (size < KEPT && size < table.length) size *= 2;
    this.mask = size - 1;
    this.tags = new Int32Array(size).fill(-1);
    this.kept = new Array<string>(size).fill('');
  }

  get length(): number {
    return this.table.length;
  }

  rich(index: number): boolean {
    return this.table.rich(index);
  }

  text(index: number): string | undefined {
    if ((index >>> 0) !== index || index >= this.table.length) return undefined;
    const at = index & this.mask;
    if (this.tags[at] === index) return this.kept[at];
    const s = this.table.make(index);
    this.tags[at] = index;
    this.kept[at] = s;
    return s;
  }
}
