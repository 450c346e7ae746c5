import { wellFormed } from '../cells/well-formed.js';

/**
 * The rows of a cache's index (cache-file.ts): each entry's fields in binary, one after another.
 * They were a JSON array of arrays: 3.2 MB for a drive of 10,000 workbooks, 85 ms of every
 * re-check to parse, and as many arrays again for the collector as entries it made (issue #26).
 *
 * A row, little-endian: its path, display name and content hash (each a u32 byte length and its
 * UTF-8, or UTF-16 for a string UTF-8 cannot hold), size, mtime, ctime, inode and when it was checked (f64 each), then u32s: its key's
 * and its build's places in the index's lists, its clock's and its clock's reading's places in
 * the keys (+1; 0 for none), v8 (0/1), where the join data begins, its result's length, where
 * its findings begin, its printed section's key's place (+1; 0 for none) and where that section
 * begins, and its tally's length; each of the tally's rules (a string as above) with its errors,
 * warnings and infos (u32).
 */

/** The top bit of a string's length: the string is in UTF-16 (it has a lone surrogate, which UTF-8 would replace). */
const UTF16 = 0x80000000;


/** An entry's fields as its row holds them: names of the keys and builds lists by their place. */
export interface RowFields {
  path: string;
  display: string;
  hash: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  checkedAt: number;
  key: number;
  build: number;
  /** the clock's place in the keys, and its reading's (-1: none) */
  clock: number;
  at: number;
  v8: boolean;
  split: number;
  length: number;
  eventsAt: number;
  /** the printed section's key's place (-1: none) */
  printKey: number;
  printAt: number;
  tally: Array<string | number>;
}

/** Rows written one after another into a buffer that grows. */
export class RowWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  /** A string: its byte length (u32) and its UTF-8; one that UTF-8 cannot hold (a lone surrogate, as a Windows name may have) in UTF-16, the length's top bit saying so. */
  private text(s: string): void {
    const wide = !wellFormed(s);
    const n = wide ? s.length * 2 : Buffer.byteLength(s);
    if (n >= UTF16) throw new RangeError('index: a name of 2 GB');
    this.room(4 + n);
    this.buf.writeUInt32LE(wide ? n + UTF16 : n, this.at);
    this.buf.write(s, this.at + 4, wide ? 'utf16le' : 'utf8');
    this.at += 4 + n;
  }

  private f64(x: number): void {
    this.room(8);
    this.buf.writeDoubleLE(x, this.at);
    this.at += 8;
  }

  private u32(x: number): void {
    if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new RangeError(`index: ${x} is no u32`);
    this.room(4);
    this.buf.writeUInt32LE(x, this.at);
    this.at += 4;
  }

  add(r: RowFields): void {
    this.text(r.path);
    this.text(r.display);
    this.text(r.hash);
    for (const x of [r.size, r.mtimeMs, r.ctimeMs, r.ino, r.checkedAt]) this.f64(x);
    for (const x of [r.key, r.build, r.clock + 1, r.at + 1, r.v8 ? 1 : 0, r.split, r.length, r.eventsAt, r.printKey + 1, r.printAt, r.tally.length / 4]) this.u32(x);
    for (let i = 0; i < r.tally.length; i += 4) {
      this.text(r.tally[i] as string);
      for (let j = 1; j < 4; j++) this.u32(r.tally[i + j] as number);
    }
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** Rows read one at a time from `data` between `at` and `end`; throws on a row that runs past the end. */
export class RowReader {
  private readonly view: DataView;

  constructor(private readonly data: Buffer, private at: number, private readonly end: number) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  private need(n: number): number {
    const at = this.at;
    if (at + n > this.end) throw new Error('index: a row runs past its end');
    this.at = at + n;
    return at;
  }

  private text(): string {
    const head = this.u32();
    const n = head >= UTF16 ? head - UTF16 : head;
    const at = this.need(n);
    return this.data.toString(head >= UTF16 ? 'utf16le' : 'utf8', at, at + n);
  }

  private f64(): number {
    return this.view.getFloat64(this.need(8), true);
  }

  private u32(): number {
    return this.view.getUint32(this.need(4), true);
  }

  next(): RowFields {
    const path = this.text();
    const display = this.text();
    const hash = this.text();
    const size = this.f64();
    const mtimeMs = this.f64();
    const ctimeMs = this.f64();
    const ino = this.f64();
    const checkedAt = this.f64();
    const key = this.u32();
    const build = this.u32();
    const clock = this.u32() - 1;
    const at = this.u32() - 1;
    const v8 = this.u32() === 1;
    const split = this.u32();
    const length = this.u32();
    const eventsAt = this.u32();
    const printKey = this.u32() - 1;
    const printAt = this.u32();
    const rules = this.u32();
    const tally: Array<string | number> = [];
    for (let i = 0; i < rules; i++) tally.push(this.text(), this.u32(), this.u32(), this.u32());
    return { path, display, hash, size, mtimeMs, ctimeMs, ino, checkedAt, key, build, clock, at, v8, split, length, eventsAt, printKey, printAt, tally };
  }
}
