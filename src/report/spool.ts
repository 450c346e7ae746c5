import { closeSync, createReadStream, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a spool is copied (a report's output: writer.ts's Out; not imported, so that what keeps findings may use a spool). */
interface Out {
  write(bytes: Uint8Array): void;
  ready?(): Promise<void> | undefined;
}

/** Spool files of this process, removed however it ends. */
const live = new Set<string>();
process.once('exit', () => { for (const p of live) rmSync(p, { force: true }); });

/** This thread's temporary files open now (a thread of the same process has its own: a name by process id cannot tell them apart). */
export const openTemps = (): string[] => [...live];

/**
 * What a spool's text must not hold as it is, looked for in its bytes once encoded (`found`), and
 * the text written instead when they hold it (`rewrite`, which must leave nothing to find): the
 * JSON report's characters that reorder a line, found in bytes faster than in characters.
 */
export interface SpoolGuard {
  found(bytes: Uint8Array, from: number, to: number): boolean;
  rewrite(text: string): string;
}

let serial = 0;

/**
 * A temporary file of a report (a spool, `--all`'s lines) could not be written or read back: its
 * folder is full, or gone. One line for the user (main.ts), exit 2; the file is removed at exit.
 */
export class TempFileError extends Error {
  constructor(readonly dir: string, readonly detail: string) {
    super(`temporary file: ${detail}`);
  }
}

/** `fn`'s failure on a temporary file as a TempFileError. */
export function onTempFile<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TempFileError) throw err;
    throw new TempFileError(tmpdir(), (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}

/** A temporary file of this process, open to read and write: removed by `removeTemp`, or however the process ends. */
export function openTemp(kind: string): { path: string; fd: number } {
  const path = join(tmpdir(), `ecsop-${kind}-${process.pid}-${++serial}.tmp`);
  live.add(path);
  return { path, fd: onTempFile(() => openSync(path, 'w+', 0o600)) };
}

/** Closes and removes a file of openTemp. */
export function removeTemp(file: { path: string; fd: number }): void {
  try { closeSync(file.fd); } finally { rmSync(file.path, { force: true }); live.delete(file.path); }
}

const BLOCK = 1 << 20;
/** A spool's first block: a spool may hold a few lines (JUnit keeps one a rule of each file), so blocks grow from this to BLOCK. */
const FIRST_BLOCK = 4 << 10;
const PENDING_CHARS = 16 << 10;
/** Blocks kept to be filled again, at most (a spool holds 4 MB before it writes them out). */
const SPARE = 8;

/**
 * Text that must wait for something written before it (the JSON report's findings wait for its
 * `files`): encoded into blocks of bytes as it comes (no growing string to flatten), kept in
 * memory while small, then in a temporary file, so memory stays flat at any size.
 */
export class Spool {
  private blocks: Buffer[] = [];
  /**
   * the block being filled, made when first written to: its bytes from `start` to `used` are not kept
   * yet; what is kept of it (sealed) stays in it, and the block is filled on after that. Each spool made
   * a megabyte at once, and another at each seal however little it held: a JUnit report made one spool
   * a rule of each file and moved each into its file's suite, 2 MB a file — 34.8 s and 772 MB for a drive
   * of 10,000 workbooks where the text report takes 10.6 s, and 16.9 s from the cache where JSON takes
   * 0.7 (outsider helper-125).
   */
  private block: Buffer | undefined;
  private start = 0;
  /** the size of the next block made: FIRST_BLOCK, doubling to BLOCK */
  private nextSize = FIRST_BLOCK;
  /**
   * blocks written to the file, to be filled again: a fresh megabyte is the system's to map page by
   * page (its faults were a third of `review --format json`'s, on the thread that writes the report)
   */
  private spare: Array<Buffer<ArrayBuffer>> = [];
  private used = 0;
  private held = 0;
  private fd: number | undefined;
  private path: string | undefined;

  constructor(private readonly memoryLimit = 4 << 20, private readonly guard?: SpoolGuard) {}

  get empty(): boolean {
    return this.fd === undefined && this.blocks.length === 0 && this.used === this.start && this.pendingChars === 0;
  }

  /** small texts gathered and encoded together (one encoding call per 16 K characters, not per finding) */
  private pending: string[] = [];
  private pendingChars = 0;

  /** Text, or bytes taken as they are (not copied: they must not be written over), after what came before. */
  append(text: string | Uint8Array): void {
    if (typeof text !== 'string') { this.keepBytes(Buffer.isBuffer(text) ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength)); return; }
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= PENDING_CHARS) this.encode();
  }

  /** The gathered texts into the current block. */
  private encode(): void {
    if (!this.pendingChars) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.write(text, this.guard);
  }

  /** `text` encoded after the bytes before it; written again as the guard rewrites it when its bytes hold what the guard looks for. */
  private write(text: string, guard: SpoolGuard | undefined): void {
    // a UTF-16 unit takes at most 3 bytes in UTF-8
    const most = text.length * 3;
    if (!this.block || this.used + most > this.block.length) {
      this.sealBlock();
      if (most > BLOCK) {
        const bytes = Buffer.from(text, 'utf8');
        if (guard?.found(bytes, 0, bytes.length)) this.write(guard.rewrite(text), undefined);
        else this.keep(bytes);
        return;
      }
      this.newBlock(most);
    }
    const block = this.block!;
    const n = block.write(text, this.used, 'utf8');
    // not kept: the block's bytes past `used` are written over
    if (guard?.found(block, this.used, this.used + n)) this.write(guard.rewrite(text), undefined);
    else this.used += n;
  }

  /** A block to fill, of at least `bytes`: one written out already, or a new one, each larger than the last up to BLOCK. */
  private newBlock(bytes: number): void {
    const size = Math.min(BLOCK, Math.max(this.nextSize, bytes));
    this.nextSize = Math.min(BLOCK, size * 2);
    this.block = (size === BLOCK ? this.spare.pop() : undefined) ?? Buffer.allocUnsafe(size);
    this.start = 0;
    this.used = 0;
  }

  /** Everything appended so far is kept: what the current block holds, which is filled on after it. */
  private seal(): void {
    this.encode();
    this.sealBlock();
  }

  /** What the current block holds and is not kept yet, kept (the block is filled on after it, or left for a new one). */
  private sealBlock(): void {
    if (!this.block || this.used === this.start) return;
    const bytes = this.block.subarray(this.start, this.used);
    this.start = this.used;
    this.keep(bytes);
  }

  private keep(bytes: Buffer): void {
    this.blocks.push(bytes);
    this.held += bytes.length;
    if (this.held > this.memoryLimit) this.spill();
  }

  private spill(): void {
    onTempFile(() => this.spillBlocks());
  }

  private spillBlocks(): void {
    if (this.fd === undefined) ({ path: this.path, fd: this.fd } = openTemp('spool'));
    const filling = this.block?.buffer;
    for (const b of this.blocks) {
      writeSync(this.fd, b);
      // a whole block, once (its first part: its other parts are written in this loop too), and not the one being filled on
      if (b.buffer.byteLength === BLOCK && b.byteOffset === 0 && b.buffer !== filling && this.spare.length < SPARE) this.spare.push(Buffer.from(b.buffer as ArrayBuffer, 0, BLOCK));
    }
    this.blocks = [];
    this.held = 0;
  }

  /** Writes everything appended to `out`, in order, at the pace `out` takes it; then forgets it. */
  async copyTo(out: Out): Promise<void> {
    this.seal();
    if (this.fd !== undefined) {
      this.spill();
      closeSync(this.fd);
      this.fd = undefined;
      // the bytes as they were written: no decoding and encoding again
      for await (const chunk of createReadStream(this.path!, { highWaterMark: BLOCK })) {
        out.write(chunk as Buffer);
        await out.ready?.();
      }
    } else {
      for (const b of this.blocks) out.write(b);
    }
    this.dispose();
  }

  /** Moves everything appended here onto the end of `target`, a block at a time; then forgets it. */
  moveTo(target: Spool): void {
    this.seal();
    if (this.fd !== undefined) {
      this.spill();
      closeSync(this.fd);
      this.fd = openSync(this.path!, 'r');
      const buf = Buffer.allocUnsafe(BLOCK);
      for (let n = readSync(this.fd, buf, 0, BLOCK, null); n > 0; n = readSync(this.fd, buf, 0, BLOCK, null)) target.keepBytes(Buffer.from(buf.subarray(0, n)));
    } else for (const b of this.blocks) target.keepBytes(b);
    this.dispose();
  }

  /** Bytes appended as they are (a spool moved onto this one). */
  private keepBytes(bytes: Buffer): void {
    this.seal();
    this.keep(bytes);
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.path) { rmSync(this.path, { force: true }); live.delete(this.path); }
    this.path = undefined;
    this.blocks = [];
    this.spare = [];
    this.block = undefined;
    this.start = 0;
    this.used = 0;
    this.held = 0;
    this.pending = [];
    this.pendingChars = 0;
  }
}
