import { crc32, deflateSync } from 'node:zlib';

/** Media files built in code, only as much of each format as a reader of its size needs. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + width); // filter byte + pixels of one row, repeated
  const raw = Buffer.concat(Array.from({ length: Math.min(height, 4) }, () => row));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG header with its size (SOF0) and, when given, an EXIF orientation (6: turned a quarter). */
export function jpeg(width: number, height: number, orientation?: number): Buffer {
  const segments: Buffer[] = [Buffer.from([0xff, 0xd8])];
  // APP0 JFIF, as every camera and editor writes it
  segments.push(Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]));
  if (orientation) {
    // APP1 "Exif\0\0" + TIFF (big endian) with one IFD entry: 0x0112 Orientation, SHORT
    const tiff = Buffer.alloc(8 + 2 + 12 + 4);
    tiff.write('MM', 0, 'latin1');
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x0112, 10);
    tiff.writeUInt16BE(3, 12);
    tiff.writeUInt32BE(1, 14);
    tiff.writeUInt16BE(orientation, 18);
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(body.length + 2);
    segments.push(Buffer.from([0xff, 0xe1]), len, body);
  }
  const sof = Buffer.alloc(2 + 1 + 2 + 2 + 1 + 3);
  sof.writeUInt16BE(sof.length, 0);
  sof[2] = 8;
  sof.writeUInt16BE(height, 3);
  sof.writeUInt16BE(width, 5);
  sof[7] = 1;
  sof[8] = 1; sof[9] = 0x11; sof[10] = 0;
  segments.push(Buffer.from([0xff, 0xc0]), sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(segments);
}

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function full(type: string, version: number, flags: number, ...content: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE((version << 24) | flags);
  return box(type, vf, ...content);
}

/**
 * An MP4 with one video track of the given coded size; `rotate` puts a quarter turn in the track
 * header (as phones record portrait); `moovLast` writes the movie box after the media data.
 */
export function mp4(width: number, height: number, opts: { rotate?: boolean; moovLast?: boolean } = {}): Buffer {
  const u32 = (...n: number[]) => { const b = Buffer.alloc(4 * n.length); n.forEach((v, i) => b.writeInt32BE(v | 0, i * 4)); return b; };
  const u16 = (...n: number[]) => { const b = Buffer.alloc(2 * n.length); n.forEach((v, i) => b.writeUInt16BE(v, i * 2)); return b; };
  const matrix = opts.rotate ? u32(0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000) : u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
  const mvhd = full('mvhd', 0, 0, u32(0, 0, 1000, 1000, 0x10000), u16(0x100, 0), u32(0, 0), matrix, u32(0, 0, 0, 0, 0, 0), u32(2));
  const tkhd = full('tkhd', 0, 3, u32(0, 0, 1, 0, 1000, 0, 0), u16(0, 0, 0, 0), matrix, u32(width << 16, height << 16));
  const mdhd = full('mdhd', 0, 0, u32(0, 0, 1000, 1000), u16(0x55c4, 0));
  const hdlr = full('hdlr', 0, 0, u32(0), Buffer.from('vide', 'latin1'), u32(0, 0, 0), Buffer.from('VideoHandler\0', 'latin1'));
  const avc1 = box('avc1', Buffer.alloc(6), u16(1), Buffer.alloc(16), u16(width, height), u32(0x480000, 0x480000, 0), u16(1), Buffer.alloc(32), u16(0x18, 0xffff));
  const stsd = full('stsd', 0, 0, u32(1), avc1);
  const stbl = box('stbl', stsd, full('stts', 0, 0, u32(0)), full('stsc', 0, 0, u32(0)), full('stsz', 0, 0, u32(0, 0)), full('stco', 0, 0, u32(0)));
  const minf = box('minf', full('vmhd', 0, 1, u16(0, 0, 0, 0)), box('dinf', full('dref', 0, 0, u32(1), full('url ', 0, 1))), stbl);
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, minf));
  const moov = box('moov', mvhd, trak);
  const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'));
  const mdat = box('mdat', Buffer.alloc(4096));
  return Buffer.concat(opts.moovLast ? [ftyp, mdat, moov] : [ftyp, moov, mdat]);
}
