/**
 * Order numbers held for a join across files (ship-late: shipments to orders, SOP 五.2) in the
 * least memory a million of them take, on both sides of the join.
 *
 * Collected (`IdChunks`, in the thread that reads the sheet): chunks of CHUNK numbers joined by NUL
 * and kept as UTF-8 bytes — moved to the main thread with the file's outcome, not copied. A chunk
 * where a number holds a NUL itself (a CSV cell may; outsider helper-39: the NUL taken out, order
 * 30\u000001 was order 3001) or a lone surrogate (no UTF-8 holds it) stays its list of strings.
 *
 * Joined (`IdTable`, in the main thread): the numbers of one side looked up by their bytes where
 * they lie in their chunks — a hash, a chunk and a place each in typed arrays, no string made —
 * and the other side's numbers probed against them as bytes too. A million shipments joined to a
 * million orders held a string, an object and a map entry each (646 MB for a shipments sheet
 * alone, 1.3 GB with 80-character ERP numbers; outsider helper-96).
 */

import { doubled } from '../cells/doubled.js';
import { wellFormed } from '../cells/well-formed.js';

const UTF8 = new TextEncoder();
const TEXT = new TextDecoder('utf-8', { ignoreBOM: true });

/** Numbers a chunk holds. */
export const CHUNK = 10_000;

/** A chunk of numbers: their UTF-8 bytes joined by NUL, or the list when one has no such bytes. */
export type IdChunk = Uint8Array | string[];

/** Whether a number can stand in a chunk of bytes: no NUL in it (the separator), and UTF-8 holds it. */
const bytesHold = (s: string) => s.indexOf('\0') < 0 && wellFormed(s);

/** Numbers in order, gathered into chunks. */
export class IdChunks {
  readonly chunks: IdChunk[] = [];
  private open: string[] = [];
  /** a number of the open chunk holds a NUL */
  private nul = false;
  count = 0;

  add(id: string): void {
    if (id.indexOf('\0') >= 0) this.nul = true;
    this.open.push(id);
    this.count += 1;
    if (this.open.length === CHUNK) this.close();
  }

  /** The chunks, the last one closed. */
  done(): IdChunk[] {
    if (this.open.length) this.close();
    return this.chunks;
  }

  private close(): void {
    const joined = this.nul ? '' : this.open.join('\0');
    this.chunks.push(this.nul || !wellFormed(joined) ? this.open : UTF8.encode(joined));
    this.open = [];
    this.nul = false;
  }
}

/**
 * Distinct numbers by their bytes, each with its place (0, 1, 2 … in the order they were first
 * added). The bytes are not copied: the table refers to the chunks they lie in, which must not change.
 */
export class IdTable {
  private buffers: Uint8Array[] = [];
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private buffer = new Int32Array(1024);
  private hash = new Int32Array(1024);
  /** open addressing: the number's place + 1, 0 for a free slot */
  private slots = new Int32Array(2048);
  /** numbers no bytes hold (a NUL or a lone surrogate in them), by their text */
  private texts = new Map<string, number>();
  size = 0;

  /** The place of the number in `b` from `start` to `end`; added when `add` (else -1 when it is not here). */
  place(b: Uint8Array, start: number, end: number, add: boolean): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
    const mask = this.slots.length - 1;
    let i = (h ^ (h >>> 16)) & mask;
    for (; ; i = (i + 1) & mask) {
      const e = this.slots[i];
      if (e === 0) break;
      if (this.hash[e - 1] === h && this.equals(e - 1, b, start, end)) return e - 1;
    }
    if (!add) return -1;
    const e = this.newPlace();
    // the chunk it lies in, kept once (the last one kept is the same chunk for the rest of its numbers)
    if (this.buffers[this.buffers.length - 1] !== b) this.buffers.push(b);
    this.buffer[e] = this.buffers.length - 1;
    this.start[e] = start;
    this.length[e] = end - start;
    this.hash[e] = h;
    this.slots[i] = e + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return e;
  }

  /**
   * The place of each number of the chunks, in order, written into `out` from `at` (-1: not here; added
   * when `add`); `out` must have room. One call a file's chunks, no function made a number: a drive's
   * re-check joins 10,000 files of a few rows each.
   */
  placeAll(chunks: readonly IdChunk[], add: boolean, out: Int32Array, at: number): number {
    for (const chunk of chunks) {
      if (Array.isArray(chunk)) {
        for (const id of chunk) {
          if (bytesHold(id)) { const b = UTF8.encode(id); out[at++] = this.place(b, 0, b.length, add); } else out[at++] = this.placeOfText(id, add);
        }
        continue;
      }
      let start = 0;
      for (let i = chunk.indexOf(0); ; i = chunk.indexOf(0, start)) {
        const end = i < 0 ? chunk.length : i;
        out[at++] = this.place(chunk, start, end, add);
        if (i < 0) break;
        start = i + 1;
      }
    }
    return at;
  }

  /** The place of a number no bytes hold; added when `add` (else -1 when it is not here). */
  placeOfText(id: string, add: boolean): number {
    const known = this.texts.get(id);
    if (known !== undefined || !add) return known ?? -1;
    const e = this.newPlace();
    this.length[e] = -1;
    this.texts.set(id, e);
    return e;
  }

  private newPlace(): number {
    const e = this.size++;
    if (e === this.start.length) {
      this.start = doubled(this.start);
      this.length = doubled(this.length);
      this.buffer = doubled(this.buffer);
      this.hash = doubled(this.hash);
    }
    return e;
  }

  /** The number at a place, as text (a message names it). */
  textAt(e: number): string {
    if (this.length[e] < 0) for (const [id, at] of this.texts) if (at === e) return id;
    const b = this.buffers[this.buffer[e]];
    return TEXT.decode(b.subarray(this.start[e], this.start[e] + this.length[e]));
  }

  private equals(e: number, b: Uint8Array, start: number, end: number): boolean {
    const n = end - start;
    if (this.length[e] !== n) return false;
    const kept = this.buffers[this.buffer[e]];
    const from = this.start[e];
    for (let k = 0; k < n; k++) if (kept[from + k] !== b[start + k]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    // the places the table has by bytes (those held by text are not in the slots)
    for (let e = 0; e < this.size; e++) {
      if (this.length[e] < 0) continue;
      const h = this.hash[e];
      let i = (h ^ (h >>> 16)) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}
