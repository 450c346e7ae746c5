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
  private block = Buffer.allocUnsafe(BLOCK);
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
    return this.fd === undefined && this.blocks.length === 0 && this.used === 0 && this.pendingChars === 0;
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
    if (this.used + text.length * 3 > BLOCK) {
      this.sealBlock();
      if (text.length * 3 > BLOCK) {
        const bytes = Buffer.from(text, 'utf8');
        if (guard?.found(bytes, 0, bytes.length)) this.write(guard.rewrite(text), undefined);
        else this.keep(bytes);
        return;
      }
    }
    const n = this.block.write(text, this.used, 'utf8');
    // not kept: the block's bytes past `used` are written over
    if (guard?.found(this.block, this.used, this.used + n)) this.write(guard.rewrite(text), undefined);
    else this.used += n;
  }

  /** Everything appended so far is in blocks: the current one is kept and a new one started. */
  private seal(): void {
    this.encode();
    this.sealBlock();
  }

  /** The current block is full: keep what it holds and start a new one. */
  private sealBlock(): void {
    if (!this.used) return;
    this.keep(this.block.subarray(0, this.used));
    this.block = this.spare.pop() ?? Buffer.allocUnsafe(BLOCK);
    this.used = 0;
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
    for (const b of this.blocks) {
      writeSync(this.fd, b);
      // a whole block of its own (not a text kept as it was, nor bytes moved from another spool)
      if (b.buffer.byteLength === BLOCK && b.byteOffset === 0 && this.spare.length < SPARE) this.spare.push(Buffer.from(b.buffer as ArrayBuffer, 0, BLOCK));
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
    this.used = 0;
    this.held = 0;
    this.pending = [];
    this.pendingChars = 0;
  }
}
