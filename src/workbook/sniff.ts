import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { UnreadableFileError } from './types.js';

/** What the first bytes of a file say it is, before any reader is trusted with it. */
export type Sniffed = 'zip' | 'ole' | 'text' | 'empty';

/** What the first bytes say: a zip (an .xlsx), an OLE compound file (legacy .xls or encrypted), text, or nothing. */
export function sniffBytes(head: Buffer, size: number): Sniffed {
  if (size === 0) return 'empty';
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
  return 'text';
}

/**
 * The first 64 KB of a file and what they say it is. A file up to `whole` bytes is read whole at
 * once (`bytes`), so a small workbook costs one read.
 */
export async function sniff(path: string, whole = 0): Promise<{ kind: Sniffed; head: Buffer; size: number; bytes?: Buffer }> {
  // synchronously: the file is opened, measured, read and closed at once (a worker has nothing else to
  // do meanwhile); through the thread pool those were four round trips, a millisecond a small workbook
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size <= whole) {
      const bytes = Buffer.alloc(size);
      const bytesRead = readAll(fd, bytes);
      const all = bytesRead === size ? bytes : bytes.subarray(0, bytesRead);
      return { kind: sniffBytes(all, all.length), head: all.subarray(0, 65536), size: all.length, bytes: all };
    }
    const head = Buffer.alloc(65536);
    const bytesRead = readAll(fd, head);
    return { kind: sniffBytes(head.subarray(0, bytesRead), size), head: head.subarray(0, bytesRead), size };
  } finally {
    closeSync(fd);
  }
}

/** Reads into `buf` from the start of the file until it is full or the file ends (a read may return less). */
function readAll(fd: number, buf: Buffer): number {
  let at = 0;
  while (at < buf.length) {
    const n = readSync(fd, buf, at, buf.length - at, at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/**
 * An OLE compound file is either a legacy .xls or an encrypted (password-protected) .xlsx, which
 * names its `EncryptionInfo` stream in the compound file's directory. Looked for as the file
 * streams, with a small overlap between chunks: memory stays flat at any size.
 */
export async function oleError(path: string): Promise<UnreadableFileError> {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const window = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    if (window.includes(needle)) return new UnreadableFileError('encrypted');
    carry = Buffer.from(window.subarray(Math.max(0, window.length - needle.length)));
  }
  return new UnreadableFileError('legacy-xls');
}
