import { writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { closeZip, entryChunks, openZip } from '../../src/workbook/xlsx/zip.js';

export interface ZipFile {
  name: string;
  data?: Buffer;
  /** already-deflated bytes with their true size, for bombs built without holding them */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** a size to declare instead of the true one (a lying directory) */
  declaredSize?: number;
}

/** A minimal zip writer for hostile test files (deflate, 32-bit sizes). */
export async function writeZip(path: string, files: ZipFile[]): Promise<void> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const bytes = f.deflated ? f.deflated.bytes : deflateRawSync(f.data!);
    const size = f.declaredSize ?? (f.deflated ? f.deflated.size : f.data!.length);
    const crc = f.deflated ? f.deflated.crc : crc32(f.data!);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(bytes.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    central.push(cd, name);
    offset += 30 + name.length + bytes.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...locals, cdBuf, end]));
}

/** Every entry of a zip as text, read with ecsop's zip reader. */
export async function unzipAll(path: string): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await openZip(path, statSync(path).size, DEFAULT_LIMITS);
  try {
    const out: Array<{ name: string; data: Buffer }> = [];
    for (const e of zip.entries.values()) {
      const parts: Buffer[] = [];
      for await (const c of entryChunks(zip, e, DEFAULT_LIMITS)) parts.push(c);
      out.push({ name: e.name, data: Buffer.concat(parts) });
    }
    return out;
  } finally {
    await closeZip(zip);
  }
}

/** Copies an .xlsx, changing entries' text on the way. */
export async function rezip(src: string, dst: string, change: (name: string, text: string) => string, extra: ZipFile[] = []): Promise<void> {
  const files = (await unzipAll(src)).map((f) => ({ name: f.name, data: Buffer.from(change(f.name, f.data.toString('utf8'))) }));
  await writeZip(dst, [...files, ...extra]);
}
