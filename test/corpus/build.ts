import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builders of workbooks at the byte level, for the bad-input corpus: every part written by hand
 * (so each case can break exactly one thing), zipped by a minimal zip writer that can also lie.
 */
export const HEADER = ['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注', '库存'];
export const ROW = ['20240520001', '2024-05-20 09:12', '*女士', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 2, 258, '否', '', 120];

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function letter(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet rows as cells with inline strings and numbers; `p` is the element prefix. */
export function rowsXml(rows: Array<Array<string | number>>, p = ''): string {
  return rows.map((row, i) => `<${p}row r="${i + 1}">${row.map((v, j) => {
    const ref = `${letter(j + 1)}${i + 1}`;
    return typeof v === 'number' ? `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
  }).join('')}</${p}row>`).join('');
}

export function sheetXml(body = rowsXml([HEADER, ROW]), opts: { before?: string; after?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${opts.before ?? ''}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${body}</sheetData>${opts.after ?? ''}</worksheet>`;
}

export interface Part { name: string; data: Buffer | string; method?: 0 | 8 }

export interface XlsxSpec {
  sheets?: Array<{ name: string; xml?: string; state?: string; chart?: boolean; missing?: boolean }>;
  strings?: string;
  styles?: string;
  workbookExtra?: string;
  extra?: Part[];
  drop?: string[];
}

/** The parts of a small workbook (one orders sheet unless told otherwise). */
export function xlsxParts(spec: XlsxSpec = {}): Part[] {
  const sheets = spec.sheets ?? [{ name: '订单' }];
  const parts: Part[] = [];
  const overrides = sheets.map((s, i) => (s.chart
    ? `<Override PartName="/xl/chartsheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`
    : `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)).join('');
  parts.push({ name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${spec.strings !== undefined ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${spec.styles !== undefined ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>` });
  parts.push({ name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` });
  parts.push({ name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets>${spec.workbookExtra ?? ''}</workbook>` });
  const rels = sheets.map((s, i) => (s.chart
    ? `<Relationship Id="rId${i + 1}" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
    : `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`));
  if (spec.strings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (spec.styles !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  parts.push({ name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` });
  sheets.forEach((s, i) => {
    if (s.missing) return;
    if (s.chart) parts.push({ name: `xl/chartsheets/sheet${i + 1}.xml`, data: `<chartsheet xmlns="${NS}"/>` });
    else parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml ?? sheetXml() });
  });
  if (spec.strings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: spec.strings });
  if (spec.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: spec.styles });
  const dropped = new Set(spec.drop ?? []);
  return [...parts.filter((p) => !dropped.has(p.name)), ...(spec.extra ?? [])];
}

export interface ZipOptions {
  /** change an entry's central-directory record (sizes, flags, method, crc) */
  central?: (name: string, cd: Buffer) => void;
  /** extra bytes for an entry's central record */
  extra?: (name: string) => Buffer | undefined;
  /** change the end record */
  end?: (eocd: Buffer) => void;
  /** bytes put before the end record (a fake zip64 record) */
  beforeEnd?: Buffer;
}

/** A zip of `parts`, deflated unless stored; `opts` break what a case needs broken. */
export function zip(parts: Part[], opts: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const method = part.method ?? 8;
    const bytes = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(part.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = opts.extra?.(part.name) ?? Buffer.alloc(0);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(bytes.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(offset, 42);
    opts.central?.(part.name, cd);
    locals.push(local, name, bytes);
    central.push(cd, name, extra);
    offset += 30 + name.length + bytes.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset + (opts.beforeEnd ? 0 : 0), 16);
  opts.end?.(end);
  return Buffer.concat([...locals, cdBuf, opts.beforeEnd ?? Buffer.alloc(0), end]);
}

export function xlsx(spec: XlsxSpec = {}, opts: ZipOptions = {}): Buffer {
  return zip(xlsxParts(spec), opts);
}

/**
 * A minimal OLE compound file: the signature, a header and one directory sector naming the
 * streams given (enough for what tells a legacy .xls from an encrypted .xlsx).
 */
export function ole(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory at sector 1
  header.writeUInt32LE(0x1000, 56);
  header.writeInt32LE(-2, 60);
  header.writeInt32LE(-2, 68);
  header.writeUInt32LE(0, 76); // FAT at sector 0
  for (let i = 1; i < 109; i++) header.writeInt32LE(-1, 76 + 4 * i);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeInt32LE(-3, 0);
  fat.writeInt32LE(-2, 4);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, fat, dir]);
}

export function write(path: string, data: Buffer | string): void {
  writeFileSync(path, data);
}
