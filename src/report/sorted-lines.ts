import { Spool } from './spool.js';

/**
 * One sheet's lines with `--all` (every finding listed), shown by their place (row, then column; then
 * as they came) without holding them: encoded into a spool as they come (a temporary file past a few
 * MB), each line's place and length kept in typed arrays. A line that comes after one of a later place
 * (a rule that reports when its sheet ends) is kept apart, in memory, and merged in as the spool is
 * read back. Held as findings, `check --all` of 300,000 orders took 746 MB, against 231 MB without
 * `--all` (issue #25: memory flat for every format).
 */
export class SortedLines {
  private readonly spool = new Spool();
  /** the place of each line in the spool, in the order they came (never decreasing) */
  private places = new Float64Array(64);
  /** the bytes of each line in the spool, its line break included */
  private lengths = new Uint32Array(64);
  private n = 0;
  private last = -Infinity;
  /** lines that came after one of a later place, with the order they came in */
  private readonly late: Array<{ place: number; seq: number; text: string }> = [];
  private seq = 0;

  /** A line (without its line break) at `place`. */
  add(place: number, line: string): void {
    const text = `${line}\n`;
    const seq = this.seq++;
    if (place < this.last) { this.late.push({ place, seq, text }); return; }
    this.last = place;
    if (this.n === this.places.length) {
      this.places = grown(this.places, new Float64Array(this.n * 2));
      this.lengths = grown(this.lengths, new Uint32Array(this.n * 2));
    }
    this.places[this.n] = place;
    this.lengths[this.n] = Buffer.byteLength(text, 'utf8');
    this.n++;
    this.spool.append(text);
  }

  get size(): number {
    return this.n + this.late.length;
  }

  /**
   * Every line in order, each with its line break, to `write` (which takes each piece as its own: a
   * buffer handed to it is not written over); then forgets them. Of two lines at one place, the one
   * that came first is first: a late line comes after every spooled line of its place.
   */
  writeTo(write: (piece: string | Uint8Array) => void): void {
    const late = this.late.sort((a, b) => a.place - b.place || a.seq - b.seq);
    // where each late line goes: the byte offset in the spool before the first line of a later place
    const at = new Float64Array(late.length);
    let line = 0;
    let offset = 0;
    for (let l = 0; l < late.length; l++) {
      while (line < this.n && this.places[line] <= late[l].place) offset += this.lengths[line++];
      at[l] = offset;
    }
    let l = 0;
    let read = 0;
    for (const chunk of this.spool.drain()) {
      let from = 0;
      while (l < late.length && at[l] <= read + chunk.length) {
        const cut = at[l] - read;
        if (cut > from) write(chunk.subarray(from, cut));
        from = Math.max(from, cut);
        write(late[l++].text);
      }
      if (from < chunk.length) write(chunk.subarray(from));
      read += chunk.length;
    }
    while (l < late.length) write(late[l++].text);
    this.late.length = 0;
    this.n = 0;
  }
}

function grown<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
