import { createInflateRaw, constants } from 'node:zlib';

/**
 * Inflates a deflated entry in the calling thread, piece by piece, with node's own zlib handle driven
 * synchronously (`writeSync`, as node's `inflateRawSync` drives it, but kept open between pieces):
 * no stream and no thread pool. For the thread that reads a large sheet of its own (sheet-reader.ts),
 * which has time to spare while the checking thread is the one the run waits for: through a stream,
 * each 64 KB piece was a turn of the thread pool and of the stream's machinery, and on two cores
 * those turns were taken from the checking thread — at 300,000 orders ~0.2 s of the run's CPU and
 * thousands of thread switches (issue #25). The pieces are what the stream gives, as node's stream
 * makes them (lib/zlib.js, processCallback): each write's output handed on as it comes, in a buffer
 * of `pieceBytes` filled across writes and replaced when full, so the same bytes reach the reader in
 * the same pieces, and a failed write fails at the same piece with zlib's words.
 *
 * Undefined when this node's zlib has no such handle (it is node's internal API, read the way node
 * 20 lays it out): the stream is used then.
 */
export class InflateHere {
  private readonly handle: ZlibHandle;
  /** [output bytes left, input bytes left] after each write: where the handle writes them */
  private readonly state: Uint32Array;
  private error: Error | undefined;
  /** the deflated data has ended (whatever follows is not read) */
  private ended = false;

  private constructor(private readonly stream: ReturnType<typeof createInflateRaw>, private readonly pieceBytes: number) {
    const { _handle: handle, _writeState: state } = stream as unknown as { _handle: ZlibHandle; _writeState: Uint32Array };
    this.handle = handle;
    this.state = state;
    // the handle reports a failed write while the write runs (to its stream, which would end itself later: here, to this)
    handle.onerror = (message: string) => { this.error ??= new Error(message); };
  }

  /** An inflater in this thread, or undefined where node's zlib is not laid out as this knows it. */
  static open(pieceBytes: number): InflateHere | undefined {
    const stream = createInflateRaw();
    const inside = stream as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: unknown };
    if (typeof inside._handle?.writeSync === 'function' && typeof inside._handle.reset === 'function' && typeof inside._handle.onerror === 'function' && inside._writeState instanceof Uint32Array) return new InflateHere(stream, pieceBytes);
    stream.close();
    return undefined;
  }

  /** The inflated pieces `input` gives (all of it taken, unless the data ended in it). */
  *push(input: Buffer): Generator<Buffer> {
    yield* this.write(constants.Z_NO_FLUSH, input);
  }

  /** The last pieces, once the input has ended; throws as the stream would for data cut short. */
  *end(): Generator<Buffer> {
    yield* this.write(constants.Z_FINISH, EMPTY);
    this.close();
  }

  close(): void {
    this.stream.close();
  }

  /** `raw` inflated whole into `size` bytes (see inflateWhole). */
  whole(raw: Buffer, size: number): Buffer | undefined {
    this.handle.reset();
    this.error = undefined;
    const out = Buffer.allocUnsafe(size + 1);
    this.handle.writeSync(constants.Z_FINISH, raw, 0, raw.length, out, 0, out.length);
    if (this.error) throw this.error;
    const made = out.length - this.state[0];
    return made > size ? undefined : out.subarray(0, made);
  }

  /** the piece being filled, and how much of it is filled: a piece is handed on as it grows, as the stream does */
  private out: Buffer | undefined;
  private filled = 0;

  private *write(flush: number, input: Buffer): Generator<Buffer> {
    const size = this.pieceBytes;
    let at = 0;
    let left = input.length;
    while (!this.ended) {
      const out = (this.out ??= Buffer.allocUnsafe(size));
      const room = size - this.filled;
      this.handle.writeSync(flush, input, at, left, out, this.filled, room);
      if (this.error) throw this.error;
      const outLeft = this.state[0];
      const inLeft = this.state[1];
      const made = room - outLeft;
      const used = left - inLeft;
      if (made > 0) yield out.subarray(this.filled, this.filled + made);
      this.filled += made;
      // the piece is full: the next output goes to a new one
      if (outLeft === 0 || this.filled >= size) {
        this.out = undefined;
        this.filled = 0;
      }
      at += used;
      left = inLeft;
      if (outLeft === 0) continue;
      // room was left: the input is used up, or the data ended before it (what follows is not read)
      if (left > 0) this.ended = true;
      return;
    }
  }
}

/**
 * A small entry inflated whole, with one zlib handle per thread reset between entries: node's
 * `inflateRawSync` makes a stream object and a zlib state (~45 KB outside the heap, counted by V8
 * towards its next full collection) for each entry, and a workbook has several. The output is one
 * buffer of `size` bytes, the size the zip's directory declares, and one byte more (what fills it has
 * more than declared). Undefined when the data is longer than `size`, or this node's zlib is not laid
 * out as this knows it: the caller inflates it as before, which words the problem. Throws zlib's words
 * when the data is damaged or cut short, as `inflateRawSync` does.
 */
export function inflateWhole(raw: Buffer, size: number): Buffer | undefined {
  const here = (wholeHere ??= InflateHere.open(0) ?? null);
  if (!here) return undefined;
  try {
    return here.whole(raw, size);
  } catch (err) {
    // a handle that failed is not used again
    here.close();
    wholeHere = undefined;
    throw err;
  }
}

let wholeHere: InflateHere | null | undefined;

/** What node's zlib handle offers (lib/zlib.js, processChunkSync). */
interface ZlibHandle {
  /** back to the start of a stream (zlib's inflateReset) */
  reset(): void;
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  /** called with zlib's message as a write fails, before writeSync returns */
  onerror(message: string, errno: number, code: string): void;
}

const EMPTY = Buffer.alloc(0);
