import { doubled } from '../cells/doubled.js';
import { ownString } from '../cells/own-string.js';
import { wellFormed } from '../cells/well-formed.js';
import type { RepeatedTexts } from './row-model.js';

/**
 * Order numbers already seen in one sheet, by their text. Most texts are digits (platforms' order
 * numbers: 16–19 of them), kept as numbers in a table of their own (DigitIds: 17 bytes each and
 * nothing for the collector to trace, where a kept string and its set entry were ~100 bytes: 57 MB
 * of a million-row CSV's checking thread); the others as bytes (TextIds).
 *
 * A shared-string cell's index is remembered in a bitmap too: an index seen again is the same text.
 * Where the workbook keeps one entry a text (told from the sheet's first rows, whose ids are kept by
 * text meanwhile) and every id so far was a shared string, a new index is a new text and no text is
 * kept: a look-up in a set of a million numbers is a cache miss a row (~100 ms of 1.8 s at 300,000
 * orders), the bitmap's is not. The first id that is not a shared string as it is stored — typed as a
 * number, an inline string, a text with a space or tab or wrapped in `="…"`, an entry written in pieces
 * (rich text) — turns the indexes seen into their texts, and every id is kept by text from then on
 * (outsider helper-93: `1234` typed as a number below a row whose 订单号 was the text `1234`; helper-94:
 * LibreOffice's bold copy of an order number, an ERP's `4401…\t` above a `4401…`).
 */
export class SeenIds {
  /**
   * `strings`: the sheet's shared strings as its first rows showed them; `idOf`: the order number a
   * shared string makes in the column, '' for none (the caller's reading of a cell, applied to `strings.cellOf`)
   */
  constructor(private readonly strings?: RepeatedTexts, private readonly idOf?: (index: number) => string) {}

  private bits = new Uint8Array(1024);
  private readonly digits = new DigitIds();
  private readonly texts = new TextIds();
  /**
   * How ids are kept: `text` (the sheet's first rows; ids by text, indexes marked too), `index` (every id so far a
   * plain shared string of a workbook that keeps one entry a text: by index alone), `text for good` (an id that
   * was not such a string came)
   */
  private mode: 'text' | 'index' | 'text for good' = 'text';

  /** Remembers the id (`key`: its shared string's index, when it is one and is the id as stored); true when it was seen before. */
  add(text: string, key?: number): boolean {
    // an entry written in pieces (rich text) may have the same text as a plain one under another index (helper-94: LibreOffice)
    const byKey = key !== undefined && !this.strings?.rich?.(key);
    if (!byKey) {
      if (this.mode === 'index') this.indexesToTexts();
      this.mode = 'text for good';
    }
    if (key !== undefined) {
      if (key >= this.bits.length) {
        const bigger = new Uint8Array(Math.max(key + 1, this.bits.length * 2));
        bigger.set(this.bits);
        this.bits = bigger;
      }
      if (this.bits[key]) return true;
      this.bits[key] = 1;
      if (this.mode === 'index') return false;
      if (this.mode === 'text' && this.idOf && this.strings?.indexesSuffice) {
        // one entry a text, and no id but shared strings: a new index is a new text (those before are kept by text too)
        this.mode = 'index';
        return false;
      }
    }
    return this.addText(text);
  }

  private addText(text: string): boolean {
    const seen = this.digits.add(text);
    if (seen !== undefined) return seen;
    return this.texts.add(text);
  }

  /** The ids kept by index alone, kept by their texts (see the class). */
  private indexesToTexts(): void {
    const { bits, idOf } = this;
    for (let i = 0; i < bits.length; i++) {
      if (!bits[i]) continue;
      const id = idOf!(i);
      if (id !== '') this.addText(id);
    }
  }
}

/** Texts longer than this are kept as strings (a hostile cell; order numbers are a few dozen characters). */
const LONG_TEXT = 1024;
/** The bytes of the texts, in chunks of this size (a text never runs across two). */
const TEXT_CHUNK = 1 << 20;

/**
 * A set of texts held as their characters in chunks of bytes (one byte a character when all are below
 * U+0100, else UTF-8), with a hash, a place and a length each in typed arrays: ~30 bytes an order
 * number of 19 characters, where a string of its own and its set entry were ~120 (an export whose
 * order numbers carry a letter or a dash, `260517-000000000001`: 120 MB of the checking thread at a
 * million rows, over the 400 MB line; outsider helper-91). Nothing in it for the collector to trace.
 * A number with a Chinese character in it (`DY-…-订`, an ERP's shop name) as UTF-8: two bytes a
 * character as UTF-16 held a million of 25 characters in 50 MB (helper-96); one not well formed (a lone
 * surrogate: no UTF-8 holds it) with the long ones, as a string.
 */
export class TextIds {
  private readonly chunks: Buffer[] = [Buffer.allocUnsafeSlow(1 << 12)];
  /** bytes used of the last chunk */
  private used = 0;
  /** per text: its chunk and place in it (chunk × TEXT_CHUNK + place), its length in characters (negative: its length in bytes of UTF-8), its hash */
  private at = new Float64Array(256);
  private length = new Int32Array(256);
  private hash = new Int32Array(256);
  /** open addressing: the text's number + 1, 0 for a free slot */
  private slots = new Int32Array(512);
  private count = 0;
  private readonly long = new Set<string>();

  /** Whether `text` was added before (and adds it). */
  add(text: string): boolean {
    const n = text.length;
    if (n > LONG_TEXT) return this.addLong(text);
    let h = 0x811c9dc5 | 0;
    let wide = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) wide = true;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (wide && !wellFormed(text)) return this.addLong(text);
    const mask = this.slots.length - 1;
    let i = (h ^ (h >>> 16)) & mask;
    for (; ; i = (i + 1) & mask) {
      const e = this.slots[i];
      if (e === 0) break;
      if (this.hash[e - 1] === h && this.equals(e - 1, text, wide)) return true;
    }
    this.put(i, text, h, wide);
    return false;
  }

  /** A text kept as a string (see the class): whether it was added before (and adds it). */
  private addLong(text: string): boolean {
    if (this.long.has(text)) return true;
    // its own copy: a slice would keep the piece of the file it was read from (ownString)
    this.long.add(ownString(text));
    return false;
  }

  /** Whether text `e` is `text` (asked only when their hashes are the same). */
  private equals(e: number, text: string, wide: boolean): boolean {
    const len = this.length[e];
    const at = this.at[e];
    const chunk = this.chunks[Math.floor(at / TEXT_CHUNK)];
    const from = at % TEXT_CHUNK;
    if (wide) {
      if (len >= 0) return false;
      // its UTF-8 (a rare case: the same hash and wide)
      const size = Buffer.byteLength(text, 'utf8');
      if (size !== -len) return false;
      const bytes = Buffer.from(text, 'utf8');
      return chunk.compare(bytes, 0, size, from, from + size) === 0;
    }
    if (len !== text.length) return false;
    for (let k = 0; k < text.length; k++) if (chunk[from + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  private put(slot: number, text: string, h: number, wide: boolean): void {
    const size = wide ? Buffer.byteLength(text, 'utf8') : text.length;
    let last = this.chunks.length - 1;
    if (this.used + size > this.chunks[last].length) {
      // the last chunk full: a larger one (doubling to TEXT_CHUNK), the texts already in it stay where they are
      this.chunks.push(Buffer.allocUnsafeSlow(Math.min(TEXT_CHUNK, Math.max(this.chunks[last].length * 2, size))));
      last++;
      this.used = 0;
    }
    this.chunks[last].write(text, this.used, size, wide ? 'utf8' : 'latin1');
    const e = this.count++;
    if (e === this.at.length) {
      this.at = doubled(this.at);
      this.length = doubled(this.length);
      this.hash = doubled(this.hash);
    }
    this.at[e] = last * TEXT_CHUNK + this.used;
    this.length[e] = wide ? -size : text.length;
    this.hash[e] = h;
    this.used += size;
    this.slots[slot] = e + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      const h = this.hash[e];
      let i = (h ^ (h >>> 16)) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}

/** The most digits DigitIds holds: 9 before the last 10, each part exact in a double. */
const MAX_DIGITS = 19;

/**
 * A set of texts of 1–19 ASCII digits, leading zeros kept apart (`0123` is not `123`): each is its
 * digits before the last ten, its last ten, and its length, in an open-addressed table of typed arrays.
 */
class DigitIds {
  private high = new Float64Array(1024);
  private low = new Float64Array(1024);
  /** the text's length; 0: the slot is free */
  private length = new Uint8Array(1024);
  private count = 0;

  /** Whether `text` was added before (and adds it); undefined when it is not 1–19 digits. */
  add(text: string): boolean | undefined {
    const n = text.length;
    if (n === 0 || n > MAX_DIGITS) return undefined;
    let high = 0;
    let low = 0;
    const split = n - 10;
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      if (i < split) high = high * 10 + d;
      else low = low * 10 + d;
    }
    if ((this.count + 1) * 2 > this.length.length) this.grow();
    const at = this.slot(high, low, n);
    if (this.length[at] !== 0) return true;
    this.high[at] = high;
    this.low[at] = low;
    this.length[at] = n;
    this.count++;
    return false;
  }

  /** The slot of the id: where it is, or the free slot where it would go. */
  private slot(high: number, low: number, n: number): number {
    const mask = this.length.length - 1;
    // the parts mixed (low is below 2^34: its two 32-bit halves)
    let h = Math.imul(high | 0, 0x9e3779b1) ^ Math.imul(low >>> 0, 0x85ebca6b) ^ Math.imul(Math.floor(low / 4294967296) + n, 0xc2b2ae35);
    h ^= h >>> 15;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      if (this.length[i] === 0) return i;
      if (this.length[i] === n && this.low[i] === low && this.high[i] === high) return i;
    }
  }

  private grow(): void {
    const { high, low, length } = this;
    const size = length.length * 2;
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.length = new Uint8Array(size);
    for (let i = 0; i < length.length; i++) {
      if (length[i] === 0) continue;
      const at = this.slot(high[i], low[i], length[i]);
      this.high[at] = high[i];
      this.low[at] = low[i];
      this.length[at] = length[i];
    }
  }
}
