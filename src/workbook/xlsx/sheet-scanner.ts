import { fromExcelSerial, isDateSerial, isoWallClock } from '../../cells/date.js';
import { localized } from '../../i18n/catalog.js';
import type { RawCell, RawRow } from '../../cells/raw.js';
import { MAX_COLUMN, MAX_ROW } from '../../cells/address.js';
import { tooLong, UnreadableFileError } from '../types.js';
import { shiftFormula } from './formula-shift.js';
import { areaOf, MERGE_CELL } from './merge-ranges.js';
import { decodeXml, findClose, joinFlat, isNameByte, MarkupNormalizer, notWellFormed, tagEnd, tailOf, stringItemText, unescapedText } from './xml.js';
import type { Localized } from '../../i18n/format.js';
import type { SharedText } from './string-table.js';

/** A byte under 0x20 that is not tab, line feed or carriage return. */
const isC0 = (c: number): boolean => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;

/**
 * Whether `b` holds a C0 control character XML allows nowhere as it is. In UTF-8 no byte under 0x20 is
 * part of another character, so the bytes tell. Four bytes at a time: a word with a byte under 0x20 has
 * the high bit of that byte's lane set in (x - 0x20202020) & ~x (never missed; a tab or line end there is
 * looked at byte by byte). ~55 ms a 164 MB sheet, where a regular expression over its text took ~85 and
 * made a copy.
 */
export function hasC0(b: Uint8Array): boolean {
  const off = b.byteOffset;
  const head = Math.min(b.length, (4 - (off & 3)) & 3);
  for (let i = 0; i < head; i++) if (isC0(b[i])) return true;
  const n = (b.length - head) >>> 2;
  if (n) {
    const w = new Uint32Array(b.buffer, off + head, n);
    for (let k = 0; k < n; k++) {
      const x = w[k];
      if (((x - 0x20202020) & ~x & 0x80808080) !== 0) {
        const at = head + k * 4;
        if (isC0(b[at]) || isC0(b[at + 1]) || isC0(b[at + 2]) || isC0(b[at + 3])) return true;
      }
    }
  }
  for (let i = head + n * 4; i < b.length; i++) if (isC0(b[i])) return true;
  return false;
}

export interface ScanContext {
  /**
   * the shared strings; without them (a sheet scanned in a thread of its own) a shared-string
   * cell holds its index alone, `{ value: null, sst }`, and the thread that holds the table reads it
   */
  strings?: SharedText;
  /** the longest string a cell may hold, and the most bytes one row may take (limits) */
  maxStringChars: number;
  maxRowBytes: number;
  /** per style index: the number format shows a date */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;
const SPACE = 32;

/** A byte that ends an element name: space, tab, CR, LF, `>` or `/`. */
function endsName(b: number): boolean {
  return b === SPACE || b === GT || b === SLASH || b === 10 || b === 13 || b === 9;
}

const ROW = Buffer.from('row>', 'latin1');
const SHEET_DATA = Buffer.from('sheetData>', 'latin1');
/** The worksheet's end tag, with any prefix. */
const WORKSHEET_END = /<\/(?:[\w.-]+:)?worksheet\s*>/;

/** Whether the bytes hold the start of a row (`<row` or `<p:row` followed by a space, `>` or `/`). */
function hasRowStart(b: Buffer): boolean {
  for (let i = b.indexOf('row'); i >= 0; i = b.indexOf('row', i + 1)) {
    const next = b[i + 3];
    if (next !== undefined && !endsName(next)) continue;
    let k = i - 1;
    if (b[k] === COLON) { k -= 1; while (k >= 0 && isNameByte(b[k])) k--; }
    if (b[k] === LT) return true;
  }
  return false;
}

/** SpreadsheetML's namespace, transitional and strict. */
const MAIN_NAMESPACES = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main']);

/** The namespace declarations of a start tag: prefix (empty for the default) → namespace. */
function declarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1] ?? '', decodeXml(m[3]));
  return out;
}

/**
 * Where a skipped element ends: after its end tag `</name>` (the name is [from, nameTo)), or at
 * `to` when it does not end before it.
 */
function closeOf(b: Buffer, from: number, nameTo: number, after: number, to: number): number {
  const close = Buffer.concat([Buffer.from('</', 'latin1'), b.subarray(from, nameTo)]);
  for (let k = b.indexOf(close, after); k >= 0 && k < to; k = b.indexOf(close, k + 1)) {
    const next = b[k + close.length];
    if (next === GT || next === SPACE || next === 9 || next === 10 || next === 13) {
      const gt = b.indexOf(GT, k);
      return gt < 0 || gt >= to ? to : gt + 1;
    }
  }
  return to;
}

/** Where the last name `localName` read ends (one past its last byte): read right after the call, no object per name. */
let nameEnd = 0;

/**
 * Reads an element name from `from` (before `end`): returns where its local part starts (after an
 * optional `prefix:`) and leaves where the name ends in `nameEnd`.
 */
function localName(b: Buffer, from: number, end: number): number {
  let start = from;
  let j = from;
  // (a < ends it too: `<b<c r="I150">` is no element named b<c, it is a raw < — the caller refuses it, helper-95)
  while (j < end && !endsName(b[j]) && b[j] !== LT) { if (b[j] === COLON) start = j + 1; j++; }
  nameEnd = j;
  return start;
}

/** The non-negative integer the digits at [from, to) spell, when every byte there is a digit; else -1. */
function wholeNumber(b: Buffer, from: number, to: number): number {
  if (from >= to) return -1;
  let v = 0;
  for (let k = from; k < to; k++) { const d = b[k] - 48; if (d < 0 || d > 9) return -1; v = v * 10 + d; }
  return v;
}

/** The integer the digits starting at `from` spell (stopping at the first other byte, before `to`); -1 when there are none. */
function leadingNumber(b: Buffer, from: number, to: number): number {
  let v = 0;
  let k = from;
  for (; k < to; k++) { const d = b[k] - 48; if (d < 0 || d > 9) break; v = v * 10 + d; }
  return k > from ? v : -1;
}

/** The next `<` at or after `from`, or `to` when there is none before it (a value never runs past its cell). */
function nextLt(b: Buffer, from: number, to: number): number {
  const i = b.indexOf(LT, from);
  return i < 0 || i > to ? to : i;
}

function tooLongString(limit: number): UnreadableFileError {
  return tooLong(localized('piece.cell-string'), limit, 'maxStringChars');
}

/** A cell with a formula and no saved value (or nothing at all without one). */
function formulaOnly(formula: string | undefined): RawCell | undefined {
  return formula !== undefined ? { value: null, formula } : undefined;
}

/**
 * Scans a worksheet's XML as it streams in, row by row, on the inflated bytes: the markup is
 * ASCII, so only values that are text (inline strings, formula strings, formulas, errors) are
 * decoded from UTF-8; shared-string indexes and numbers are read from the bytes directly.
 * Handles shared and inline strings, rich text, booleans, errors, `t="d"` dates,
 * date-formatted numbers, formulas with or without a cached result, cells and rows without
 * `r`, and any namespace prefix. After `</sheetData>` it sums the merged ranges, which the
 * reader checks against its cell budget.
 */
/** A shared formula's other cell: its master's formula and how far it is moved, and the text once made. */
interface Shift { master: { formula: string }; rows: number; columns: number; text: string | undefined }
const SHIFT = Symbol('shift');
type ShiftedCell = RawCell & { [SHIFT]: Shift };

/**
 * The `formula` of a shared formula's other cell, made when first read. The same two functions for
 * every such cell, not closures made for each: an accessor made for each object is held, with what
 * it holds, by V8's young-generation collections until a full one (see read-xlsx.ts, sheetsOf).
 */
const LAZY_FORMULA: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: ShiftedCell) {
    const s = this[SHIFT];
    return (s.text ??= shiftFormula(s.master.formula, s.rows, s.columns));
  },
  set(this: ShiftedCell, v: string) {
    this[SHIFT].text = v;
  },
};

export class SheetScanner {
  /** bytes not yet scanned: pieces of chunks, joined only when a row closes in them (linear in the input) */
  private pieces: Buffer[] = [];
  private pieceBytes = 0;
  private started = false;
  private lastRow = 0;
  private done = false;
  /** a row has ended (`</row>` met) */
  private rowsSeen = false;
  /** `</worksheet>` met */
  private closed = false;
  private tail = '';
  /** cells covered by merged ranges, summed */
  mergedCells = 0;
  /** merged ranges seen after the rows (two cells or more) */
  merges = 0;
  /** the shared formulas by their index (`<f t="shared" si="0">…</f>`): the text and where it is written */
  private readonly sharedFormulas = new Map<string, { formula: string; row: number; column: number }>();
  /** the cell being read, for a shared formula's other cells */
  private at = { row: 0, column: 0 };
  /** the shared formula the cell being read takes (moved to it when its formula is read) */
  private pendingShift: { master: { formula: string }; rows: number; columns: number } | undefined;

  constructor(private readonly ctx: ScanContext) {}

  private readonly markup = new MarkupNormalizer();
  /** prefixes the worksheet element binds to another namespace than SpreadsheetML's: their `c` and `row` are not cells */
  private readonly foreign = new Set<string>();
  /**
   * the row numbers seen, one bit each, grown as rows come (at most 128 KB, for Excel's 1,048,576
   * rows): made whole for every sheet, it was 384 KB allocated and zeroed for a small workbook of three
   */
  private seenRows = new Uint8Array(256);

  push(chunk: Buffer | string, out: RawRow[]): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    // a raw C0 control character (XML's Char, §2.2: only tab, line feed and carriage return): the parser
    // refuses it in every other part, and a copy would carry it on (helper-45)
    try {
      if (hasC0(bytes)) {
        throw new UnreadableFileError('corrupt', { detail: localized('corrupt.control-character') });
      }
      this.scan(this.markup.push(bytes), out);
    } catch (err) {
      throw this.located(err);
    }
  }

  /** Damage said with where it is when its words do not say it: near the row being read, or after the rows (outsider helper-94). */
  private located(err: unknown): unknown {
    if (!(err instanceof UnreadableFileError) || err.reason !== 'corrupt' || err.data.row !== undefined) return err;
    const detail = err.data.detail as Localized;
    if (this.done) return new UnreadableFileError('corrupt', { ...err.data, detail: localized('corrupt.after-rows', { detail }) });
    if (this.lastRow > 0) return new UnreadableFileError('corrupt', { ...err.data, detail: localized('corrupt.near-row', { row: this.lastRow, detail }), row: this.lastRow });
    return err;
  }

  private scan(bytes: Buffer, out: RawRow[]): void {
    if (this.done) { this.scanMerges(bytes.toString('latin1', 0, bytes.length)); return; }
    if (!this.started) {
      // the document element, however far it is (a long comment or declaration may come first)
      const buf = this.join(bytes);
      const text = buf.toString('latin1');
      const m = /<(?:[\w.-]+:)?worksheet[\s>/]/.exec(text);
      if (!m) { this.keep(buf, localized('piece.sheet-start')); return; }
      const rootEnd = tagEnd(text, m.index);
      if (rootEnd < 0) { this.keep(buf, localized('piece.sheet-start')); return; }
      for (const [prefix, uri] of declarations(text.slice(m.index, rootEnd))) if (prefix && !MAIN_NAMESPACES.has(uri)) this.foreign.add(prefix);
      this.started = true;
      this.pieces = [];
      this.pieceBytes = 0;
      this.scan(buf.subarray(m.index + m[0].length), out);
      return;
    }
    // a closing tag may start in the bytes kept before this chunk: look a little back into them
    const before = tailOf(this.pieces, 64);
    const window = before.length ? Buffer.concat([before, bytes]) : bytes;
    const endData = findClose(window, SHEET_DATA, 'first');
    const lastRowClose = endData < 0 ? findClose(window, ROW, 'last') : -1;
    if (endData < 0 && lastRowClose < 0) { this.keep(bytes, localized('piece.one-row')); return; }
    const buf = this.join(bytes);
    const offset = buf.length - window.length;
    if (endData >= 0) {
      const at = offset + endData;
      this.scanRows(buf, at, out);
      this.done = true;
      this.pieces = [];
      this.pieceBytes = 0;
      this.scanMerges(buf.toString('latin1', at, buf.length));
      return;
    }
    const end = offset + lastRowClose;
    this.rowsSeen = true;
    this.scanRows(buf, end, out);
    // a copy: the rest is small, and the chunk itself can then be freed
    this.pieces = end < buf.length ? [Buffer.from(buf.subarray(end))] : [];
    this.pieceBytes = buf.length - end;
  }

  /** The pieces kept so far and `bytes`, as one buffer. */
  private join(bytes: Buffer): Buffer {
    if (!this.pieces.length) return bytes;
    return Buffer.concat([...this.pieces, bytes], this.pieceBytes + bytes.length);
  }

  /** Keeps bytes for later, within the limit of one row (a row of twelve million cells is refused, not held). */
  private keep(bytes: Buffer, what: Localized): void {
    // before the worksheet element `bytes` is everything so far (joined); after it, the new chunk
    if (!this.started) { this.pieces = [bytes]; this.pieceBytes = bytes.length; }
    else { this.pieces.push(bytes); this.pieceBytes += bytes.length; }
    if (this.pieceBytes > this.ctx.maxRowBytes) {
      throw tooLong(what, this.ctx.maxRowBytes, 'maxRowBytes');
    }
  }

  /** The number of the last row begun (0 before the first). */
  get lastRowBegun(): number {
    return this.lastRow;
  }

  /** Whether the rows have ended (`</sheetData>` was met): what comes after is no row. */
  get rowsEnded(): boolean {
    return this.done;
  }

  /**
   * How the stream ended: `whole` at `</worksheet>`; else cut short (a download that did not finish, a
   * writer that crashed: outsider helper-94, half an export read as whole) inside a row, among the rows
   * (after a `</row>`, before `</sheetData>`), after the rows, or before the worksheet element.
   */
  get ending(): 'whole' | 'in-row' | 'in-rows' | 'after-rows' | 'no-worksheet' {
    if (this.done) return this.closed ? 'whole' : 'after-rows';
    if (!this.started) return 'no-worksheet';
    const rest = this.join(Buffer.alloc(0));
    if (hasRowStart(rest)) return 'in-row';
    if (this.rowsSeen) return 'in-rows';
    // no row at all (`<sheetData/>`, or none): its end is in what was kept
    return WORKSHEET_END.test(rest.toString('latin1')) ? 'whole' : 'in-rows';
  }

  private scanMerges(text: string): void {
    const s = joinFlat(this.tail, text);
    if (!this.closed && WORKSHEET_END.test(s)) this.closed = true;
    // the markup after the rows (merged cells, margins, drawings) is held to the rows' rules: no raw < in a tag or between them
    for (let i = s.indexOf('<'); i >= 0 && i + 1 < s.length; ) {
      if (s.charCodeAt(i + 1) !== SLASH && !isNameStartByte(s.charCodeAt(i + 1))) throw notWellFormed();
      const end = tagEnd(s, i);
      if (end < 0) break; // unfinished: kept for the next chunk
      i = s.indexOf('<', end + 1);
    }
    const re = new RegExp(MERGE_CELL.source, 'g');
    let pos = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const area = areaOf(m[1]);
      this.mergedCells += area;
      if (area !== 1) this.merges += 1;
      pos = re.lastIndex;
    }
    // keep an unfinished tag for the next chunk
    const open = s.lastIndexOf('<');
    this.tail = open >= pos && s.indexOf('>', open) < 0 ? s.slice(open, open + 4096) : '';
  }

  /** Rows between the start of `b` and `end`, which is just after a `</row>` (or at `</sheetData>`). */
  private scanRows(b: Buffer, end: number, out: RawRow[]): void {
    let i = 0;
    let cells: Array<RawCell | undefined> | undefined;
    let rowNumber = 0;
    let rowHasNumber = false;
    let rowStart = 0;
    let col = 0;
    while (i < end) {
      // next '<'
      while (i < end && b[i] !== LT) i++;
      if (i >= end) break;
      let j = i + 1;
      const closing = b[j] === SLASH;
      if (closing) j++;
      // a < that starts no name is not markup (XML 1.0 §2.4: a raw < in text)
      if (!isNameStartByte(b[j])) throw notWellFormed();
      // element name, local part after an optional prefix
      const nameStart = localName(b, j, end);
      j = nameEnd;
      if (j < end && b[j] === LT) throw notWellFormed();
      const len = j - nameStart;
      const c0 = b[nameStart];
      if (closing) {
        if (len === 3 && c0 === 114 && b[nameStart + 1] === 111 && b[nameStart + 2] === 119 && cells) { // </row>
          if (i - rowStart > this.ctx.maxRowBytes) throw tooLong(localized('piece.row', { row: rowNumber }), this.ctx.maxRowBytes, 'maxRowBytes');
          // a row that had no number of its own, nor from a cell, took the next one: it is taken now
          if (!rowHasNumber) this.seeRow(rowNumber);
          if (cells.length) out.push({ row: rowNumber, cells });
          cells = undefined;
        }
        i = j;
        continue;
      }
      const isRow = len === 3 && c0 === 114 && b[nameStart + 1] === 111 && b[nameStart + 2] === 119;
      const isCell = len === 1 && c0 === 99 && cells !== undefined;
      // a cell's start tag as writers write it is read in one pass, its end found as its attributes are
      let gt = isCell && nameStart === i + 1 ? plainCellTag(b, j, end) : -1;
      const read = gt >= 0;
      // else find the end of the start tag (a quoted attribute value may hold '>')
      if (!read) gt = startTagEnd(b, j, end);
      const selfClosing = b[gt - 1] === SLASH;
      if (isRow || isCell) {
        // r, s and t in one pass over the start tag
        if (!read) readAttributes(b, j, gt);
        if ((attrXmlns || (nameStart > i + 1 && this.foreign.size)) && this.isForeign(b, i + 1, nameStart, gt)) {
          // another vocabulary's element that happens to be called row or c (`<z:c xmlns:z="urn:x">`): not a cell
          i = selfClosing ? gt + 1 : closeOf(b, i + 1, j, gt + 1, end);
          continue;
        }
      }
      if (isRow) { // <row
        // a row opened inside a row: the first one's end tag is missing
        if (cells) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.row-no-end', { row: rowNumber }), row: rowNumber });
        const r = attrRow;
        rowHasNumber = r > 0;
        rowNumber = r > 0 ? r : this.lastRow + 1;
        // a row number written twice is malformed: which of the two is row 4 cannot be told
        if (r > 0 && rowNumber <= MAX_ROW) this.seeRow(rowNumber);
        rowStart = i;
        if (rowNumber > MAX_ROW) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.row-beyond', { row: rowNumber, max: MAX_ROW }), row: rowNumber });
        this.lastRow = rowNumber;
        col = 0;
        cells = selfClosing ? undefined : [];
        if (selfClosing && !rowHasNumber) this.seeRow(rowNumber);
        i = gt + 1;
        continue;
      }
      if (isCell && cells) { // <c
        // a reference that names no column: which column the cell is in cannot be told (it was put one right of the last)
        if (attrNoColumn) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.reference-no-column', { ref: attrRef || b.toString('utf8', attrRefAt, attrRefEnd), row: rowNumber }), row: rowNumber });
        const ref = attrColumn;
        const s = attrStyle;
        const t = attrType;
        if (attrRow >= 0 && attrRow !== rowNumber) {
          // a row written without its number takes it from its first cell; otherwise the two must agree
          if (!rowHasNumber && cells.length === 0 && attrRow >= 1 && attrRow > this.lastRow - 1 && attrRow <= MAX_ROW) { rowNumber = attrRow; this.lastRow = attrRow; rowHasNumber = true; this.seeRow(rowNumber); }
          else throw new UnreadableFileError('corrupt', { detail: localized('corrupt.reference-other-row', { ref: attrRef || b.toString('utf8', attrRefAt, attrRefEnd), row: rowNumber }), row: rowNumber });
        } else if (!rowHasNumber && attrRow === rowNumber) { rowHasNumber = true; this.seeRow(rowNumber); }
        col = ref > 0 ? ref : col + 1;
        if (col > MAX_COLUMN) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.beyond-xfd', { row: rowNumber }), row: rowNumber });
        if (selfClosing) { i = gt + 1; continue; }
        // the common shape, <c …><v>…</v></c> without a prefix: read it without the general walk
        if (b[gt + 1] === LT && b[gt + 2] === 118 && b[gt + 3] === GT) {
          let e = gt + 4;
          while (e < end && b[e] !== LT) e++;
          if (b[e + 1] === SLASH && b[e + 2] === 118 && b[e + 3] === GT && b[e + 4] === LT && b[e + 5] === SLASH && b[e + 6] === 99 && b[e + 7] === GT) {
            const cell = this.plainValue(b, gt + 4, e, t, s);
            if (cell) cells[col] = cell;
            i = e + 8;
            continue;
          }
        }
        const close = this.findCellClose(b, gt + 1, end);
        this.at.row = rowNumber;
        this.at.column = col;
        const cell = this.cellValue(b, gt + 1, close, t, s);
        if (cell) cells[col] = cell;
        i = close;
        continue;
      }
      i = gt + 1;
    }
  }

  /**
   * Whether the element whose name starts at `from` (local part at `local`, start tag ending at
   * `gt`) belongs to another namespace: its prefix is bound elsewhere by the worksheet element or
   * by its own start tag, or its own `xmlns="…"` names another namespace. An undeclared prefix is
   * read as SpreadsheetML, as before.
   */
  private isForeign(b: Buffer, from: number, local: number, gt: number): boolean {
    const prefixed = local > from;
    const prefix = prefixed ? b.toString('latin1', from, local - 1) : '';
    const own = declarations(b.toString('latin1', from - 1, gt + 1)).get(prefix);
    if (own !== undefined) return !MAIN_NAMESPACES.has(own);
    return prefixed && this.foreign.has(prefix);
  }

  /**
   * A formula with attributes: the first cell of a shared formula is remembered; another cell of
   * it (`<f t="shared" si="0"/>`) gets the formula moved to where it is, as Excel and openpyxl
   * read it. Any other formula is as written.
   */
  private sharedFormula(attributes: string, written: string): string {
    if (!/\bt\s*=\s*["']shared["']/.test(attributes)) return written;
    const si = /\bsi\s*=\s*["']\s*(\d+)\s*["']/.exec(attributes)?.[1];
    if (si === undefined) return written;
    const { row, column } = this.at;
    if (written !== '') {
      this.sharedFormulas.set(si, { formula: written, row, column });
      return written;
    }
    const master = this.sharedFormulas.get(si);
    if (!master) return written;
    this.pendingShift = { master, rows: row - master.row, columns: column - master.column };
    return SHIFTED;
  }

  /** A cell with a formula and no saved value (a shared formula's other cell: its formula made when read). */
  private formulaCell(formula: string | undefined): RawCell | undefined {
    if (formula !== SHIFTED) return formulaOnly(formula);
    const cell: RawCell = { value: null };
    this.lazyFormula(cell);
    return cell;
  }

  /** The formula of a shared formula's other cell, made when it is first read (a template's 2,000 empty rows never are). */
  private lazyFormula(cell: RawCell): void {
    const shift: Shift = { ...this.pendingShift!, text: undefined };
    this.pendingShift = undefined;
    Object.defineProperty(cell, SHIFT, { value: shift });
    Object.defineProperty(cell, 'formula', LAZY_FORMULA);
  }

  /** Notes that row `n` was read; a row number written twice is malformed (which of the two is row 4 cannot be told). */
  private seeRow(n: number): void {
    const bit = 1 << (n & 7);
    if (n >> 3 >= this.seenRows.length) this.growSeenRows(n);
    if (this.seenRows[n >> 3] & bit) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.row-twice', { row: n }), row: n });
    this.seenRows[n >> 3] |= bit;
  }

  private growSeenRows(n: number): void {
    let size = this.seenRows.length;
    while (size <= n >> 3) size *= 4;
    const grown = new Uint8Array(Math.min(size, (MAX_ROW >> 3) + 1));
    grown.set(this.seenRows);
    this.seenRows = grown;
  }

  /** A shared-string cell: its text, or its index alone when the table is held elsewhere; nothing when no string has that index. */
  private shared(index: number): RawCell {
    const { strings } = this.ctx;
    if (!strings) return Number.isInteger(index) && index >= 0 ? { value: null, sst: index } : { value: null };
    const text = strings.text(index);
    return text === undefined ? { value: null } : { value: text, sst: index };
  }

  /** The value of `<v>…</v>` alone (no formula, no inline string), from its bytes [from, to). */
  private plainValue(b: Buffer, from: number, to: number, t: CellType, style: number): RawCell | undefined {
    if (t === CellType.Shared) {
      const v = wholeNumber(b, from, to);
      if (v >= 0) {
        return this.shared(v);
      }
    } else if (t === CellType.Number) {
      let n = readNumber(b, from, to);
      if (Number.isNaN(n)) {
        if (to === from) return undefined;
        n = Number(decodeXml(b.toString('latin1', from, to)));
      }
      return style >= 0 && this.ctx.dateStyles[style] ? this.dated(n) : { value: n };
    }
    return this.cellValue(b, from - 3, to + 4, t, style);
  }

  /**
   * A number in a date format: its day, or, when Excel shows no day for it (####: negative, past
   * 9999-12-31; isDateSerial), the number marked as no day, which a date column does not take.
   */
  private dated(n: number): RawCell {
    if (isDateSerial(n, this.ctx.date1904)) return { value: fromExcelSerial(n, this.ctx.date1904) };
    return Number.isNaN(n) ? { value: n } : { value: n, noDay: true };
  }

  /** The position of this cell's `</c>` (any prefix). */
  private findCellClose(b: Buffer, from: number, end: number): number {
    for (let k = from; k < end; k++) {
      if (b[k] !== LT) continue;
      // a < inside a cell that starts no name is not markup (`<t>2024<0520002</t>`)
      if (b[k + 1] !== SLASH) {
        if (!isNameStartByte(b[k + 1])) throw notWellFormed();
        // a cell or a row opened inside a cell: this one's end tag is missing (read on, the next cell's value was its own: helper-94)
        const inner = localName(b, k + 1, end);
        const size = nameEnd - inner;
        if (inner === k + 1 && ((size === 1 && b[inner] === 99) || (size === 3 && b[inner] === 114 && b[inner + 1] === 111 && b[inner + 2] === 119))) {
          throw new UnreadableFileError('corrupt', { detail: localized('corrupt.cell-no-end', { row: this.lastRow }), row: this.lastRow });
        }
        continue;
      }
      const start = localName(b, k + 2, end);
      if (nameEnd - start === 1 && b[start] === 99) return k;
    }
    return end;
  }

  /** The value of a cell from its content bytes [from, to). `t` is the type letter(s) code. */
  private cellValue(b: Buffer, from: number, to: number, t: CellType, style: number): RawCell | undefined {
    let formula: string | undefined;
    let raw: string | undefined;
    let sharedIndex = -1;
    let number = NaN;
    // walk the child elements: <f>, <v>, <is>
    let k = from;
    while (k < to) {
      while (k < to && b[k] !== LT) k++;
      if (k >= to) break;
      if (b[k + 1] === SLASH) { k += 1; continue; }
      const start = localName(b, k + 1, to);
      const len = nameEnd - start;
      const gt = startTagEnd(b, nameEnd, to);
      const empty = b[gt - 1] === SLASH;
      const name = b[start];
      if (len <= 2 && start > k + 1 && this.foreign.size && this.isForeign(b, k + 1, start, gt)) { k = empty ? gt + 1 : closeOf(b, k + 1, nameEnd, gt + 1, to); continue; }
      if (len === 1 && name === 102) { // <f>
        if (empty) formula = '';
        else {
          const e = nextLt(b, gt + 1, to);
          if (e < to && b[e + 1] !== SLASH) throw notWellFormed();
          formula = decodeXml(b.toString('utf8', gt + 1, e));
        }
        // a shared formula (Excel's fill-down, and ecsop's templates): its other cells hold only its index
        if (gt > nameEnd + 1) formula = this.sharedFormula(b.toString('latin1', nameEnd, gt), formula);
        if (!empty) {
          k = nextLt(b, gt + 1, to);
          continue;
        }
      } else if (len === 1 && name === 118 && !empty) { // <v>
        const e = nextLt(b, gt + 1, to);
        // a value holds text only: what ends it is its end tag, never another element (`<v>12<x</v>`)
        if (e < to && b[e + 1] !== SLASH) throw notWellFormed();
        if (t === CellType.Shared) {
          sharedIndex = wholeNumber(b, gt + 1, e);
          if (sharedIndex < 0) raw = decodeXml(b.toString('latin1', gt + 1, e));
        } else if (t === CellType.Number) {
          number = readNumber(b, gt + 1, e);
          if (Number.isNaN(number) && e > gt + 1) raw = decodeXml(b.toString('latin1', gt + 1, e));
        } else raw = b.toString('utf8', gt + 1, e);
        k = e;
        continue;
      } else if (len === 2 && name === 105 && b[start + 1] === 115 && !empty) { // <is>
        const close = indexOfLocal(b, gt + 1, to, 'is');
        const inner = b.toString('utf8', gt + 1, close);
        if (!balanced(inner)) throw notWellFormed();
        raw = stringItemText(inner);
        if (raw.length > this.ctx.maxStringChars) throw tooLongString(this.ctx.maxStringChars);
        k = close;
        continue;
      }
      k = gt + 1;
    }
    let cell: RawCell;
    switch (t) {
      case CellType.Shared:
        if (sharedIndex < 0 && raw === undefined) return this.formulaCell(formula);
        {
          // a <v> that is not a plain index (empty, spaced, signed) names no string
          const index = sharedIndex >= 0 ? sharedIndex : raw!.trim() === '' ? -1 : Number(raw);
          cell = this.shared(index);
        }
        break;
      case CellType.Number:
        if (Number.isNaN(number)) {
          if (raw === undefined || raw === '') return this.formulaCell(formula);
          number = Number(raw);
        }
        cell = style >= 0 && this.ctx.dateStyles[style] ? this.dated(number) : { value: number };
        break;
      case CellType.FormulaString:
        if (raw === undefined) return this.formulaCell(formula);
        cell = { value: unescapedText(decodeXml(raw)) };
        break;
      case CellType.Inline:
        if (raw === undefined) return this.formulaCell(formula);
        cell = { value: unescapedText(raw) };
        break;
      case CellType.Boolean:
        if (!raw) return this.formulaCell(formula);
        raw = decodeXml(raw).trim();
        cell = { value: raw === '1' || raw === 'true' };
        break;
      case CellType.Error:
        if (!raw) return this.formulaCell(formula);
        cell = { value: null, error: decodeXml(raw) };
        break;
      case CellType.Date: {
        if (!raw) return this.formulaCell(formula);
        const iso = decodeXml(raw);
        cell = { value: isoWallClock(iso) ?? iso };
        break;
      }
    }
    if (formula === SHIFTED) this.lazyFormula(cell);
    else if (formula !== undefined) cell.formula = formula;
    return cell;
  }
}

/** Marks the formula of a shared formula's other cell, made lazily (SheetScanner.lazyFormula). */
const SHIFTED = '\u0000shifted';

const enum CellType { Number, Shared, FormulaString, Inline, Boolean, Error, Date }

/** A cell's type from the first letters of its `t` attribute. */
function typeOf(first: number, second: number): CellType {
  switch (first) {
    case 115: return second === 116 ? CellType.FormulaString : CellType.Shared; // "str" | "s"
    case 105: return CellType.Inline; // inlineStr
    case 98: return CellType.Boolean;
    case 101: return CellType.Error;
    case 100: return CellType.Date;
    default: return CellType.Number; // "n"
  }
}

/** Where the start tag whose name ends at `from` ends (its `>`), skipping quoted values, which may hold `>`; `to` when it does not end before it. */
function startTagEnd(b: Buffer, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === GT) return k;
    // a raw < in a tag or in an attribute's value is not XML (AttValue, XML 1.0 §2.3): a writer's bug, never read around
    if (c === LT) throw notWellFormed();
    if (c === QUOTE || c === APOS) {
      // to the closing quote, byte by byte: a cell's values are a few bytes, and a < among them is no XML
      let e = k + 1;
      for (; e < to && b[e] !== c; e++) if (b[e] === LT) throw notWellFormed();
      if (e >= to) return to;
      k = e;
    }
  }
  return to;
}

/** Whether the elements of a small piece of markup (an inline string's runs) open and close in order. */
function balanced(markup: string): boolean {
  const open: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([^\s/>]+)[^>]*?(\/?)>|</g)) {
    if (m[2] === undefined) return false; // a < that makes no tag
    if (m[3]) continue;
    if (!m[1]) open.push(m[2]);
    else if (open.pop() !== m[2]) return false;
  }
  return open.length === 0;
}

/** A byte that may start an element name after `<` (or `</`): a letter, `_`, `:` or any byte of a non-ASCII character. */
function isNameStartByte(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === COLON || c >= 0x80;
}


/** The attributes of the last start tag read (`r`, `s`, `t` of a cell; `r` of a row): module state, no object per cell. */
let attrColumn = -1;
let attrRow = -1;
let attrStyle = -1;
let attrType = CellType.Number;
let attrRef = '';
/** the `r` read names no column (`Ｂ3`, `#3`): a cell of it has no place */
let attrNoColumn = false;
let attrRefAt = 0;
let attrRefEnd = 0;
/** the start tag declares a namespace (`xmlns` or `xmlns:…`) */
let attrXmlns = false;

const DOLLAR = 36;

function isSpaceByte(c: number): boolean {
  return c === SPACE || c === 10 || c === 13 || c === 9;
}

/**
 * Reads `r`, `s` and `t` from a start tag's attributes [from, to) as XML allows them: white space
 * around `=`, either quote, character references in the value (`r="&#65;1"`). Names with a
 * prefix (`x14ac:dyDescent`) are other attributes.
 */
function readAttributes(b: Buffer, from: number, to: number): void {
  attrColumn = -1; attrRow = -1; attrStyle = -1; attrType = CellType.Number; attrXmlns = false; attrNoColumn = false;
  let k = from;
  while (k < to) {
    while (k < to && isSpaceByte(b[k])) k++;
    const nameStart = k;
    while (k < to && b[k] !== 61 && !isSpaceByte(b[k]) && b[k] !== SLASH && b[k] !== GT) k++;
    const nameLen = k - nameStart;
    while (k < to && isSpaceByte(b[k])) k++;
    if (b[k] !== 61) { k++; continue; }
    k++;
    while (k < to && isSpaceByte(b[k])) k++;
    const q = b[k];
    if (q !== QUOTE && q !== APOS) continue;
    const v = k + 1;
    // to the closing quote byte by byte: a value is a few bytes, fewer than a call of indexOf costs
    let e = v;
    while (e < to && b[e] !== q) e++;
    if (e >= to) return;
    k = e + 1;
    if (nameLen !== 1) {
      if (nameLen >= 5 && b[nameStart] === 120 && b[nameStart + 1] === 109 && b[nameStart + 2] === 108 && b[nameStart + 3] === 110 && b[nameStart + 4] === 115) attrXmlns = true;
      continue;
    }
    const name = b[nameStart];
    if (name !== 114 && name !== 115 && name !== 116) continue;
    // a value with a reference is read from its decoded text
    // only within the value: a search to the end of the chunk for every attribute would be quadratic
    let amp = false;
    for (let m = v; m < e; m++) if (b[m] === 38) { amp = true; break; }
    const text = amp ? decodeXml(b.toString('latin1', v, e)) : undefined;
    // r of a row and s are xsd:unsignedInt: white space around and a leading + are allowed (`s=" +9 "` is 9)
    if (name === 114) { if (text !== undefined) readReference(unsignedForm(text)); else readReferenceBytes(b, skipSign(b, v, e), e); }
    else if (name === 115) attrStyle = text !== undefined ? (/^\d+$/.test(unsignedForm(text)) ? Number(unsignedForm(text)) : -1) : leadingNumber(b, skipSign(b, v, e), e);
    else attrType = text !== undefined ? typeOf(text.charCodeAt(0), text.charCodeAt(1)) : typeOf(b[v], b[v + 1]);
  }
}

/**
 * A cell's start tag in the form writers give it, ` r="B2" s="3" t="s">` (any of r, s and t, each
 * once or again, one space before each, `=` and double quotes with nothing around them, no
 * reference, `<` or `>` in a value): its attributes read as readAttributes reads them, and where it
 * ends (its `>`). -1 for any other form, which the general reading takes (startTagEnd,
 * readAttributes): it is not an error here.
 */
function plainCellTag(b: Buffer, from: number, end: number): number {
  attrColumn = -1; attrRow = -1; attrStyle = -1; attrType = CellType.Number; attrXmlns = false; attrNoColumn = false;
  for (let k = from; k < end;) {
    const c = b[k];
    if (c === GT) return k;
    if (c === SLASH) return b[k + 1] === GT && k + 1 < end ? k + 1 : -1;
    const name = b[k + 1];
    if (c !== SPACE || (name !== 114 && name !== 115 && name !== 116) || b[k + 2] !== 61 || b[k + 3] !== QUOTE) return -1;
    const v = k + 4;
    let e = v;
    for (; e < end; e++) { const x = b[e]; if (x === QUOTE) break; if (x === 38 || x === LT || x === GT) return -1; }
    if (e >= end) return -1;
    if (name === 114) readReferenceBytes(b, skipSign(b, v, e), e);
    else if (name === 115) attrStyle = leadingNumber(b, skipSign(b, v, e), e);
    else attrType = typeOf(b[v], b[v + 1]);
    k = e + 1;
  }
  return -1;
}

/** Past the white space and a + that may lead an xsd:unsignedInt. */
function skipSign(b: Buffer, from: number, to: number): number {
  let k = from;
  while (k < to && isSpaceByte(b[k])) k++;
  if (b[k] === 43) k++;
  return k;
}

/** An xsd:unsignedInt's text as digits: white space around and a leading + dropped. */
function unsignedForm(text: string): string {
  const t = text.trim();
  return t[0] === '+' ? t.slice(1) : t;
}

/** `AB12` from the bytes, without a string per cell (see readReference). */
function readReferenceBytes(b: Buffer, from: number, to: number): void {
  attrRefAt = from; attrRefEnd = to; attrRef = '';
  let n = 0;
  let k = from;
  // `$B$3`, as some writers put it (helper-63: read as no reference, the cell went one column left of its place)
  if (b[k] === DOLLAR) k++;
  // letters in lower case too (`r="g5"`), as openpyxl and LibreOffice read them (helper-62: the cells were packed to the left)
  for (; k < to && k < from + 4; k++) { const ch = b[k] & ~(b[k] >= 97 && b[k] <= 122 ? 32 : 0); if (ch < 65 || ch > 90) break; n = n * 26 + (ch - 64); }
  if (n > 0) attrColumn = n;
  attrNoColumn = n === 0 && k < to;
  if (b[k] === DOLLAR) k++;
  let r = 0;
  const d0 = k;
  for (; k < to; k++) { const d = b[k] - 48; if (d < 0 || d > 9) break; r = r * 10 + d; }
  attrRow = k > d0 ? r : -1;
}

/** `AB12` → column 28, row 12; a row alone (`r="5"` of a row) → row 5. */
function readReference(ref: string): void {
  attrRef = ref;
  let n = 0;
  let k = ref.charCodeAt(0) === DOLLAR ? 1 : 0;
  // at most three letters (XFD): more is past any sheet, and the number stays small
  for (; k < ref.length && k < 4; k++) { const c = ref.charCodeAt(k); const ch = c >= 97 && c <= 122 ? c - 32 : c; if (ch < 65 || ch > 90) break; n = n * 26 + (ch - 64); }
  if (n > 0) attrColumn = n;
  attrNoColumn = n === 0 && k < ref.length;
  if (ref.charCodeAt(k) === DOLLAR) k++;
  let r = 0;
  let digits = 0;
  for (; k < ref.length; k++) { const d = ref.charCodeAt(k) - 48; if (d < 0 || d > 9) break; r = r * 10 + d; digits++; }
  attrRow = digits ? r : -1;
}

/** Plain decimal numbers straight from the bytes; anything else (exponents …) returns NaN for Number(). */
function readNumber(b: Buffer, from: number, to: number): number {
  if (from >= to) return NaN;
  let k = from;
  let neg = false;
  if (b[k] === 45) { neg = true; k++; }
  let int = 0;
  let digits = 0;
  for (; k < to; k++) { const d = b[k] - 48; if (d < 0 || d > 9) break; int = int * 10 + d; digits++; }
  if (k === to) return digits && digits < 16 ? (neg ? -int : int) : NaN;
  if (b[k] !== 46) return NaN; // an exponent, or no number: Number() decides
  // a decimal of at most 15 digits (an amount, a date's time): its digits as a whole number M < 2^53 and a
  // power of ten below 10^23 are both exact, so M / 10^places is the one rounding Number() makes of the text
  const point = ++k;
  for (; k < to; k++) { const d = b[k] - 48; if (d < 0 || d > 9) break; int = int * 10 + d; digits++; }
  if (k !== to || digits === 0 || digits > 15) return NaN;
  const n = int / POWERS_OF_TEN[to - point];
  return neg ? -n : n;
}

/** 10^0 … 10^15, each exact as a double (written out: not computed). */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The position of `</…local>` after `from`. */
function indexOfLocal(b: Buffer, from: number, to: number, local: string): number {
  const first = local.charCodeAt(0);
  for (let k = from; k < to; k++) {
    if (b[k] !== LT || b[k + 1] !== SLASH) continue;
    const start = localName(b, k + 2, to);
    if (nameEnd - start === local.length && b[start] === first && b.toString('latin1', start, nameEnd) === local) return k;
  }
  return to;
}
