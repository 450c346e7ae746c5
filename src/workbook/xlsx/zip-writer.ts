import { createWriteStream, type WriteStream } from 'node:fs';
import { destroyed } from '../safe-write.js';
import { createDeflateRaw, crc32, type ZlibOptions } from 'node:zlib';
import type { TransformOptions } from 'node:stream';

/**
 * A zip written as a stream: entries copied from another zip byte for byte (their compressed
 * data untouched), or written from chunks and deflated as they come. Entries written from
 * chunks carry a data descriptor, so nothing is held whole. Zip64 is written when an entry or
 * an offset needs it.
 */
interface Written {
  name: Buffer;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
  time: number;
  date: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8 = 0x0800;
const MAX32 = 0xffffffff;
/**
 * What an entry written from its content may have waiting to be deflated, and deflated waiting to be
 * written: the caller makes the next pieces meanwhile. With streams' 16 KB, each 32 KB piece of a patched
 * sheet waited for its own deflating in the thread pool, then for its own write (an annotated copy's
 * patching thread idle ~37% of the patch at 300,000 rows, ~22% with this; docs/performance.md).
 */
const AHEAD_BYTES = 1 << 20;
const DEFLATING: ZlibOptions & Pick<TransformOptions, 'writableHighWaterMark'> = { level: 3, chunkSize: 64 << 10, writableHighWaterMark: AHEAD_BYTES };

/** DOS date and time of now, as zip headers carry them. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly entries: Written[] = [];
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path, { mode: 0o644, highWaterMark: AHEAD_BYTES });
    this.out.on('error', (err) => { this.failure ??= err; });
  }

  private async put(b: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += b.length;
    if (!this.out.write(b)) await new Promise<void>((ok, fail) => {
      const onError = (err: Error) => fail(err);
      this.out.once('error', onError);
      this.out.once('drain', () => { this.out.off('error', onError); ok(); });
    });
  }

  private local(e: Written, sizesKnown: boolean): Buffer {
    const zip64 = sizesKnown && (e.compressedSize >= MAX32 || e.uncompressedSize >= MAX32);
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.uncompressedSize), 4);
      extra.writeBigUInt64LE(BigInt(e.compressedSize), 12);
    }
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(zip64 ? 45 : 20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(sizesKnown ? e.crc >>> 0 : 0, 14);
    h.writeUInt32LE(sizesKnown ? (zip64 ? MAX32 : e.compressedSize) : 0, 18);
    h.writeUInt32LE(sizesKnown ? (zip64 ? MAX32 : e.uncompressedSize) : 0, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, e.name, extra]);
  }

  /** An entry whose compressed bytes come as they are from another zip (`method`, `crc`, sizes as its directory says). */
  async copy(name: string, meta: { method: number; crc: number; compressedSize: number; uncompressedSize: number }, data: AsyncIterable<Buffer>): Promise<void> {
    const { time, date } = dosNow();
    const e: Written = { name: Buffer.from(name, 'utf8'), method: meta.method, flags: UTF8, crc: meta.crc, compressedSize: meta.compressedSize, uncompressedSize: meta.uncompressedSize, offset: this.offset, time, date };
    await this.put(this.local(e, true));
    let n = 0;
    for await (const chunk of data) { n += chunk.length; await this.put(chunk); }
    if (n !== meta.compressedSize) throw new Error(`${name}: copied ${n} bytes, not ${meta.compressedSize}`);
    this.entries.push(e);
  }

  /** An entry written from its content, deflated as it streams. */
  async write(name: string, content: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void> {
    const { time, date } = dosNow();
    const e: Written = { name: Buffer.from(name, 'utf8'), method: 8, flags: UTF8 | 0x0008, crc: 0, compressedSize: 0, uncompressedSize: 0, offset: this.offset, time, date };
    await this.put(this.local(e, false));
    const deflate = createDeflateRaw(DEFLATING);
    const pending: Buffer[] = [];
    deflate.on('data', (c: Buffer) => pending.push(c));
    const flush = async () => {
      for (const c of pending.splice(0)) { e.compressedSize += c.length; await this.put(c); }
    };
    for await (const piece of content as AsyncIterable<Buffer | string>) {
      const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (!b.length) continue;
      e.crc = crc32(b, e.crc);
      e.uncompressedSize += b.length;
      if (!deflate.write(b)) await new Promise<void>((ok) => deflate.once('drain', ok));
      await flush();
    }
    await new Promise<void>((ok, fail) => { deflate.once('error', fail); deflate.once('end', ok); deflate.end(); });
    await flush();
    const zip64 = e.compressedSize >= MAX32 || e.uncompressedSize >= MAX32;
    const d = Buffer.alloc(zip64 ? 24 : 16);
    d.writeUInt32LE(DESCRIPTOR, 0);
    d.writeUInt32LE(e.crc >>> 0, 4);
    if (zip64) {
      d.writeBigUInt64LE(BigInt(e.compressedSize), 8);
      d.writeBigUInt64LE(BigInt(e.uncompressedSize), 16);
    } else {
      d.writeUInt32LE(e.compressedSize, 8);
      d.writeUInt32LE(e.uncompressedSize, 12);
    }
    await this.put(d);
    this.entries.push(e);
  }

  /** Writes the central directory and closes the file. */
  async end(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const needs = [e.uncompressedSize >= MAX32, e.compressedSize >= MAX32, e.offset >= MAX32];
      const extraData: bigint[] = [];
      if (needs[0]) extraData.push(BigInt(e.uncompressedSize));
      if (needs[1]) extraData.push(BigInt(e.compressedSize));
      if (needs[2]) extraData.push(BigInt(e.offset));
      const extra = Buffer.alloc(extraData.length ? 4 + 8 * extraData.length : 0);
      if (extraData.length) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8 * extraData.length, 2);
        extraData.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(extraData.length ? 45 : 20, 4);
      h.writeUInt16LE(extraData.length ? 45 : 20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(e.time, 12);
      h.writeUInt16LE(e.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(needs[1] ? MAX32 : e.compressedSize, 20);
      h.writeUInt32LE(needs[0] ? MAX32 : e.uncompressedSize, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE(needs[2] ? MAX32 : e.offset, 42);
      await this.put(Buffer.concat([h, e.name, extra]));
    }
    const size = this.offset - start;
    const zip64 = this.entries.length >= 0xffff || start >= MAX32 || size >= MAX32;
    if (zip64) {
      const z = Buffer.alloc(56);
      z.writeUInt32LE(ZIP64_EOCD, 0);
      z.writeBigUInt64LE(44n, 4);
      z.writeUInt16LE(45, 12);
      z.writeUInt16LE(45, 14);
      z.writeBigUInt64LE(BigInt(this.entries.length), 24);
      z.writeBigUInt64LE(BigInt(this.entries.length), 32);
      z.writeBigUInt64LE(BigInt(size), 40);
      z.writeBigUInt64LE(BigInt(start), 48);
      const at = this.offset;
      await this.put(z);
      const l = Buffer.alloc(20);
      l.writeUInt32LE(ZIP64_LOCATOR, 0);
      l.writeBigUInt64LE(BigInt(at), 8);
      l.writeUInt32LE(1, 16);
      await this.put(l);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 10);
    end.writeUInt32LE(zip64 ? MAX32 : size, 12);
    end.writeUInt32LE(zip64 ? MAX32 : start, 16);
    await this.put(end);
    await new Promise<void>((ok, fail) => this.out.end((err?: Error | null) => (err || this.failure ? fail(err ?? this.failure) : ok())));
  }

  /** Stops writing, the file ended where it stands; resolves when it is closed and the caller may remove it (src/workbook/safe-write.ts, `destroyed`). */
  destroy(): Promise<void> {
    return destroyed(this.out);
  }
}
