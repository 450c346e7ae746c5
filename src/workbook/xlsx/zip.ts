import { localized } from '../../i18n/catalog.js';
import type { Localized } from '../../i18n/format.js';
import { createReadStream, readSync } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import type { ReadLimits } from '../../config/limits.js';
import { UnreadableFileError } from '../types.js';
import { InflateHere, inflateWhole } from './inflate-here.js';

/**
 * The zip container of an .xlsx, read from its central directory (so entry order does not
 * matter: exceljs writes workbook.xml last). A small file is read whole and its entries inflated
 * at once; a large one is read from the disk as entries stream. Every read is bounded by the
 * file, sizes and ratios are counted on the bytes really inflated (a directory may lie), and
 * each entry's CRC is checked.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
  crc: number;
}

export interface ZipFile {
  path: string;
  size: number;
  /** the whole file, when it is small enough to read at once */
  bytes?: Buffer;
  fh?: FileHandle;
  /** entries by lower-case name */
  entries: Map<string, ZipEntry>;
  /**
   * large entries read and inflated in this thread, synchronously (InflateHere), not streamed
   * through the thread pool: for the thread that reads a sheet of its own (sheet-reader.ts)
   */
  inflateHere?: boolean;
}

/** Files up to this size are read whole: one read instead of a stream per part. */
export const WHOLE_FILE_BYTES = 8 << 20;
/**
 * A large entry is read 256 KB at a time and inflated into pieces of 64 KB (issue #25): with a sheet read
 * in a thread of its own, larger pieces (1 MB reads, 256 KB inflated) left the allocator's per-thread
 * arenas fragmented — 80 MB more at a million rows — and made batches no faster.
 */
const READ_BYTES = 256 << 10;
const INFLATE_BYTES = 64 << 10;
/** Entries up to this size (declared and real) are inflated at once. */
const WHOLE_ENTRY_BYTES = 4 << 20;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (detail: Localized) => new UnreadableFileError('corrupt', { detail });
/** What zlib said of a part's data, in the run's language (its own words are English): cut short, or damaged. */
const inflateProblem = (part: string, err: unknown): UnreadableFileError =>
  corrupt(/unexpected end/i.test((err as Error).message) ? localized('corrupt.inflate-end', { part }) : localized('corrupt.inflate', { part }));
const unsafe = (reason: ConstructorParameters<typeof UnreadableFileError>[0], data: Record<string, unknown>) => new UnreadableFileError(reason, data, 'file/unsafe');
const mb = (n: number) => Math.round(n / 1024 ** 2);

/** `length` bytes at `position`, never past the end of the file (fewer when the file is shorter). */
async function readAt(zip: Pick<ZipFile, 'bytes' | 'fh' | 'size'>, position: number, length: number): Promise<Buffer> {
  if (position < 0 || position >= zip.size || length <= 0) return Buffer.alloc(0);
  const n = Math.min(length, zip.size - position);
  if (zip.bytes) return zip.bytes.subarray(position, position + n);
  const buf = Buffer.alloc(n);
  const { bytesRead } = await zip.fh!.read(buf, 0, n, position);
  return bytesRead === n ? buf : buf.subarray(0, bytesRead);
}

/** A 64-bit size or offset as a number; beyond what a file can hold, the file is broken. */
function big(b: Buffer, at: number): number {
  if (at + 8 > b.length) throw corrupt(localized('corrupt.zip64-field'));
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(localized('corrupt.zip64-size'));
  return Number(v);
}

/** Opens a zip (the first bytes were sniffed as one): small files whole, large ones by handle. */
export async function openZip(path: string, size: number, limits: ReadLimits, bytes?: Buffer): Promise<ZipFile> {
  const zip: ZipFile = { path, size, entries: new Map() };
  if (bytes) zip.bytes = bytes;
  else if (size <= WHOLE_FILE_BYTES) zip.bytes = await readFile(path);
  else zip.fh = await open(path, 'r');
  try {
    zip.entries = await readCentralDirectory(zip, limits);
    return zip;
  } catch (err) {
    await closeZip(zip);
    throw err;
  }
}

export async function closeZip(zip: ZipFile): Promise<void> {
  await zip.fh?.close().catch(() => undefined);
  zip.fh = undefined;
}

/** Reads the central directory and checks the entry-level limits. Keys are lower-case names. */
export async function readCentralDirectory(zip: Pick<ZipFile, 'bytes' | 'fh' | 'size'>, limits: ReadLimits): Promise<Map<string, ZipEntry>> {
  const size = zip.size;
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(zip, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt(localized('corrupt.no-end-record'));
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) throw corrupt(localized('corrupt.zip64-locator'));
    const z64 = await readAt(zip, big(tail, loc + 8), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt(localized('corrupt.zip64-end'));
    count = big(z64, 32);
    cdSize = big(z64, 40);
    cdOffset = big(z64, 48);
  }
  if (count > limits.maxEntries) throw unsafe('zip-entries', { count, limit: limits.maxEntries });
  if (cdOffset + cdSize > size) throw corrupt(localized('corrupt.directory-past-end'));
  // 46 bytes is the least an entry takes: more entries than that is a lie
  if (count * 46 > cdSize) throw corrupt(localized('corrupt.directory-small'));
  const cd = await readAt(zip, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw corrupt(localized('corrupt.directory-entry'));
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) throw corrupt(localized('corrupt.directory-entry-past'));
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // zip64 sizes live in the extra field when the 32-bit ones are saturated
    for (let e = p + 46 + nameLength, stop = e + extraLength; e + 4 <= stop;) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (e + 4 + len > stop) throw corrupt(localized('corrupt.extra-field', { part: name }));
      if (id === 0x0001) {
        const field = cd.subarray(e + 4, e + 4 + len);
        let q = 0;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = big(field, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = big(field, q); q += 8; }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = big(field, q);
      }
      e += 4 + len;
    }
    p = end;
    if (localHeaderOffset + 30 > size || localHeaderOffset + compressedSize > size) throw corrupt(localized('corrupt.entry-past-end', { part: name }));
    const key = name.replace(/^\/+/, '').toLowerCase();
    if (entries.has(key)) throw unsafe('zip-duplicate', { detail: name });
    if (uncompressedSize > limits.maxEntryBytes) throw unsafe('zip-size', { detail: name, limit: mb(limits.maxEntryBytes) });
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw unsafe('zip-ratio', { detail: name, ratio: Math.round(uncompressedSize / Math.max(1, compressedSize)), limit: limits.maxRatio });
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw unsafe('zip-total', { limit: mb(limits.maxTotalBytes) });
    entries.set(key, { name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1, crc });
  }
  return entries;
}

/** How far the reading of an entry has got, in bytes of the file (compressed). */
export interface ReadCount { bytes: number }

/** Where an entry's data starts, from its local header. */
async function dataStart(zip: ZipFile, entry: ZipEntry): Promise<number> {
  const local = await readAt(zip, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw corrupt(localized('corrupt.local-header', { part: entry.name }));
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > zip.size) throw corrupt(localized('corrupt.entry-past-end', { part: entry.name }));
  return start;
}

/**
 * Past how many bytes an entry that inflates to more than its directory says is taken for a lie (a bomb
 * that hides its size) rather than for damage: an eighth more, or 64 KB (outsider helper-94: one byte
 * flipped in a download was called a zip bomb at some places in the file and damage at others).
 */
function lyingBeyond(entry: ZipEntry): number {
  return entry.uncompressedSize + Math.max(1 << 16, Math.floor(entry.uncompressedSize / 8));
}

/** Counts what an entry really inflates to, against its declared size and the limits. */
class Inflated {
  bytes = 0;
  crc = 0;

  constructor(private readonly entry: ZipEntry, private readonly limits: ReadLimits, private readonly count?: ReadCount) {}

  take(chunk: Buffer): void {
    this.bytes += chunk.length;
    const { entry, limits } = this;
    // a little more than declared is damage (a byte flipped on the way: done() says so); far more, a size that lies
    if (this.bytes > lyingBeyond(entry)) throw unsafe('zip-lying', { detail: entry.name });
    if (this.bytes > limits.maxEntryBytes) throw unsafe('zip-size', { detail: entry.name, limit: mb(limits.maxEntryBytes) });
    // the ratio on the real bytes: what came out against what went in so far
    const inSoFar = Math.max(1, this.count ? this.count.bytes : entry.compressedSize);
    if (this.bytes > limits.ratioFloorBytes && this.bytes / inSoFar > limits.maxRatio) {
      throw unsafe('zip-ratio', { detail: entry.name, ratio: Math.round(this.bytes / inSoFar), limit: limits.maxRatio });
    }
    this.crc = crc32(chunk, this.crc);
  }

  done(): void {
    if (this.bytes !== this.entry.uncompressedSize) throw corrupt(localized('corrupt.inflated-size', { part: this.entry.name, bytes: this.bytes, declared: this.entry.uncompressedSize }));
    if (this.crc >>> 0 !== this.entry.crc >>> 0) throw corrupt(localized('corrupt.crc', { part: this.entry.name }));
  }
}

/**
 * The entry's bytes, inflated, as a stream of Buffers: at once for a small entry of a file read
 * whole, else streamed with zlib. `count` follows the compressed bytes read (progress).
 */
export async function* entryChunks(zip: ZipFile, entry: ZipEntry, limits: ReadLimits, count?: ReadCount): AsyncIterable<Buffer> {
  refuseUnreadable(entry);
  const start = await dataStart(zip, entry);
  const check = new Inflated(entry, limits, count);
  if (entry.compressedSize === 0) { check.done(); return; }
  if (zip.bytes && entry.uncompressedSize <= WHOLE_ENTRY_BYTES) {
    const raw = zip.bytes.subarray(start, start + entry.compressedSize);
    let out: Buffer;
    try {
      // never much more than the directory declares (lyingBeyond; one byte more than that shows a lie)
      out = entry.method !== 8 ? raw
        : (inflateWhole(raw, entry.uncompressedSize) ?? inflateRawSync(raw, { maxOutputLength: Math.min(lyingBeyond(entry), limits.maxEntryBytes) + 1 }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw unsafe('zip-lying', { detail: entry.name });
      throw inflateProblem(entry.name, err);
    }
    if (count) count.bytes += entry.compressedSize;
    check.take(out);
    check.done();
    yield out;
    return;
  }
  // in this thread (a sheet's own reading thread, where its zlib allows it), else streamed through the thread pool
  const here = zip.inflateHere && entry.method === 8 ? InflateHere.open(INFLATE_BYTES) : undefined;
  const pieces = here || (zip.inflateHere && entry.method === 0) ? { chunks: piecesHere(zip, entry, start, here, count), close: () => here?.close() } : streamed(zip, entry, start, count);
  try {
    for await (const chunk of pieces.chunks) {
      check.take(chunk);
      yield chunk;
    }
    check.done();
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw inflateProblem(entry.name, err);
  } finally {
    pieces.close();
  }
}

/** An entry's bytes through a stream: read from the disk (or the file read whole) and inflated in the thread pool. */
function streamed(zip: ZipFile, entry: ZipEntry, start: number, count?: ReadCount): { chunks: AsyncIterable<Buffer>; close(): void } {
  const raw: Readable = zip.bytes
    ? Readable.from([zip.bytes.subarray(start, start + entry.compressedSize)])
    : createReadStream(zip.path, { start, end: start + entry.compressedSize - 1, highWaterMark: READ_BYTES });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: INFLATE_BYTES })) : raw;
  raw.on('error', (err: Error) => source.destroy(err));
  if (count) raw.on('data', (c: Buffer) => { count.bytes += c.length; });
  return { chunks: source as AsyncIterable<Buffer>, close: () => { raw.destroy(); source.destroy(); } };
}

/**
 * An entry's bytes read as the stream path reads them (READ_BYTES at a time from the disk, at once
 * from a file read whole; `count` following them) and inflated (`here`) or, stored, as they are:
 * synchronously, in this thread.
 */
function* piecesHere(zip: ZipFile, entry: ZipEntry, start: number, here: InflateHere | undefined, count?: ReadCount): Generator<Buffer> {
  // inflated, a read is used up before the next: one buffer for all; stored, each read is a piece of its own
  const input = here && !zip.bytes ? Buffer.allocUnsafe(READ_BYTES) : undefined;
  for (let at = 0; at < entry.compressedSize;) {
    // a file read whole gives its entry as one piece, as Readable.from does
    const want = zip.bytes ? entry.compressedSize : Math.min(READ_BYTES, entry.compressedSize - at);
    let piece: Buffer;
    if (zip.bytes) piece = zip.bytes.subarray(start + at, start + at + want);
    else {
      const into = input ?? Buffer.allocUnsafe(want);
      const got = readSync(zip.fh!.fd, into, 0, want, start + at);
      // the file ends sooner than it did (cut short while it is read): the entry's data ends here, as a stream's
      // reading would end, and zlib or the entry's size says so in the stream's words (helper-81)
      if (got <= 0) break;
      piece = into.subarray(0, got);
    }
    at += piece.length;
    if (count) count.bytes += piece.length;
    if (here) yield* here.push(piece);
    else yield piece;
  }
  if (here) yield* here.end();
}

/**
 * An entry's bytes as UTF-8, whatever the part was saved in: a part in UTF-16 (with its byte-order
 * mark, as some writers save XML) is decoded as it streams, so the byte scanners see UTF-8.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (const c of chunks) {
    if (first) {
      first = false;
      if (c[0] === 0xff && c[1] === 0xfe) decoder = new TextDecoder('utf-16le');
      else if (c[0] === 0xfe && c[1] === 0xff) decoder = new TextDecoder('utf-16be');
    }
    yield decoder ? Buffer.from(decoder.decode(c, { stream: true }), 'utf8') : c;
  }
  if (decoder) { const rest = decoder.decode(); if (rest) yield Buffer.from(rest, 'utf8'); }
}

/** An entry this reader cannot read whatever its bytes: encrypted, or compressed by another method than deflate. */
function refuseUnreadable(entry: ZipEntry): void {
  if (entry.encrypted) throw new UnreadableFileError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(localized('corrupt.method', { method: entry.method }));
}

/** What entryText refuses before it reads the entry's bytes, in its order: a part beyond `maxPartBytes`, then refuseUnreadable. */
function refusePart(entry: ZipEntry, limits: ReadLimits): void {
  if (entry.uncompressedSize > limits.maxPartBytes) throw unsafe('zip-size', { detail: entry.name, limit: mb(limits.maxPartBytes) });
  refuseUnreadable(entry);
}

/** A whole (small) entry as text, within `maxPartBytes`. */
export async function entryText(zip: ZipFile, entry: ZipEntry, limits: ReadLimits): Promise<string> {
  refusePart(entry, limits);
  const parts: Buffer[] = [];
  for await (const c of utf8Chunks(entryChunks(zip, entry, limits))) parts.push(c);
  return (parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * A part's stored bytes (compressed) in a file read whole; nothing for a file read as it streams.
 * What entryText would refuse before reading them is refused first, in its order (a file damaged
 * in two ways is named by the same one either way).
 */
export async function storedBytes(zip: ZipFile, entry: ZipEntry, limits: ReadLimits): Promise<Buffer | undefined> {
  if (!zip.bytes) return undefined;
  refusePart(entry, limits);
  const start = await dataStart(zip, entry);
  return zip.bytes.subarray(start, start + entry.compressedSize);
}

/** An entry's stored bytes as they are (compressed), for copying it into another zip unchanged. */
export async function* rawChunks(zip: ZipFile, entry: ZipEntry): AsyncIterable<Buffer> {
  const start = await dataStart(zip, entry);
  if (entry.compressedSize === 0) return;
  if (zip.bytes) { yield zip.bytes.subarray(start, start + entry.compressedSize); return; }
  const raw = createReadStream(zip.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  try {
    for await (const chunk of raw) yield chunk as Buffer;
  } finally {
    raw.destroy();
  }
}

/** Every part of a package as text, by name: what a workbook holds, styles and all (generated files are compared by it). */
export async function packageParts(path: string, limits: ReadLimits): Promise<Record<string, string>> {
  const { size } = await stat(path);
  const zip = await openZip(path, size, limits);
  try {
    const out: Record<string, string> = Object.create(null);
    for (const entry of [...zip.entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) out[entry.name] = await entryText(zip, entry, limits);
    return out;
  } finally {
    await closeZip(zip);
  }
}
