import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { HEADER, NS, ole, ROW, rowsXml, sheetXml, write, xlsx, xlsxParts, zip } from './build.js';

/**
 * The bad-input corpus: every class of broken, hostile or merely unusual file that users, ERPs
 * and other programs produce, each generated here in code. What each must become: a finding
 * with a reason code, or a clean read (with its rows), or being passed over (lock files).
 */
export type Expect =
  | { finding: string; reason?: string; sheet?: string }
  | { ok: true; rows?: number; sheets?: number }
  | { skipped: true };

export interface Case {
  /** the file's name in the corpus folder (its class is in the name) */
  file: string;
  make(path: string, dir: string): void;
  expect: Expect;
}

const csvText = (rows: Array<Array<string | number>>, eol = '\r\n') => rows.map((r) => r.join(',')).join(eol) + eol;
const ORDERS_CSV = csvText([HEADER, ROW, ROW.map((v, i) => (i === 0 ? '20240520002' : v))]);
const good = (rows = 1): Expect => ({ ok: true, rows });

/** The cells of ROW, with references in row `n`. */
const cellsOfRow = (n: number) => rowsXml([ROW]).slice(10, -6).replace(/ r="([A-Z]+)1"/g, ` r="$1${n}"`);

/** A sheet part whose first row is the header and then `body`. */
const withRow = (row: string) => sheetXml(`${rowsXml([HEADER])}${row}`);

/** A cell of about `n` characters that does not compress like a repeated one (a zip-ratio refusal is another case): CJK, rare CJK, emoji, Latin and pinyin, punctuation. */
function longCell(n: number, seed: number): string {
  const pieces = ['订', '单', '补', '水', '面', '膜', '𠀀', '𪜀', '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', 'a', 'x', 'tang', ' ', '，', 'é', '号', '省'];
  let x = seed;
  let out = '';
  while (out.length < n) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += pieces[(x >> 8) % pieces.length];
  }
  return out;
}

export const CASES: Case[] = [
  // ── empty, tiny and renamed files ──────────────────────────────────────────────
  { file: 'empty.xlsx', make: (p) => write(p, Buffer.alloc(0)), expect: { finding: 'file/unreadable', reason: 'empty' } },
  { file: 'one-byte.xlsx', make: (p) => write(p, Buffer.from('P')), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'two-bytes.xlsx', make: (p) => write(p, Buffer.from('PK')), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'three-bytes.xlsx', make: (p) => write(p, Buffer.from([0x50, 0x4b, 0x03])), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'zip-signature-only.xlsx', make: (p) => write(p, Buffer.from([0x50, 0x4b, 0x03, 0x04])), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'empty.csv', make: (p) => write(p, Buffer.alloc(0)), expect: { finding: 'file/unreadable', reason: 'empty' } },
  { file: 'bom-only.csv', make: (p) => write(p, Buffer.from([0xef, 0xbb, 0xbf])), expect: { ok: true, rows: 0 } },
  { file: 'pdf-renamed.xlsx', make: (p) => write(p, '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'png-renamed.xlsx', make: (p) => write(p, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'text-renamed.xlsx', make: (p) => write(p, '订单号,金额\n1,100\n'), expect: { finding: 'file/unreadable', reason: 'not-a-zip' } },
  { file: 'docx-renamed.xlsx', make: (p) => write(p, zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }])), expect: { finding: 'file/unreadable', reason: 'missing-part' } },
  { file: 'plain-zip-renamed.xlsx', make: (p) => write(p, zip([{ name: 'notes.txt', data: 'hello' }])), expect: { finding: 'file/unreadable', reason: 'missing-part' } },
  { file: 'ods-renamed.xlsx', make: (p) => copyFileSync(join(__dirname, '../fixtures/libreoffice-renamed-ods.xlsx'), p), expect: { finding: 'file/unreadable', reason: 'ods' } },
  { file: 'opendocument.ods', make: (p) => write(p, zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<office:document-content/>' }])), expect: { finding: 'file/unreadable', reason: 'ods' } },
  { file: 'workbook-named.csv', make: (p) => write(p, xlsx()), expect: { finding: 'file/unreadable', reason: 'not-csv' } },
  { file: 'xlsx-named.xls', make: (p) => write(p, xlsx()), expect: good() },
  { file: 'legacy-97.xls', make: (p) => write(p, ole(['Workbook', 'SummaryInformation'])), expect: { finding: 'file/unreadable', reason: 'legacy-xls' } },
  { file: 'legacy-named.xlsx', make: (p) => write(p, ole(['Workbook'])), expect: { finding: 'file/unreadable', reason: 'legacy-xls' } },
  { file: 'password.xlsx', make: (p) => write(p, ole(['EncryptionInfo', 'EncryptedPackage'])), expect: { finding: 'file/unreadable', reason: 'encrypted' } },
  { file: 'random-text.xls', make: (p) => write(p, 'this is not a spreadsheet at all\n'), expect: { finding: 'file/unreadable', reason: 'not-a-workbook' } },

  // ── the "Excel" exports of ERPs: HTML tables and XML Spreadsheet 2003 saved as .xls ──
  { file: 'erp-html-utf8.xls', make: (p) => write(p, `<html><head><meta charset="utf-8"></head><body><table><tr>${HEADER.map((h) => `<td>${h}</td>`).join('')}</tr><tr>${ROW.map((v) => `<td>${v}</td>`).join('')}</tr></table></body></html>`), expect: good() },
  { file: 'erp-html-gbk.xls', make: (p) => write(p, iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr><tr>${ROW.map((v) => `<td>${v}</td>`).join('')}</tr></table></body></html>`, 'gb18030')), expect: good() },
  { file: 'erp-html-bare-table.xls', make: (p) => write(p, `<table border=1><tr>${HEADER.map((h) => `<td>${h}`).join('')}<tr>${ROW.map((v) => `<td>${v}`).join('')}</table>`), expect: good() },
  { file: 'erp-spreadsheetml.xls', make: (p) => write(p, `<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="订单"><Table><Row>${HEADER.map((h) => `<Cell><Data ss:Type="String">${h}</Data></Cell>`).join('')}</Row><Row>${ROW.map((v) => `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`).join('')}</Row></Table></Worksheet></Workbook>`), expect: good() },

  // ── truncated and damaged zips ───────────────────────────────────────────────
  { file: 'truncated-60.xlsx', make: (p) => { const b = xlsx(); write(p, b.subarray(0, Math.floor(b.length * 0.6))); }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'truncated-10.xlsx', make: (p) => { const b = xlsx(); write(p, b.subarray(0, Math.floor(b.length * 0.1))); }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'truncated-end-record.xlsx', make: (p) => { const b = xlsx(); write(p, b.subarray(0, b.length - 10)); }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'directory-past-end.xlsx', make: (p) => write(p, xlsx({}, { end: (e) => e.writeUInt32LE(0x7fffffff, 16) })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'directory-too-small.xlsx', make: (p) => write(p, xlsx({}, { end: (e) => e.writeUInt16LE(900, 10) })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'crc-mismatch-stored.xlsx', make: (p) => {
    const parts = xlsxParts().map((x) => (x.name.endsWith('sheet1.xml') ? { ...x, method: 0 as const } : x));
    const b = zip(parts, { central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt32LE(0x12345678, 16); } });
    write(p, b);
  }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'crc-mismatch-flipped-byte.xlsx', make: (p) => {
    // a stored sheet with one digit changed after the CRC was taken: 258 would read as 958
    const parts = xlsxParts().map((x) => (x.name.endsWith('sheet1.xml') ? { ...x, method: 0 as const } : x));
    const b = zip(parts);
    const at = b.indexOf('<v>258</v>');
    b[at + 3] = '9'.charCodeAt(0);
    write(p, b);
  }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'size-smaller-than-declared.xlsx', make: (p) => write(p, xlsx({}, { central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt32LE(cd.readUInt32LE(24) + 100, 24); } })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'zip64-locator-missing.xlsx', make: (p) => write(p, xlsx({}, { end: (e) => e.writeUInt16LE(0xffff, 10) })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'zip64-record-past-end.xlsx', make: (p) => {
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(0xffffffffffn, 8);
    write(p, xlsx({}, { beforeEnd: loc, end: (e) => e.writeUInt32LE(0xffffffff, 16) }));
  }, expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'zip64-extra-too-short.xlsx', make: (p) => write(p, xlsx({}, {
    central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt32LE(0xffffffff, 24); },
    extra: (name) => (name.endsWith('sheet1.xml') ? Buffer.from([0x01, 0x00, 0x04, 0x00, 1, 2, 3, 4]) : undefined),
  })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'extra-field-past-entry.xlsx', make: (p) => write(p, xlsx({}, { extra: (name) => (name.endsWith('sheet1.xml') ? Buffer.from([0x99, 0x99, 0xff, 0x00, 1, 2]) : undefined) })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'unknown-compression.xlsx', make: (p) => write(p, xlsx({}, { central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt16LE(99, 10); } })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'encrypted-entry.xlsx', make: (p) => write(p, xlsx({}, { central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt16LE(0x0801, 8); } })), expect: { finding: 'file/unreadable', reason: 'encrypted' } },
  { file: 'garbage-deflate.xlsx', make: (p) => write(p, zip(xlsxParts().map((x) => (x.name.endsWith('sheet1.xml') ? { ...x, data: Buffer.alloc(0) } : x)), { central: () => undefined })), expect: { finding: 'file/unreadable' } },

  // ── zip bombs and resource limits ───────────────────────────────────────────
  { file: 'bomb-honest.xlsx', make: (p) => write(p, xlsx({ extra: [{ name: 'xl/media/image1.png', data: Buffer.alloc(4 * 1024 * 1024) }] })), expect: { finding: 'file/unsafe', reason: 'zip-ratio' } },
  { file: 'bomb-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(`${rowsXml([HEADER, ROW])}${' '.repeat(3 * 1024 * 1024)}`) }] })), expect: { finding: 'file/unsafe', reason: 'zip-ratio' } },
  { file: 'bomb-lying-size.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(`${rowsXml([HEADER, ROW])}${' '.repeat(512 * 1024)}`) }] }, { central: (name, cd) => { if (name.endsWith('sheet1.xml')) cd.writeUInt32LE(1000, 24); } })), expect: { finding: 'file/unsafe', reason: 'zip-lying' } },
  { file: 'duplicate-entry.xlsx', make: (p) => write(p, zip([...xlsxParts(), { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' }])), expect: { finding: 'file/unsafe', reason: 'zip-duplicate' } },
  { file: 'too-many-entries.xlsx', make: (p) => write(p, xlsx({ extra: Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/junk/${i}.bin`, data: 'x', method: 0 as const })) })), expect: { finding: 'file/unsafe', reason: 'zip-entries' } },
  { file: 'entry-too-large.xlsx', make: (p) => write(p, xlsx({}, { central: (name, cd) => { if (name.endsWith('styles.xml') || name.endsWith('workbook.xml')) cd.writeUInt32LE(0xfffffff0, 24); } })), expect: { finding: 'file/unsafe' } },
  // not XML: a raw < in an attribute value is refused, never read around (issue #22, third outside run)
  { file: 'xml-raw-lt-in-attribute.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2).replace('<c r="C2"', '<c r="C2" x="a<b"')}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  // rows without r take their first cell's number; a later row written with that number is a row written twice
  { file: 'xml-row-twice-one-unnumbered.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row>${cellsOfRow(7)}</row><row r="7">${cellsOfRow(7)}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-rows-unnumbered-with-a-gap.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row>${cellsOfRow(2)}</row><row>${cellsOfRow(5)}</row><row>${cellsOfRow(6)}</row>`) }] })), expect: good(3) },
  // not well-formed, anywhere in the package (issue #22, fifth outside run): refused by name, never read around
  ...[['<t>面<膜</t>', 'an inline string'], ['<t>2024<0520002</t>', 'digits']].map(([t, what]) => ({ file: `xml-raw-lt-in-text-${what.replace(/ /g, '-')}.xlsx`, make: (p: string) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2).replace('<t>面膜</t>', t)}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } as Expect })),
  { file: 'xml-raw-lt-in-value.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2).replace(/<v>258<\/v>/, '<v>25<8</v>')}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-row-without-end-tag.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2)}<row r="3">${cellsOfRow(3)}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-unnumbered-row-then-its-number.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row>${cellsOfRow(2).replace(/ r="[A-Z]+2"/g, '')}</row><row r="2">${cellsOfRow(2)}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-raw-lt-in-styles.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2)}</row>`) }], styles: `<styleSheet xmlns="${NS}"><fonts count="1"><font><name val="Cal<ibri"/></font></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs></styleSheet>` })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-raw-lt-in-shared-strings.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow('<row r="2"><c r="A2" t="s"><v>0</v></c></row>') }], strings: `<sst xmlns="${NS}"><si><t>订单<号</t></si></sst>` })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'xml-raw-amp-in-workbook.xlsx', make: (p) => write(p, zip(xlsxParts({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${cellsOfRow(2)}</row>`) }] }).map((x) => (x.name === 'xl/workbook.xml' ? { ...x, data: String(x.data).replace('<sheets>', '<calcPr x="a&b"/><sheets>') } : x)))), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'merge-bomb.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ROW]), { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }) }] })), expect: { finding: 'file/unsafe', reason: 'merged-cells' } },
  { file: 'defined-names-10001.xlsx', make: (p) => write(p, xlsx({ workbookExtra: `<definedNames>${'<definedName name="x">订单!$A$1</definedName>'.repeat(10_001)}</definedNames>` })), expect: { finding: 'file/unsafe', reason: 'defined-names' } },
  { file: 'over-size-limit.xlsx', make: (p) => write(p, xlsx({ extra: [{ name: 'xl/media/big.bin', data: Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24)), method: 0 }] })), expect: { finding: 'file/too-large', reason: 'too-large' } },
  // cells of 70,000 characters, past the 65,535 where V8's segmenter takes minutes on a whole text: CJK, rare CJK, emoji, pinyin runs (the title law reads them as syllables)
  { file: 'long-cells.xlsx', make: (p) => write(p, xlsx({ sheets: [
    { name: '订单', xml: sheetXml(rowsXml([HEADER, ROW.map((v, i) => ([0, 2, 4, 9].includes(i) ? longCell(70_000, i + 1) : v)), ROW])) },
    { name: '商品信息', xml: sheetXml(rowsXml([['商品ID', '平台', '类目', '商品标题', '核心关键词'], ['ID1', '淘宝', '美妆护肤/面膜', longCell(70_000, 11), '面膜'], ['ID2', '淘宝', '美妆护肤/面膜', `补水${'xuetangzuihaoyong'.repeat(4200)}面膜`, '面膜']])) },
  ] })), expect: good(4) },
  { file: 'string-over-limit.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2"><c r="A2" t="inlineStr"><is><t>${'长'.repeat(300_000)}</t></is></c></row>`) }] })), expect: { finding: 'file/too-large', reason: 'part-too-large' } },
  { file: 'shared-string-over-limit.xlsx', make: (p) => write(p, xlsx({ strings: `<sst xmlns="${NS}"><si><t>${'x'.repeat(300_000)}</t></si></sst>` })), expect: { finding: 'file/too-large', reason: 'part-too-large' } },
  { file: 'row-over-limit.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${Array.from({ length: 12_000 }, (_, i) => `<c><v>${String(i).padStart(100, '1')}</v></c>`).join('')}</row>`) }] })), expect: { finding: 'file/too-large', reason: 'part-too-large' } },
  { file: 'styles-over-part-limit.xlsx', make: (p) => write(p, xlsx({ styles: `<styleSheet xmlns="${NS}"><!--${' '.repeat(5 * 1024 * 1024)}--></styleSheet>` })), expect: { finding: 'file/unsafe' } },

  // ── XML that hangs, explodes or misleads a naive reader ─────────────────────
  // entities declared in a DOCTYPE are never expanded (no file read, no blow-up) nor silently left out (a missing 加急
  // auto-approved an order): the part is refused, as Excel refuses it (issue #22)
  { file: 'xxe-entity.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>` }] })), expect: { finding: 'file/unreadable', reason: 'dtd-entities' } },
  { file: 'billion-laughs.xlsx', make: (p) => write(p, xlsx({ strings: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst xmlns="${NS}"><si><t>&lol3;</t></si></sst>` })), expect: { finding: 'file/unreadable', reason: 'dtd-entities' } },
  { file: 'proto-sheet-name.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '__proto__' }], workbookExtra: '<definedNames><definedName name="__proto__">__proto__!$A$1</definedName><definedName name="constructor">__proto__!$B$1</definedName></definedNames>' })), expect: good() },
  { file: 'column-zzzzzz.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow('<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>') }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'unterminated-t-attr-shared.xlsx', make: (p) => write(p, xlsx({ strings: `<sst xmlns="${NS}"><si><t x${'y'.repeat(2500)}` })), expect: { finding: 'file/unreadable' } },
  { file: 'unterminated-t-shared.xlsx', make: (p) => write(p, xlsx({ strings: `<sst xmlns="${NS}"><si><t>abc` })), expect: { finding: 'file/unreadable' } },
  { file: 'unterminated-t-inline.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}<row r="2"><c r="A2" t="inlineStr"><is><t x${'y'.repeat(2500)}` }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'ends-inside-row.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}<row r="2"><c r="A2"><v>1</v></c>` }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'not-xml-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: '\u0000\u0001binary garbage\u00ff' }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'number-format-brackets.xlsx', make: (p) => write(p, xlsx({ styles: `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(3000)}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>` })), expect: good() },
  { file: 'comment-before-root.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(undefined, { before: `<!--${'c'.repeat(70_000)}-->` }) }] })), expect: good() },
  { file: 'utf16-sheet-part.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheetXml().replace('UTF-8', 'UTF-16'), 'utf16le')]) as unknown as string }] })), expect: good() },
  { file: 'utf16-shared-strings.xlsx', make: (p) => write(p, xlsx({ strings: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><sst xmlns="${NS}"><si><t>订单号</t></si></sst>`, 'utf16le')]) as unknown as string })), expect: good() },
  { file: 'prefixed-root-default-rows.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<x:worksheet xmlns:x="${NS}"><sheetData xmlns="${NS}">${rowsXml([HEADER, ROW])}</sheetData></x:worksheet>` }] })), expect: good() },
  { file: 'prefixed-everything.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<x:worksheet xmlns:x="${NS}"><x:sheetData>${rowsXml([HEADER, ROW], 'x:')}</x:sheetData></x:worksheet>` }] })), expect: good() },
  { file: 'entity-control-char.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow(`<row r="2">${ROW.map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${i === 9 ? '&#x1;加急&#xFFFF;' : v}</t></is></c>`).join('')}</row>`) }] })), expect: good() },
  { file: 'shared-index-out-of-range.xlsx', make: (p) => write(p, xlsx({ strings: `<sst xmlns="${NS}"><si><t>a</t></si></sst>`, sheets: [{ name: '订单', xml: withRow('<row r="2"><c r="A2" t="s"><v>99999</v></c><c r="B2" t="s"><v>-1</v></c></row>') }] })), expect: { ok: true } },
  { file: 'row-number-huge.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: withRow('<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>') }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  { file: 'rows-out-of-order.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(`${rowsXml([HEADER])}<row r="3">${cellsOfRow(3)}</row><row r="2">${cellsOfRow(2)}</row>`) }] })), expect: { ok: true } },
  // a cell whose reference names another row than its own is malformed (issue #22), never silently placed
  { file: 'cell-reference-other-row.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(`${rowsXml([HEADER])}<row r="5">${cellsOfRow(1)}</row>`) }] })), expect: { finding: 'file/unreadable', reason: 'corrupt' } },
  // XML a conforming writer may use (issue #22): > in an attribute, spaces around =, CDATA holding </row>, character references
  { file: 'xml-attribute-gt.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单>1', xml: sheetXml(rowsXml([HEADER, ROW]).replace(/<c r="A2"/, '<c note="a>b" r="A2"')) }] })), expect: { ok: true, rows: 1 } },
  { file: 'xml-spaces-around-equals.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ROW]).replace(/ (r|t)="/g, ' $1 = "')) }] })), expect: { ok: true, rows: 1 } },
  { file: 'xml-cdata-row-close.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ROW]).replace('<t>面膜</t>', '<t><![CDATA[面膜</row>]]></t>').replace('<v>258</v>', '<v>&#50;58</v>')) }] })), expect: { ok: true, rows: 1 } },
  { file: 'invalid-utf8-bytes.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: Buffer.concat([Buffer.from(sheetXml().slice(0, -30)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(sheetXml().slice(-30))]) as unknown as string }] })), expect: { ok: true } },

  // ── sheets: missing, hidden, charts, none ────────────────────────────────────
  { file: 'second-sheet-missing.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单' }, { name: '发货', missing: true }] })), expect: { finding: 'sheet/unreadable', sheet: '发货' } },
  { file: 'hidden-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '说明' }, { name: '订单', state: 'hidden' }] })), expect: { ok: true, sheets: 2 } },
  { file: 'very-hidden-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', state: 'veryHidden' }] })), expect: good() },
  { file: 'chart-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '图表', chart: true }, { name: '订单' }] })), expect: { ok: true, sheets: 2 } },
  { file: 'no-sheets.xlsx', make: (p) => write(p, xlsx({ sheets: [] })), expect: { finding: 'file/unreadable', reason: 'no-sheets' } },
  { file: 'no-workbook-part.xlsx', make: (p) => write(p, xlsx({ drop: ['xl/workbook.xml'] })), expect: { finding: 'file/unreadable', reason: 'missing-part' } },
  { file: 'stray-mimetype.xlsx', make: (p) => write(p, zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, ...xlsxParts()])), expect: good() },
  { file: 'empty-sheet.xlsx', make: (p) => write(p, xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData/></worksheet>` }] })), expect: { ok: true, rows: 0 } },

  // ── CSV: every encoding, every line ending, limits ─────────────────────────
  { file: 'csv-utf8.csv', make: (p) => write(p, ORDERS_CSV), expect: good(2) },
  { file: 'csv-utf8-bom.csv', make: (p) => write(p, `\uFEFF${ORDERS_CSV}`), expect: good(2) },
  { file: 'csv-gbk.csv', make: (p) => write(p, iconv.encode(ORDERS_CSV, 'gb18030')), expect: good(2) },
  { file: 'csv-utf16le-bom.csv', make: (p) => write(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORDERS_CSV, 'utf16le')])), expect: good(2) },
  { file: 'csv-utf16be-bom.csv', make: (p) => { const le = Buffer.from(ORDERS_CSV, 'utf16le'); for (let i = 0; i < le.length; i += 2) { const t = le[i]; le[i] = le[i + 1]; le[i + 1] = t; } write(p, Buffer.concat([Buffer.from([0xfe, 0xff]), le])); }, expect: good(2) },
  { file: 'csv-lf.csv', make: (p) => write(p, csvText([HEADER, ROW, ROW], '\n')), expect: good(2) },
  { file: 'csv-cr-only.csv', make: (p) => write(p, csvText([HEADER, ROW, ROW], '\r')), expect: good(2) },
  { file: 'csv-no-final-newline.csv', make: (p) => write(p, ORDERS_CSV.trimEnd()), expect: good(2) },
  // a quote that never closes is said with its line (issue #22), not read as one value holding the rest of the file
  { file: 'csv-unterminated-quote.csv', make: (p) => write(p, `${csvText([HEADER, ROW])}"20240520002,never closed\n${csvText([ROW, ROW])}`), expect: { finding: 'file/unreadable', reason: 'csv-quote' } },
  // GB18030 whose first Chinese byte comes after 64 KB of ASCII rows (issue #22)
  { file: 'csv-gbk-after-64k.csv', make: (p) => write(p, iconv.encode(csvText([['订单号', '金额', '买家备注'].map((h) => h), ...Array.from({ length: 4000 }, (_, i) => [`2024052${String(i).padStart(7, '0')}`, 258, 'ok'])]).replace(/^订单号,金额,买家备注/, 'order_id,amount,note') + csvText([['20249999999', 258, '加急 请尽快发货']]), 'gb18030')), expect: good(4001) },
  // GB18030 whose first Chinese byte is cut by the 64 KB the encoding is decided on: at 65,533 to 65,537 (issue #22, third outside run)
  ...[65_533, 65_534, 65_535, 65_536, 65_537].map((at) => ({
    file: `csv-gbk-at-${at}.csv`,
    make: (p: string) => {
      const head = Buffer.from(`order_id,amount,note\r\n${Array.from({ length: 2700 }, (_, i) => `2024052${String(i).padStart(7, '0')},258,ok\r\n`).join('')}`);
      const pad = at - head.length - '20249999999,258,'.length;
      write(p, Buffer.concat([head, Buffer.from(`20249999999,258,${'a'.repeat(pad)}`), iconv.encode('加急 请尽快发货\r\n', 'gb18030')]));
    },
    expect: good(2701),
  })),
  { file: 'csv-not-text.csv', make: (p) => write(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), expect: { finding: 'file/unreadable', reason: 'encoding' } },
  { file: 'csv-130k-columns.csv', make: (p) => write(p, `${Array.from({ length: 130_000 }, (_, i) => `c${i}`).join(',')}\n1\n`), expect: { finding: 'file/too-large', reason: 'too-many-columns' } },
  { file: 'csv-one-long-line.csv', make: (p) => write(p, `${'x'.repeat(1_500_000)}\n`), expect: { finding: 'file/too-large', reason: 'part-too-large' } },
  { file: 'csv-nul-bytes.csv', make: (p) => write(p, ORDERS_CSV.replace('面膜', '面\u0000膜')), expect: { ok: true } },
  { file: 'csv-formula-cells.csv', make: (p) => write(p, csvText([HEADER, ROW.map((v, i) => (i === 9 ? '=HYPERLINK("http://evil")' : v))])), expect: good() },
  { file: 'csv-ansi-escapes.csv', make: (p) => write(p, csvText([HEADER, ROW.map((v, i) => (i === 9 ? '\u001b[2J\u001b[1;1H整屏清空' : v))])), expect: good() },

  // ── the file system: lock files, links, permissions ─────────────────────────
  { file: '~$open-in-excel.xlsx', make: (p) => write(p, Buffer.from([0x06, 0x41, 0x64, 0x6d, 0x69, 0x6e])), expect: { skipped: true } },
  { file: '.~lock.open-in-libreoffice.xlsx#', make: (p) => write(p, 'lock'), expect: { skipped: true } },
  { file: '.hidden.xlsx', make: (p) => write(p, xlsx()), expect: { skipped: true } },
  { file: 'link-to-good.xlsx', make: (p, dir) => { mkdirSync(join(dir, '..', 'outside'), { recursive: true }); write(join(dir, '..', 'outside', 'target.xlsx'), xlsx()); symlinkSync(join(dir, '..', 'outside', 'target.xlsx'), p); }, expect: good() },
  // a workbook's link whose file is gone (a shortcut into a drive not mounted) is said, never a silent clean pass (outsider helper-73)
  { file: 'link-dangling.xlsx', make: (p, dir) => symlinkSync(join(dir, 'nowhere.xlsx'), p), expect: { finding: 'file/unreadable', reason: 'gone' } },
  { file: 'no-permission.xlsx', make: (p) => { write(p, xlsx()); chmodSync(p, 0); }, expect: { finding: 'file/unreadable', reason: 'permission' } },
  { file: 'locked-folder', make: (p) => { mkdirSync(p); write(join(p, 'inside.xlsx'), xlsx()); chmodSync(p, 0); }, expect: { finding: 'file/unreadable', reason: 'permission' } },
  { file: 'folder-named.xlsx', make: (p) => { mkdirSync(p); writeFileSync(join(p, 'inner.csv'), ORDERS_CSV); }, expect: { skipped: true } },
];
