import { ownString } from '../cells/own-string.js';

/**
 * Order numbers already seen in one sheet. A shared-string cell is remembered by its index in a
 * bitmap, which never reads the string (with a million distinct order numbers, reading each one
 * costs about as much as the rest of the review); other cells (CSV, numbers, inline strings) by
 * their text. Writers keep one shared-string entry per distinct text, so equal text has one index.
 * Most such texts are digits (platforms' order numbers: 16–19 of them), kept as numbers in a
 * table of their own (DigitIds: 17 bytes each and nothing for the collector to trace, where a kept
 * string and its set entry were ~100 bytes: 57 MB of a million-row CSV's checking thread); the
 * others as strings of their own (ownString: a slice would keep the piece of the file it came from).
 */
export class SeenIds {
  private bits = new Uint8Array(1024);
  private readonly digits = new DigitIds();
  private readonly texts = new Set<string>();

  /** Remembers the id; true when it was seen before. */
  add(text: string, key?: number): boolean {
    if (key !== undefined) {
      if (key >= this.bits.length) {
        const bigger = new Uint8Array(Math.max(key + 1, this.bits.length * 2));
        bigger.set(this.bits);
        this.bits = bigger;
      }
      if (this.bits[key]) return true;
      this.bits[key] = 1;
      return false;
    }
    const seen = this.digits.add(text);
    if (seen !== undefined) return seen;
    if (this.texts.has(text)) return true;
    // its own copy: a slice would keep the piece of the file it was read from (ownString)
    this.texts.add(ownString(text));
    return false;
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
