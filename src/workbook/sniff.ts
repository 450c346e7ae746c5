import { open } from 'node:fs/promises';
import { UnreadableFileError } from './types.js';

/** What the first bytes of a file say it is, before any reader is trusted with it. */
export type Sniffed = 'zip' | 'ole' | 'text' | 'empty';

export async function sniff(path: string): Promise<{ kind: Sniffed; head: Buffer; size: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, 65536));
    await fh.read(head, 0, head.length, 0);
    if (size === 0) return { kind: 'empty', head, size };
    if (head.readUInt32LE(0) === 0x04034b50) return { kind: 'zip', head, size };
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return { kind: 'ole', head, size };
    return { kind: 'text', head, size };
  } finally {
    await fh.close();
  }
}

/** An OLE compound file is either a legacy .xls or an encrypted (password-protected) .xlsx. */
export async function oleError(path: string): Promise<UnreadableFileError> {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
  return encrypted
    ? new UnreadableFileError('encrypted')
    : new UnreadableFileError('legacy-xls');
}
