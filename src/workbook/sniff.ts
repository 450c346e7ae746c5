import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
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
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size <= whole) {
      const bytes = Buffer.alloc(size);
      const { bytesRead } = await fh.read(bytes, 0, size, 0);
      const all = bytesRead === size ? bytes : bytes.subarray(0, bytesRead);
      return { kind: sniffBytes(all, all.length), head: all.subarray(0, 65536), size: all.length, bytes: all };
    }
    const head = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return { kind: sniffBytes(head.subarray(0, bytesRead), size), head: head.subarray(0, bytesRead), size };
  } finally {
    await fh.close();
  }
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
