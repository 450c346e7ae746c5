import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/encode/csv-line.js';
import type { RawRow } from '../../src/cells/raw.js';
import { xmlText } from '../../src/encode/xml-text.js';
import { CsvParser } from '../../src/workbook/read-csv.js';
import { UnreadableFileError } from '../../src/workbook/types.js';
import { SharedStringsParser } from '../../src/workbook/xlsx/parts.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

const RUNS = { numRuns: 1000 };
const LIMITS = { maxStringChars: 1 << 20, maxRowBytes: 1 << 22 };
const ctx = (strings: string[] = []) => ({ strings: StringTable.of(strings), dateStyles: [], date1904: false, ...LIMITS });

/** Text a cell may hold: any Unicode XML can carry (the readers keep it as it is, spaces too). */
const cellText = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/g, ''));
const cellValue = fc.oneof(cellText.filter((s) => s !== '' && s.trim() !== ''), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((n) => (Object.is(n, -0) ? 0 : n)));
const table = fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
/** Where a byte stream is cut into chunks: the readers must not care. */
const cuts = fc.array(fc.nat(), { maxLength: 6 });

function chunks(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) { out.push(bytes.subarray(last, p)); last = p; }
  return out;
}

function sheetXml(rows: Array<Array<string | number>>, prefix: string): string {
  const p = prefix;
  const body = rows.map((row, r) => `<${p}row r="${r + 1}">${row.map((v, c) => (typeof v === 'number'
    ? `<${p}c r="${String.fromCharCode(65 + c)}${r + 1}"><${p}v>${v}</${p}v></${p}c>`
    : `<${p}c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(v)}</${p}t></${p}is></${p}c>`)).join('')}</${p}row>`).join('\n');
  return `<?xml version="1.0"?><${p ? `${p.slice(0, -1)}:worksheet xmlns:${p.slice(0, -1)}` : 'worksheet xmlns'}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${body}</${p}sheetData></${p ? `${p.slice(0, -1)}:worksheet` : 'worksheet'}>`;
}

function scan(parts: Buffer[]): RawRow[] {
  const scanner = new SheetScanner(ctx());
  const out: RawRow[] = [];
  for (const p of parts) scanner.push(p, out);
  return out;
}

describe('the sheet scanner: properties', () => {
  it('reads back every row written, with any prefix, however the stream is cut', () => {
    fc.assert(fc.property(table, fc.constantFrom('', 'x:', 'ns0:'), cuts, (rows, prefix, at) => {
      const bytes = Buffer.from(sheetXml(rows, prefix), 'utf8');
      const got = scan(chunks(bytes, at));
      expect(got.map((r) => r.cells.slice(1).map((c) => c?.value))).toEqual(rows);
    }), RUNS);
  });

  it('on any bytes it either reads rows or says the file is unreadable: never another error, never a hang', () => {
    const noise = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
      fc.array(fc.constantFrom('<row r="1">', '<c r="A1"', ' t="s"', '><v>', '1', '</v>', '</c>', '</row>', '<is><t', '>', '<', '&#x1;', '<sheetData>', '<worksheet>', 'ZZZZZZ9', '"', ' r="9999999999"'), { maxLength: 60 }).map((a) => Buffer.from(a.join(''))),
    );
    fc.assert(fc.property(noise, cuts, (bytes, at) => {
      try {
        scan(chunks(bytes, at));
      } catch (err) {
        expect(err).toBeInstanceOf(UnreadableFileError);
      }
    }), RUNS);
  });

  /** Text of order numbers, phones and SKUs (every byte ASCII, `&`, `<` and `>` among them), up to past 32 characters */
  const asciiText = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789SKU- &<>"\'#ab'.split('')), maxLength: 45 }),
    fc.string({ unit: fc.constantFrom(...'0123456789-'.split('')), minLength: 20, maxLength: 45 }),
  );
  /** The forms writers give an item: `<si><t>…</t></si>` as most write it, with xml:space, in rich-text runs, with a phonetic run */
  const itemOf = (s: string, p: string, form: number): string => {
    const t = xmlText(s);
    if (form === 0) return `<${p}si><${p}t>${t}</${p}t></${p}si>`;
    if (form === 1) return `<${p}si><${p}t xml:space="preserve">${t}</${p}t></${p}si>`;
    const half = xmlText(s.slice(0, 3));
    const rest = xmlText(s.slice(3));
    if (form === 2) return `<${p}si><${p}r><${p}t>${half}</${p}t></${p}r><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${rest}</${p}t></${p}r></${p}si>`;
    return `<${p}si><${p}t>${t}</${p}t><${p}rPh sb="0" eb="1"><${p}t>ピン</${p}t></${p}rPh></${p}si>`;
  };

  it('the shared-string table reads back every string in every form writers give it, ASCII or not, however it is cut', () => {
    const item = fc.tuple(fc.oneof(cellText, asciiText), fc.nat(3));
    fc.assert(fc.property(fc.array(item, { maxLength: 10 }), fc.constantFrom('', 'x:'), cuts, (items, p, at) => {
      // a lone surrogate cut in half by the run split is not text a writer gives
      const strings = items.map(([s, form]) => (form === 2 ? s.replace(/[\ud800-\udfff]/g, '') : s));
      const xml = `<${p}sst xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s, i) => itemOf(s, p, items[i][1])).join('')}</${p}sst>`;
      const parser = new SharedStringsParser(LIMITS);
      for (const c of chunks(Buffer.from(xml, 'utf8'), at)) parser.push(c);
      parser.end();
      expect(parser.strings.toArray()).toEqual(strings);
    }), RUNS);
  });

  it('the shared-string table reads back every string, however it is cut', () => {
    fc.assert(fc.property(fc.array(cellText, { maxLength: 10 }), fc.constantFrom('', 'x:'), cuts, (strings, p, at) => {
      const xml = `<${p}sst xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<${p}si><${p}t xml:space="preserve">${xmlText(s)}</${p}t></${p}si>`).join('')}</${p}sst>`;
      const parser = new SharedStringsParser(LIMITS);
      for (const c of chunks(Buffer.from(xml, 'utf8'), at)) parser.push(c);
      parser.end();
      expect(parser.strings.toArray()).toEqual(strings);
    }), RUNS);
  });
});

describe('CSV: properties', () => {
  const csvValue = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\u0000\r]/g, ''));
  const csvTable = fc.array(fc.array(csvValue, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((rows) => {
    const width = rows[0].length;
    return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  });

  function parse(text: string, at: number[]): RawRow[] {
    const parser = new CsvParser(LIMITS);
    const out: RawRow[] = [];
    const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
    let last = 0;
    for (const p of [...points, text.length]) { parser.push(text.slice(last, p), out); last = p; }
    parser.end(out);
    return out;
  }

  it('what csvLine writes, the reader reads back (quotes, commas, line breaks), however the text is cut', () => {
    fc.assert(fc.property(csvTable, cuts, (rows, at) => {
      // a first line of plain headers fixes the delimiter, as a real export's header does
      const header = rows[0].map((_, i) => `h${i}`);
      const text = [header, ...rows].map((r) => csvLine(r)).join('');
      const got = parse(text, at);
      const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v) ? `'${v}` : v)));
      const cells = got.slice(1).map((row) => Array.from({ length: header.length }, (_, i) => (row.cells[i + 1]?.value as string | undefined) ?? ''));
      // blank rows are not rows
      const nonBlank = expected.filter((r) => r.some((v) => v.trim() !== ''));
      expect(cells.map((r) => r.map((v) => v.trim()))).toEqual(nonBlank.map((r) => r.map((v) => (v.trim() === '' ? '' : v.trim()))));
    }), RUNS);
  });

  it('on any text it reads rows or says the file is unreadable, never another error', () => {
    const noise = fc.string({ unit: fc.constantFrom(...'a,"\r\n\t;1 =中'.split('')), maxLength: 300 });
    fc.assert(fc.property(noise, cuts, (text, at) => {
      try { parse(text, at); } catch (err) { expect(err).toBeInstanceOf(UnreadableFileError); }
    }), RUNS);
  });
});
