import { readSync, writeSync } from 'node:fs';
import { doubled } from '../cells/doubled.js';
import { onTempFile, openTemp, removeTemp } from './spool.js';

/** Characters of lines held before they are sorted and written out as one run. */
const RUN_CHARS = 2 << 20;
/** Bytes read from a run at a time while the runs are merged. */
const READ_BYTES = 64 << 10;
/** Bytes handed to the writer at a time. */
const OUT_BYTES = 1 << 20;

/**
 * One sheet's lines with `--all` (every finding listed: the text report's lines, the HTML report's rows), given back by their place (row, then column;
 * then as they came) without holding them all: lines are held until they fill a run, which is
 * sorted and written to a temporary file, and the runs are merged as they are read back (an external
 * sort). The findings of a sheet come nearly but not quite in order — a row's cells before its order's
 * verdict at column A, a rule reporting when its sheet ends, a join after its file — so no order is
 * assumed. Held as findings, `check --all` of 300,000 orders took 746 MB, against 231 MB without
 * `--all` (issue #25: memory flat for every format).
 */
export class SortedLines {
  /** the run being gathered, in the order its lines came */
  private held: Array<{ place: number; seq: number; text: string }> = [];
  private chars = 0;
  private seq = 0;
  private file?: { path: string; fd: number };
  /** bytes written to the file */
  private written = 0;
  /** each run written: where it starts in the file and in `places`/`lengths` */
  private readonly runs: Array<{ offset: number; first: number; count: number }> = [];
  /** every written line's place and byte length, run after run */
  private places = new Float64Array(64);
  private lengths = new Uint32Array(64);
  private lines = 0;

  /** `runChars`: characters of lines held before a run is written (smaller in tests, to merge many runs) */
  constructor(private readonly runChars = RUN_CHARS) {}

  /** A line (without its line break) at `place`. */
  add(place: number, line: string): void {
    this.addPiece(place, `${line}\n`);
  }

  /** Text at `place`, written as it is (a line with its line break, the HTML report's table row). */
  addPiece(place: number, text: string): void {
    this.held.push({ place, seq: this.seq++, text });
    this.chars += text.length;
    if (this.chars >= this.runChars) this.writeRun();
  }

  get size(): number {
    return this.lines + this.held.length;
  }

  /** The lines held, sorted (by place, then as they came); no longer held unless `keep`. */
  private sorted(keep = false): Array<{ place: number; seq: number; text: string }> {
    const held = this.held.sort((a, b) => a.place - b.place || a.seq - b.seq);
    if (!keep) {
      this.held = [];
      this.chars = 0;
    }
    return held;
  }

  /** The lines held, sorted, written to the file as one run. */
  private writeRun(): void {
    const lines = this.sorted();
    if (!lines.length) return;
    this.file ??= openTemp('lines');
    const run = { offset: this.written, first: this.lines, count: lines.length };
    while (this.lines + lines.length > this.places.length) {
      this.places = doubled(this.places);
      this.lengths = doubled(this.lengths);
    }
    let out = Buffer.allocUnsafe(OUT_BYTES);
    let used = 0;
    const flush = () => { if (used) { this.put(out, used); used = 0; } };
    for (const l of lines) {
      const n = Buffer.byteLength(l.text, 'utf8');
      if (used + n > out.length) {
        flush();
        if (n > out.length) out = Buffer.allocUnsafe(n);
      }
      used += out.write(l.text, used, 'utf8');
      this.places[this.lines] = l.place;
      this.lengths[this.lines] = n;
      this.lines++;
    }
    flush();
    this.runs.push(run);
  }

  private put(bytes: Buffer, n: number): void {
    onTempFile(() => { for (let at = 0; at < n;) at += writeSync(this.file!.fd, bytes, at, n - at, this.written + at); });
    this.written += n;
  }

  /**
   * Every line in order, each with its line break (each piece as it was added), to `write` (which may keep each piece: none is
   * written over); then forgets them. Of two lines at one place, the one that came first is first.
   */
  writeTo(write: (piece: string | Uint8Array) => void): void {
    if (!this.runs.length) {
      // all of it held: sorted and written as text, in pieces
      let piece: string[] = [];
      let chars = 0;
      for (const l of this.sorted()) {
        piece.push(l.text);
        chars += l.text.length;
        // (a character is at most 3 bytes: a piece stays within OUT_BYTES)
        if (chars >= OUT_BYTES / 3) { write(piece.join('')); piece = []; chars = 0; }
      }
      if (chars) write(piece.join(''));
      return;
    }
    this.writeRun();
    let out = Buffer.allocUnsafe(OUT_BYTES);
    let used = 0;
    try {
      this.merge((c, n) => {
        if (used + n > out.length) {
          write(out.subarray(0, used));
          out = Buffer.allocUnsafe(Math.max(OUT_BYTES, n));
          used = 0;
        }
        used += c.copyLine(out, used);
      });
      if (used) write(out.subarray(0, used));
    } finally {
      this.forget();
    }
  }

  /**
   * Every piece in order, as text, to `each` (the text report's table rows, measured then written);
   * forgotten after unless `keep` (to be read again).
   */
  eachPiece(each: (text: string) => void, keep = false): void {
    if (!this.runs.length) {
      for (const l of this.sorted(keep)) each(l.text);
      return;
    }
    this.writeRun();
    try {
      this.merge((c) => each(c.takeLine()));
    } finally {
      if (!keep) this.forget();
    }
  }

  /** The runs and their file let go. */
  private forget(): void {
    if (this.file) removeTemp(this.file);
    this.file = undefined;
    this.runs.length = 0;
    this.lines = 0;
    this.written = 0;
  }

  /**
   * The runs merged: the cursor of the line of the lowest place next (of one place, the earlier
   * run's: its lines came first) to `each`, with the line's byte length, to take that line.
   */
  private merge(each: (c: RunCursor, n: number) => void): void {
    const fd = this.file!.fd;
    const cursors = this.runs.map((run, r) => new RunCursor(fd, run, r, this.lengths));
    const before = (a: RunCursor, b: RunCursor) => this.places[a.line] < this.places[b.line] || (this.places[a.line] === this.places[b.line] && a.run < b.run);
    const heap = new CursorHeap(cursors.filter((c) => !c.done), before);
    for (let c = heap.top(); c; c = heap.top()) {
      each(c, this.lengths[c.line]);
      if (c.done) heap.pop();
      else heap.fix();
    }
  }
}

/** Where the merge is in one run: its next line, and the run's bytes read ahead. */
class RunCursor {
  /** the next line's index in places/lengths */
  line: number;
  private readonly end: number;
  /** where the next read from the file starts */
  private at: number;
  private buf = Buffer.allocUnsafe(READ_BYTES);
  private from = 0;
  private to = 0;

  constructor(private readonly fd: number, part: { offset: number; first: number; count: number }, readonly run: number, private readonly lengths: Uint32Array) {
    this.line = part.first;
    this.end = part.first + part.count;
    this.at = part.offset;
  }

  get done(): boolean {
    return this.line >= this.end;
  }

  /** The next line's bytes into `out` at `pos`; then the line after it is next. */
  copyLine(out: Buffer, pos: number): number {
    const n = this.lengths[this.line++];
    if (this.to - this.from < n) this.fill(n);
    this.buf.copy(out, pos, this.from, this.from + n);
    this.from += n;
    return n;
  }

  /** The next line as text; then the line after it is next. */
  takeLine(): string {
    const n = this.lengths[this.line++];
    if (this.to - this.from < n) this.fill(n);
    const text = this.buf.toString('utf8', this.from, this.from + n);
    this.from += n;
    return text;
  }

  /** At least `n` bytes read ahead (what is left moved to the front). */
  private fill(n: number): void {
    const left = this.to - this.from;
    if (this.buf.length < n) { const bigger = Buffer.allocUnsafe(Math.max(n, READ_BYTES)); this.buf.copy(bigger, 0, this.from, this.to); this.buf = bigger; }
    else this.buf.copy(this.buf, 0, this.from, this.to);
    this.from = 0;
    this.to = left;
    while (this.to < n) {
      const got = onTempFile(() => readSync(this.fd, this.buf, this.to, this.buf.length - this.to, this.at));
      if (got <= 0) throw new Error('sorted lines: a run ended early');
      this.at += got;
      this.to += got;
    }
  }
}

/** The runs' cursors by their next lines: a binary min-heap. */
class CursorHeap {
  private readonly h: RunCursor[];

  constructor(cursors: RunCursor[], private readonly before: (a: RunCursor, b: RunCursor) => boolean) {
    this.h = cursors;
    for (let i = (this.h.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  top(): RunCursor | undefined {
    return this.h[0];
  }

  /** The top is done: taken away. */
  pop(): void {
    const last = this.h.pop()!;
    if (this.h.length) { this.h[0] = last; this.down(0); }
  }

  /** The top moved on to its next line: put in its place. */
  fix(): void {
    this.down(0);
  }

  private down(i: number): void {
    siftDown(this.h, i, this.before);
  }
}

/** Moves item `i` of a binary heap down to its place: `above(a, b)` when a belongs above b. */
export function siftDown<T>(h: T[], i: number, above: (a: T, b: T) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && above(h[l], h[m])) m = l;
    if (r < h.length && above(h[r], h[m])) m = r;
    if (m === i) return;
    [h[m], h[i]] = [h[i], h[m]];
    i = m;
  }
}
