import { tooLong } from './types.js';
import { localized } from '../i18n/catalog.js';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { MAX_COLUMN } from '../cells/address.js';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { sniff } from './sniff.js';
import { rowsOf, UnreadableFileError, type SheetSource, type WorkbookSource } from './types.js';
import { type RawRow } from '../cells/raw.js';

/** Encodings a CSV may come in: Chinese Excel saves "CSV" in GB18030 (GBK), others UTF-8. */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decides the encoding from the first 64 KB: a BOM wins; text that is valid UTF-8 is UTF-8;
 * otherwise GB18030 if it decodes it whole. Bytes that neither has (a byte damaged on the way, two
 * exports joined): the encoding that reads nearly all of its characters above ASCII (MOSTLY), and
 * the reading names the row the bad bytes are in (`encoding-at`); the file is refused when neither
 * does (bytes that are no text).
 */
export function detectEncoding(head: Buffer): { encoding: CsvEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // not UTF-8: try GB18030 below
  }
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'gb18030', bom: 0 };
  } catch {
    // bytes neither has: below
  }
  for (const encoding of ['utf-8', 'gb18030'] as const) if (readsMostly(head, encoding)) return { encoding, bom: 0 };
  throw new UnreadableFileError('encoding');
}

/** Characters a bad one may stand among: one replacement character in MOSTLY characters above ASCII at most. */
const MOSTLY = 16;

/**
 * Whether `encoding` reads `head`'s characters above ASCII but a few (GBK read as UTF-8 is mostly
 * replacement characters, and UTF-8 read as GBK has some), and as text: control characters but tab and
 * line ends count as bad too (bytes that are no text read as GB18030 mostly, and with many of them).
 */
function readsMostly(head: Buffer, encoding: CsvEncoding): boolean {
  const text = new TextDecoder(encoding).decode(head, { stream: true });
  let bad = 0;
  let above = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) bad++;
    else if (c > 0x7f) above++;
  }
  return above > 0 && bad * MOSTLY <= above;
}

/**
 * Text given as bytes (titles piped on stdin): in the encoding asked for, else as detectEncoding
 * decides (a BOM, valid UTF-8, else GB18030 as a Chinese Windows pipes it); undefined when it is
 * none of them.
 */
export function decodeText(bytes: Buffer, forced?: CsvEncoding): string | undefined {
  let encoding = forced;
  let bom = 0;
  if (!encoding) {
    try { ({ encoding, bom } = detectEncoding(bytes)); } catch { return undefined; }
  } else if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 3;
  else if (encoding.startsWith('utf-16') && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) bom = 2;
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

function delimiterOf(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Where the first byte above ASCII is, or the length when there is none. */
function firstAbove(b: Buffer): number {
  let i = 0;
  while (i < b.length && b[i] <= 0x7f) i++;
  return i;
}

/** 64 KB of the file from its first byte above ASCII (at or after `from`), or undefined when it has none. */
async function firstNonAscii(path: string, from: number): Promise<Buffer | undefined> {
  let found: Buffer | undefined;
  for await (const chunk of createReadStream(path, { start: from, highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    if (found) { found = Buffer.concat([found, b.subarray(0, 65536 - found.length)]); }
    else {
      let i = 0;
      while (i < b.length && b[i] <= 0x7f) i++;
      if (i < b.length) found = Buffer.from(b.subarray(i, i + 65536));
    }
    if (found && found.length >= 65536) break;
  }
  return found;
}

/** Reads a CSV as one sheet named after the file; rows stream as the file is read. */
export async function openCsv(path: string, forced?: CsvEncoding, limits: RowLimits = DEFAULT_LIMITS): Promise<WorkbookSource & { encoding: CsvEncoding }> {
  const { kind, head, size } = await sniff(path);
  if (kind === 'zip' || kind === 'ole') throw new UnreadableFileError('not-csv');
  if (kind === 'empty') throw new UnreadableFileError('empty');
  let detected = detectEncoding(head);
  // an export whose first 64 KB are ASCII (numbers, dates, pinyin) says nothing of its encoding, nor
  // one whose first character above ASCII is cut at their end: decide on 64 KB from that character
  const above = firstAbove(head);
  if (!forced && detected.encoding === 'utf-8' && !detected.bom && size > head.length && head.length - above < 64) {
    const later = await firstNonAscii(path, above);
    if (later) detected = { encoding: detectEncoding(later).encoding, bom: 0 };
  }
  const encoding = forced ?? detected.encoding;
  const bom = forced && forced !== detected.encoding ? 0 : detected.bom;
  return {
    path,
    format: 'csv',
    date1904: false,
    encoding,
    sheets: () => csvSheet(path, size, encoding, bom, limits),
  };
}

/** A CSV's one sheet, named as the file. A generator of the module's, not one made for each file (see read-xlsx.ts, sheetsOf). */
async function* csvSheet(path: string, size: number, encoding: CsvEncoding, bom: number, limits: RowLimits): AsyncGenerator<SheetSource> {
  const count = { bytes: 0 };
  const batches = () => csvBatches(path, encoding, bom, count, limits);
  yield { name: basename(path, extname(path)), batches, rows: () => rowsOf(batches()), progress: () => Math.min(1, count.bytes / Math.max(1, size)) };
}

/**
 * RFC 4180, as Excel, WPS and ERPs write it: quoted fields may hold delimiters, doubled quotes
 * and line breaks; lines end in CRLF, LF or CR alone (Excel for Mac). Fields are built from
 * slices of the text (never a character at a time), and bounded: a field over `maxStringChars`,
 * a line over `maxRowBytes` or more than 16,384 fields is refused, not held.
 */
export class CsvParser {
  private delimiter: number | undefined;
  /** pieces of the field being read (slices of earlier chunks) */
  private parts: string[] = [];
  private partChars = 0;
  private fields: string[] = [];
  private lineChars = 0;
  private quoted = false;
  /** in a quoted field, a quote was the last character: a doubled quote or the end of the quotes */
  private quoteSeen = false;
  private afterQuote = false;
  /** a CR ended the last chunk: an LF that starts the next one belongs to it */
  private crSeen = false;
  private row = 0;

  /** The row being read (1-based: the header is row 1). */
  get reading(): number {
    return this.row + 1;
  }
  /** the physical line being read (a quoted field may span several), and where the open quote began */
  private line = 1;
  private quoteLine = 0;
  /** the record being read has a quoted cell that ran past its line: where that quote began (0: none) */
  private spannedFrom = 0;
  /** the most fields a record of one line each has had so far (the header's, once it is read) */
  private width = 0;

  constructor(private readonly limits: RowLimits) {}

  push(text: string, out: RawRow[]): void {
    if (this.delimiter === undefined) this.delimiter = delimiterOf(text.slice(0, 65536).split(/\r\n|\r|\n/, 1)[0]).charCodeAt(0);
    const d = this.delimiter;
    let start = 0; // where the unread part of the current field starts in `text`
    let i = 0;
    if (this.crSeen) { this.crSeen = false; if (text.charCodeAt(0) === 10) { i = 1; start = 1; } }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === 34) { start = i; continue; } // "" is one quote: keep the second
          // a quoted cell that ran on past its line and closes before more text: a stray quote (a " typed in a
          // note, at a line's end) joined the next line's record to this one, and an order would vanish unsaid
          // (outsider helper-91). A cell that truly holds a line break closes before a delimiter or a line's end.
          if (this.line > this.quoteLine && c !== d && c !== 10 && c !== 13 && c !== 32 && c !== 9) {
            throw new UnreadableFileError('csv-quote-joined', { line: this.quoteLine, to: this.line });
          }
          if (this.line > this.quoteLine && this.spannedFrom === 0) this.spannedFrom = this.quoteLine;
          this.quoted = false;
          this.afterQuote = true;
          // the character after the closing quote is read as outside quotes
        } else {
          if (c === 34) { this.take(text, start, i); this.quoteSeen = true; start = i + 1; }
          else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.line++;
          continue;
        }
      }
      if (c === 34 && !this.afterQuote && this.partChars === 0 && start === i) { this.quoted = true; this.quoteLine = this.line; start = i + 1; continue; }
      if (c === d) { this.take(text, start, i); this.endField(); start = i + 1; continue; }
      if (c === 10 || c === 13) {
        this.take(text, start, i);
        this.endRow(out);
        this.line++; // CRLF is one line break: its LF is skipped below
        if (c === 13) {
          if (i + 1 < text.length) { if (text.charCodeAt(i + 1) === 10) i++; }
          else this.crSeen = true;
        }
        start = i + 1;
        continue;
      }
    }
    this.take(text, start, text.length);
  }

  /** The end of the text: the last line, when it has no line break. */
  end(out: RawRow[]): void {
    if (this.quoteSeen) { this.quoteSeen = false; this.quoted = false; }
    // a quote that never closed would make the rest of the file one value: said, with its line
    if (this.quoted) throw new UnreadableFileError('csv-quote', { line: this.quoteLine });
    if (this.partChars || this.fields.length) this.endRow(out);
  }

  /** Adds text[from, to) to the field being read. */
  private take(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.partChars += to - from;
    this.lineChars += to - from;
    if (this.partChars > this.limits.maxStringChars) throw tooLong(localized('piece.csv-field', { row: this.row + 1 }), this.limits.maxStringChars, 'maxStringChars');
    if (this.lineChars > this.limits.maxRowBytes) throw tooLong(localized('piece.csv-line', { row: this.row + 1 }), this.limits.maxRowBytes, 'maxRowBytes');
    this.parts.push(text.slice(from, to));
  }

  private endField(): void {
    this.fields.push(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    this.partChars = 0;
    this.afterQuote = false;
    if (this.fields.length > MAX_COLUMN) throw new UnreadableFileError('too-many-columns', { row: this.row + 1, limit: MAX_COLUMN }, 'file/too-large');
  }

  private endRow(out: RawRow[]): void {
    this.endField();
    // a cell that ran past its line and left the record with more fields than the header: a stray quote took the
    // records after it into one cell, each with its delimiters (outsider helper-93: four orders gone unsaid)
    if (this.spannedFrom) {
      if (this.width > 1 && this.fields.length > this.width) throw new UnreadableFileError('csv-quote-joined', { line: this.spannedFrom, to: this.line });
    } else if (this.fields.length > this.width) this.width = this.fields.length;
    this.spannedFrom = 0;
    this.row += 1;
    const cells: RawRow['cells'] = [];
    this.fields.forEach((f, i) => {
      if (f !== '' && f.trim() !== '') cells[i + 1] = { value: f };
    });
    if (cells.length) out.push({ row: this.row, cells });
    this.fields = [];
    this.lineChars = 0;
  }
}

async function* csvBatches(path: string, encoding: CsvEncoding, bom: number, count: { bytes: number }, limits: RowLimits): AsyncIterable<RawRow[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const parser = new CsvParser(limits);
  const out: RawRow[] = [];
  /** the last row handed on */
  let last = 0;
  try {
    // 64 KB at a time: a piece's rows die young (read 1 MB at a time, a batch of ~8,000 rows lived through
    // collections while it was handed on, and every row of a large export went to V8's old generation:
    // an annotated copy of one levelled off at ~400 MB, now ~240 MB at 150,000 rows; issue #25, helper-47)
    for await (const chunk of createReadStream(path, { start: bom, highWaterMark: 1 << 16 })) {
      count.bytes += (chunk as Buffer).length;
      parser.push(decoder.decode(chunk as Buffer, { stream: true }), out);
      if (out.length) { last = out[out.length - 1].row; yield out.splice(0); }
    }
    const rest = decoder.decode();
    if (rest) parser.push(rest, out);
    parser.end(out);
  } catch (err) {
    if (!(err instanceof TypeError)) {
      // the rows the parser ended before it stopped (a stray quote, a line over its limit) are checked first
      if (out.length && err instanceof UnreadableFileError) yield out.splice(0);
      throw err;
    }
    // bytes the encoding has not, part-way: the rows before them are checked (those of the piece they are in
    // too), and the row they are in is said, as a person finds it in Excel
    const bad = await beforeBadBytes(path, encoding, bom, limits, last);
    if (bad?.rows.length) yield bad.rows;
    throw bad ? new UnreadableFileError('encoding-at', { row: bad.row, encoding: ENCODING_NAMES[encoding] }) : new UnreadableFileError('encoding');
  }
  if (out.length) yield out.splice(0);
}

/** What a CSV's cells and lines may hold at most (config's limits). */
type RowLimits = { maxStringChars: number; maxRowBytes: number };

const ENCODING_NAMES: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/**
 * Where the first bytes `encoding` cannot read are: the file read again (only once it has failed) with a
 * decoder that goes on past them, its text parsed as the rows were up to the first replacement character.
 * Its row, and the rows after `after` that end before it (those of the piece it is in, not handed on yet).
 */
async function beforeBadBytes(path: string, encoding: CsvEncoding, bom: number, limits: RowLimits, after: number): Promise<{ row: number; rows: RawRow[] } | undefined> {
  const decoder = new TextDecoder(encoding);
  const parser = new CsvParser(limits);
  const rows: RawRow[] = [];
  const kept: RawRow[] = [];
  const keep = () => { for (const r of rows) if (r.row > after) kept.push(r); rows.length = 0; };
  try {
    for await (const chunk of createReadStream(path, { start: bom, highWaterMark: 1 << 16 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      const bad = text.indexOf('\uFFFD');
      parser.push(bad < 0 ? text : text.slice(0, bad), rows);
      keep();
      if (bad >= 0) return { row: parser.reading, rows: kept };
    }
    return decoder.decode().includes('\uFFFD') ? { row: parser.reading, rows: kept } : undefined;
  } catch {
    return undefined;
  }
}
