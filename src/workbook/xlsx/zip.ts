import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { UnreadableFileError } from '../types.js';
import type { ReadLimits } from '../../config/limits.js';

/**
 * The zip container of an .xlsx, read from its central directory (so entry order does not
 * matter: exceljs writes workbook.xml last) and inflated as streams with node's zlib.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (detail: string) => new UnreadableFileError('corrupt', { detail });
const unsafe = (reason: ConstructorParameters<typeof UnreadableFileError>[0], data: Record<string, unknown>) => new UnreadableFileError(reason, data, 'file/unsafe');
const mb = (n: number) => Math.round(n / 1024 ** 2);

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}

/** Reads the central directory and checks the entry-level limits. Keys are lower-case names. */
export async function readCentralDirectory(fh: FileHandle, size: number, limits: ReadLimits): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(fh, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt('no zip end record (truncated?)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) throw corrupt('zip64 locator missing');
    const z64 = await readAt(fh, Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt('zip64 end record missing');
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (count > limits.maxEntries) throw unsafe('zip-entries', { count, limit: limits.maxEntries });
  if (cdOffset + cdSize > size) throw corrupt('central directory beyond the end of the file (truncated?)');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw corrupt('bad central directory entry');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // zip64 sizes live in the extra field when the 32-bit ones are saturated
    for (let e = p + 46 + nameLength, end = e + extraLength; e + 4 <= end;) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    p += 46 + nameLength + extraLength + commentLength;
    const key = name.replace(/^\/+/, '').toLowerCase();
    if (entries.has(key)) throw unsafe('zip-duplicate', { detail: name });
    if (uncompressedSize > limits.maxEntryBytes) throw unsafe('zip-size', { detail: name, limit: mb(limits.maxEntryBytes) });
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw unsafe('zip-ratio', { detail: name, ratio: Math.round(uncompressedSize / Math.max(1, compressedSize)), limit: limits.maxRatio });
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw unsafe('zip-total', { limit: mb(limits.maxTotalBytes) });
    entries.set(key, { name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
  }
  return entries;
}

/**
 * The entry's bytes, inflated, as a stream of Buffers. The inflated size is counted as it
 * streams: an entry that expands beyond what the directory declares is stopped, not trusted.
 */
/** How far the reading of an entry has got, in bytes of the file (compressed). */
export interface ReadCount { bytes: number }

export async function* entryChunks(path: string, fh: FileHandle, entry: ZipEntry, limits: ReadLimits, count?: ReadCount): AsyncIterable<Buffer> {
  if (entry.encrypted) throw new UnreadableFileError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(`compression method ${entry.method}`);
  const local = await readAt(fh, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw corrupt(`bad local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 18 })) : raw;
  raw.on('error', (err) => source.destroy(err));
  if (count) raw.on('data', (c) => { count.bytes += (c as Buffer).length; });
  const allowed = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  let seen = 0;
  try {
    for await (const chunk of source) {
      seen += (chunk as Buffer).length;
      if (seen > allowed) throw unsafe('zip-lying', { detail: entry.name });
      yield chunk as Buffer;
    }
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw corrupt(`${entry.name}: ${(err as Error).message}`);
  } finally {
    raw.destroy();
    source.destroy();
  }
}

/** A whole (small) entry as text, within `maxPartBytes`. */
export async function entryText(path: string, fh: FileHandle, entry: ZipEntry, limits: ReadLimits): Promise<string> {
  if (entry.uncompressedSize > limits.maxPartBytes) throw unsafe('zip-size', { detail: entry.name, limit: mb(limits.maxPartBytes) });
  const parts: Buffer[] = [];
  for await (const c of entryChunks(path, fh, entry, limits)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}
