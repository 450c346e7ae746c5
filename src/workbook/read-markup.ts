import { tooLong } from './types.js';
import { localized } from '../i18n/catalog.js';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { MAX_COLUMN } from '../cells/address.js';
import { isoWallClock } from '../cells/date.js';
import type { RawCell, RawRow } from '../cells/raw.js';
import type { ReadLimits } from '../config/limits.js';
import { detectEncoding } from './read-csv.js';
import { rowsOf, UnreadableFileError, type SheetSource, type WorkbookSource } from './types.js';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { decodeXml, joinFlat } from './xlsx/xml.js';

/**
 * The "Excel" files ERPs and web back offices export that are not workbooks: an HTML page with
 * a table saved as `.xls` (the most common), and Excel's XML Spreadsheet 2003. Both are read as
 * they stream — each `<table>` (or `<Worksheet>`) a sheet, each `<tr>` (or `<Row>`) a row — in the
 * page's own encoding (its BOM, its `charset`, else UTF-8 or GB18030 as the bytes decide).
 */
export type MarkupKind = 'html' | 'spreadsheetml';

/** What the first bytes say: an HTML table export, an XML Spreadsheet 2003, or neither. */
export function markupKind(head: Buffer): MarkupKind | undefined {
  const text = head.toString('latin1', 0, Math.min(head.length, 4096)).replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').toLowerCase();
  const ascii = text.replace(/\0/g, '');
  if (ascii.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<\??(xml|workbook)/.test(ascii)) return 'spreadsheetml';
  if (/<(!doctype html|html|table|meta|head|body)[\s>]/.test(ascii)) return 'html';
  return undefined;
}

/** The encoding a page declares (`<meta charset="gbk">`, `charset=gb2312`), when it declares one we can read. */
function declared(head: Buffer): string | undefined {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head.toString('latin1', 0, Math.min(head.length, 4096)));
  const name = m?.[1].toLowerCase();
  if (!name) return undefined;
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936'].includes(name)) return 'gb18030';
  if (name === 'big5') return 'big5';
  return undefined;
}

interface Tag { name: string; closing: boolean; selfClosing: boolean; attrs: string }

/**
 * The end of what holds no cells, found whatever its case (`</STYLE>`, as old pages write it), to
 * the `>` of its end tag (`</script >`): the text after it is the page's again (helper-49 read
 * `<script>…</script>ok` as `>ok`).
 */
const SKIP_ENDS = { comment: /-->/g, script: /<\/script[^>]{0,256}>/gi, style: /<\/style[^>]{0,256}>/gi } as const;
/** the longest a tag may be (its attributes): a page with a longer one is not an export */
const TAG_LIMIT = 65536;
/** what of a piece is kept for the next when a skipped block's end is not in it: the longest end, cut */
const SKIP_CARRY = 272;

/**
 * Where the tag starting at `lt` ends: its `>`, but not one inside an attribute's quoted value
 * (`<td title="a>b">`, which HTML and XML both allow); -1 when the piece ends first.
 */
function tagEndIn(s: string, lt: number): number {
  let from = lt + 1;
  for (;;) {
    const gt = s.indexOf('>', from);
    if (gt < 0) return -1;
    // a quote before it that opens a value (after `=` and spaces; `<td class=x'y>` has none): its `>` is no end
    let quote = -1;
    for (let i = from; i < gt; i++) {
      const c = s.charCodeAt(i);
      if ((c === 34 || c === 39) && opensValue(s, i, lt)) { quote = i; break; }
    }
    if (quote < 0) return gt;
    const close = s.indexOf(s[quote], quote + 1);
    if (close < 0) return -1;
    from = close + 1;
  }
}

/** An attribute's value as HTML's rules for non-negative integers read it (`2px` and `2.5` are 2, ` 3` is 3); undefined when it is none. */
function htmlInteger(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Whether the quote at `i` follows `=` (spaces between), in the tag that starts at `lt`. */
function opensValue(s: string, i: number, lt: number): boolean {
  let j = i - 1;
  while (j > lt) {
    const c = s.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    j--;
  }
  return s.charCodeAt(j) === 61;
}

/**
 * A page's text with its references read as the page's own language has them: HTML's 2,231 named
 * ones (`&nbsp;`, `&yen;`, `&mdash;`, and the old ones a browser reads without `;`, by the WHATWG
 * table the `entities` package carries) or XML's five and numeric ones.
 */
const DECODE: Record<MarkupKind, { text(s: string): string; attr(s: string): string }> = {
  html: { text: (s) => (s.indexOf('&') < 0 ? s : decodeHTML(s)), attr: (s) => (s.indexOf('&') < 0 ? s : decodeHTMLAttribute(s)) },
  spreadsheetml: { text: decodeXml, attr: decodeXml },
};

/** Attribute `name` of a tag's source (`colspan=2`, `ss:Index="3"`), decoded. */
function attrOf(attrs: string, name: string, kind: MarkupKind): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? DECODE[kind].attr(m[1] ?? m[2] ?? m[3]) : undefined;
}

type Event = { type: 'sheet'; name?: string } | { type: 'row'; row: RawRow } | { type: 'end-sheet' };

/**
 * Tags and text of a page as it streams, turned into sheets and rows. Text between tags is kept
 * as slices (linear), bounded by the reading limits.
 */
class MarkupRows {
  private carry = '';
  private inCell = false;
  private cellParts: string[] = [];
  private cellChars = 0;
  private cellSpan = 1;
  private cellType: string | undefined;
  private cells: Array<RawCell | undefined> | undefined;
  private col = 0;
  private rowNumber = 0;
  private rowChars = 0;
  private depth = 0;
  /** inside a SpreadsheetML <Worksheet> */
  private inSheet = false;
  /**
   * The cells merged down (an HTML table's `rowspan`, an XML Spreadsheet's `MergeDown`, as ERPs merge a multi-item order's own cells): for
   * each column, how many rows below still have it covered.
   * A covered cell holds the merged cell's value, marked `covered` (helper-50: left empty, each further item of a
   * merged order read as an order of its own with no number; helper-49: not passed over, the next row's cells
   * moved one column left).
   */
  private below: number[] = [];
  /** for each covered column, the cell merged down over it (its value is the rows' below) */
  private covering: Array<RawCell | undefined> = [];
  /** the row's own cells as they came: their column, the columns they span, the rows below they cover (rowspan − 1) */
  private own: Array<{ col: number; span: number; rows: number }> = [];
  /** the most columns a row of the table has filled */
  private width = 0;
  /** inside a comment, a script or a style: the end looked for */
  private skip: RegExp | undefined;
  readonly events: Event[] = [];

  constructor(private readonly kind: MarkupKind, private readonly limits: ReadLimits) {}

  push(text: string): void {
    // a piece that began inside a tag took minutes as a rope (an 80,000-row export 30 s and 887 MB, issue #25)
    this.scan(joinFlat(this.carry, text), false);
  }

  /**
   * The page has ended: a tag left open by a quote that never closes ends at its first `>` (a browser
   * would drop the rest of the page; helper-50's page then read as no rows, and its check passed),
   * and the row and table the page left open end with it.
   */
  end(): void {
    const rest = this.carry;
    this.carry = '';
    if (rest && !this.skip) this.scan(rest, true);
    this.endRow();
    if (this.kind === 'html' ? this.depth > 0 : this.inSheet) this.events.push({ type: 'end-sheet' });
    this.depth = 0;
    this.inSheet = false;
  }

  private scan(text: string, last: boolean): void {
    let s = text;
    this.carry = '';
    let i = 0;
    while (i < s.length) {
      if (this.skip) {
        // inside <script>, <style> or a comment: look for its end only
        const end = this.skip;
        end.lastIndex = i;
        const found = end.exec(s);
        // an end cut between two pieces: its start is kept for the next
        if (!found) { this.carry = s.slice(Math.max(i, s.length - SKIP_CARRY)); return; }
        i = found.index + found[0].length;
        this.skip = undefined;
        continue;
      }
      const lt = s.indexOf('<', i);
      const textEnd = lt < 0 ? s.length : lt;
      if (this.inCell && textEnd > i) this.text(s.slice(i, textEnd));
      if (lt < 0) return;
      if (s.startsWith('<!--', lt)) { this.skip = SKIP_ENDS.comment; i = lt + 4; continue; }
      let gt = tagEndIn(s, lt);
      // a quote that never closes (within 64K characters, or before the page ends): the tag ends at its first '>'
      if (gt < 0 && (last || s.length - lt > TAG_LIMIT)) gt = s.indexOf('>', lt);
      if (gt < 0) {
        if (s.length - lt > TAG_LIMIT) throw new UnreadableFileError('markup-tag', { row: this.rowNumber || 1, chars: s.length - lt });
        // at the page's end, a tag cut short (`</html`) is passed over
        if (!last) this.carry = s.slice(lt);
        return;
      }
      this.tag(s.slice(lt + 1, gt));
      i = gt + 1;
    }
    s = '';
  }

  private text(t: string): void {
    this.cellChars += t.length;
    this.rowChars += t.length;
    if (this.cellChars > this.limits.maxStringChars) throw tooLong(localized('piece.cell-in-row', { row: this.rowNumber }), this.limits.maxStringChars, 'maxStringChars');
    if (this.rowChars > this.limits.maxRowBytes) throw tooLong(localized('piece.row', { row: this.rowNumber }), this.limits.maxRowBytes, 'maxRowBytes');
    this.cellParts.push(t);
  }

  private tag(source: string): void {
    const m = /^(\/?)\s*([\w:.-]+)([\s\S]*?)(\/?)\s*$/.exec(source);
    if (!m) return;
    const t: Tag = { closing: m[1] === '/', name: m[2].toLowerCase().replace(/^[\w.-]+:/, ''), attrs: m[3], selfClosing: m[4] === '/' };
    // an HTML page's script or style holds no cells; SpreadsheetML's <Style> elements are the workbook's styles (helper-48: skipping them read an export as empty)
    if (this.kind === 'html' && !t.closing && !t.selfClosing && (t.name === 'script' || t.name === 'style')) { this.skip = SKIP_ENDS[t.name]; return; }
    if (this.kind === 'html') this.html(t);
    else this.spreadsheet(t);
  }

  private html(t: Tag): void {
    if (t.name === 'table') {
      if (!t.closing) {
        if (this.depth++ === 0) { this.rowNumber = 0; this.newRowGroup(); this.width = 0; this.events.push({ type: 'sheet' }); }
        else if (this.inCell) this.cellParts.push('\n'); // a table inside a cell begins on a line of its own
      }
      else if (this.depth > 0 && --this.depth === 0) { this.endRow(); this.events.push({ type: 'end-sheet' }); }
    } else if (this.depth === 0) {
      return;
    } else if (this.depth > 1) {
      // a table inside a cell is that cell's content, as a browser shows it: its cells' text, a row a line
      if (this.inCell && t.closing && t.name === 'tr') this.cellParts.push('\n');
      else if (this.inCell && t.closing && (t.name === 'td' || t.name === 'th')) this.cellParts.push(' ');
      else if (this.inCell && t.name === 'br') this.cellParts.push('\n');
    } else if (t.name === 'thead' || t.name === 'tbody' || t.name === 'tfoot') {
      // a cell merged down covers no row of the next group (HTML's row groups)
      this.endRow();
      this.newRowGroup();
    } else if (t.name === 'tr') {
      this.endRow();
      if (!t.closing) this.startRow(this.rowNumber + 1);
    } else if (t.name === 'td' || t.name === 'th') {
      this.endCell();
      if (!t.closing && !t.selfClosing) {
        if (!this.cells) this.startRow(this.rowNumber + 1);
        // the columns a cell of a row above still covers (rowspan) are passed over, as a browser and Excel place the cells
        while (this.below[this.col + 1] > 0) this.col++;
        // as a browser reads them (HTML's rules for non-negative integers: `2px` is 2); colspan 1–1000, rowspan 0 (to the group's end) to 65534
        const across = htmlInteger(attrOf(t.attrs, 'colspan', 'html'));
        this.startCell(across === undefined || across === 0 ? 1 : Math.min(across, 1000));
        const down = htmlInteger(attrOf(t.attrs, 'rowspan', 'html'));
        const rows = down === 0 ? 65533 : down !== undefined && down > 1 ? Math.min(down, 65534) - 1 : 0;
        this.own.push({ col: this.col + 1, span: this.cellSpan, rows });
      }
    } else if (this.inCell && (t.name === 'br' || (t.closing && (t.name === 'p' || t.name === 'div')))) this.cellParts.push('\n');
  }

  private spreadsheet(t: Tag): void {
    if (t.name === 'worksheet') {
      if (!t.closing) { this.rowNumber = 0; this.newRowGroup(); this.inSheet = true; this.events.push({ type: 'sheet', name: attrOf(t.attrs, '(?:ss:)?Name', 'spreadsheetml') }); }
      else { this.endRow(); this.inSheet = false; this.events.push({ type: 'end-sheet' }); }
    } else if (t.name === 'row') {
      this.endRow();
      if (!t.closing) {
        const at = Number(attrOf(t.attrs, '(?:ss:)?Index', 'spreadsheetml'));
        this.startRow(Number.isInteger(at) && at > this.rowNumber ? at : this.rowNumber + 1);
        if (t.selfClosing) this.endRow();
      }
    } else if (t.name === 'cell') {
      this.endCell();
      if (!t.closing && this.cells) {
        const at = Number(attrOf(t.attrs, '(?:ss:)?Index', 'spreadsheetml'));
        if (Number.isInteger(at) && at > this.col) this.col = at - 1;
        const across = Number(attrOf(t.attrs, '(?:ss:)?MergeAcross', 'spreadsheetml') ?? 0);
        this.startCell(1 + (Number.isInteger(across) && across > 0 ? across : 0));
        // MergeDown, as HTML's rowspan: the rows below hold the cell's value, marked covered
        const down = Number(attrOf(t.attrs, '(?:ss:)?MergeDown', 'spreadsheetml') ?? 0);
        this.own.push({ col: this.col + 1, span: this.cellSpan, rows: Number.isInteger(down) && down > 0 ? Math.min(down, 65534) : 0 });
        if (t.selfClosing) this.endCell();
      }
    } else if (t.name === 'data' && !t.closing) {
      this.cellType = attrOf(t.attrs, '(?:ss:)?Type', 'spreadsheetml');
    }
  }

  /** A table or a row group begins: no cell above covers its rows (HTML's row groups end a rowspan). */
  private newRowGroup(): void {
    this.below = [];
    this.covering = [];
    this.own = [];
  }

  private startRow(n: number): void {
    // a row begun: the rows since the last one used a row of each cover each (an XML Spreadsheet's
    // rows may skip some: ss:Index), and its own merged cells cover the rows below
    const step = Math.max(1, n - this.rowNumber);
    for (let c = 0; c < this.below.length; c++) if (this.below[c] > 0) this.below[c] = Math.max(0, this.below[c] - step);
    for (const o of this.own) {
      const left = o.rows - (step - 1);
      for (let c = o.col; c < o.col + o.span && left > 0; c++) this.below[c] = Math.max(this.below[c] ?? 0, left);
    }
    this.own = [];
    this.rowNumber = n;
    this.cells = [];
    this.col = 0;
    this.rowChars = 0;
  }

  private startCell(span: number): void {
    this.inCell = true;
    this.cellParts = [];
    this.cellChars = 0;
    this.cellSpan = Number.isInteger(span) && span > 0 ? Math.min(span, MAX_COLUMN) : 1;
    this.cellType = undefined;
  }

  private endCell(): void {
    if (!this.inCell || !this.cells) { this.inCell = false; return; }
    this.inCell = false;
    this.col += 1;
    if (this.col > MAX_COLUMN) throw new UnreadableFileError('too-many-columns', { row: this.rowNumber, limit: MAX_COLUMN }, 'file/too-large');
    const raw = DECODE[this.kind].text(this.cellParts.join('')).replace(/\u00a0/g, ' ');
    const text = this.kind === 'html' ? raw.replace(/[ \t\r\n]+/g, (w) => (w.includes('\n') ? '\n' : ' ')).trim() : raw;
    if (text !== '') this.cells[this.col] = this.cellSpan > 1 ? { value: this.typed(text), across: this.cellSpan } : { value: this.typed(text) };
    this.col += this.cellSpan - 1;
  }

  /** A SpreadsheetML cell's value as its type says; HTML cells are text (the parsers read them). */
  private typed(text: string): RawCell['value'] {
    if (this.kind !== 'spreadsheetml') return text;
    if (this.cellType === 'Number') { const n = Number(text); return Number.isFinite(n) ? n : text; }
    if (this.cellType === 'Boolean') return text === '1' || text.toLowerCase() === 'true';
    if (this.cellType === 'DateTime') return isoWallClock(text) ?? text;
    return text;
  }

  private endRow(): void {
    this.endCell();
    let cells = this.cells;
    if (cells && this.kind === 'html') {
      // a row whose own cells fill the table's width while a merge above covers some of its columns: the
      // merge ran past its order (a rowspan one too many), and the row is an order of its own, laid out
      // from its first column (helper-52: pushed past the headed columns, the order was lost unsaid)
      const covered = this.below.some((b) => b > 0);
      const ownWidth = this.own.reduce((n, o) => n + o.span, 0);
      if (covered && this.width > 0 && ownWidth >= this.width) {
        const moved: Array<RawCell | undefined> = [];
        let at = 1;
        for (const o of this.own) {
          if (cells[o.col] !== undefined) moved[at] = cells[o.col];
          o.col = at;
          at += o.span;
        }
        cells = this.cells = moved;
        this.below = [];
        this.covering = [];
        this.col = ownWidth;
      }
    }
    if (cells) {
      // a merged cell's value is this row's too, in the columns it covers (checked once, in its own row)
      for (let c = 1; c < this.below.length; c++) {
        const top = this.below[c] > 0 ? this.covering[c] : undefined;
        if (top && cells[c] === undefined) cells[c] = { value: top.value, covered: true };
      }
      // the cells of this row merged down: what the rows below show
      for (const o of this.own) for (let c = o.col; c < o.col + o.span && o.rows; c++) this.covering[c] = c === o.col ? cells[c] : undefined;
    }
    if (cells && this.kind === 'html') this.width = Math.max(this.width, this.col, cells.length - 1);
    if (cells && cells.length) this.events.push({ type: 'row', row: { row: this.rowNumber, cells } });
    this.cells = undefined;
  }
}

/** Opens an HTML table export or an XML Spreadsheet 2003 as a workbook of its tables. */
export async function openMarkup(path: string, kind: MarkupKind, head: Buffer, limits: ReadLimits): Promise<WorkbookSource> {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : head[0] === 0xff && head[1] === 0xfe ? 2 : head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
  const encoding = bom === 3 ? 'utf-8' : bom === 2 ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : declared(head) ?? detectEncoding(head).encoding;
  const base = basename(path, extname(path));
  return {
    path,
    format: 'xlsx',
    date1904: false,
    sheets: () => markupSheets(new MarkupReading(path, kind, encoding, bom, limits), base),
  };
}

/** A markup file read on as its tables need it (openMarkup). */
class MarkupReading {
  readonly parser: MarkupRows;
  private readonly decoder: TextDecoder;
  private readonly source: AsyncIterator<Buffer>;
  /** the file has been read to its end */
  done = false;

  constructor(path: string, kind: MarkupKind, encoding: string, bom: number, limits: ReadLimits) {
    this.parser = new MarkupRows(kind, limits);
    this.decoder = new TextDecoder(encoding);
    this.source = createReadStream(path, { start: bom, highWaterMark: 1 << 20 })[Symbol.asyncIterator]();
  }

  /** Reads on until there are events (or the file ends). */
  async more(): Promise<void> {
    const { parser, decoder } = this;
    while (!parser.events.length && !this.done) {
      const next = await this.source.next();
      if (next.done) { parser.push(decoder.decode()); parser.end(); this.done = true; } else parser.push(decoder.decode(next.value as Buffer, { stream: true }));
    }
  }
}

/**
 * A markup file's tables as sheets, one after another. Generators of the module's, not ones made for
 * each file (see read-xlsx.ts, sheetsOf).
 */
async function* markupSheets(r: MarkupReading, base: string): AsyncGenerator<SheetSource> {
  const events = r.parser.events;
  let index = 0;
  for (;;) {
    await r.more();
    const e = events.shift();
    if (!e) return;
    if (e.type !== 'sheet') continue;
    index += 1;
    const name = e.name ?? (index === 1 ? base : `${base} (${index})`);
    const table = { finished: false };
    const batches = () => tableRows(r, table);
    const sheet: SheetSource = { name, batches, rows: () => rowsOf(batches()) };
    yield sheet;
    // the engine reads a sheet to its end; if it did not, its rows are skipped here
    for await (const _ of batches()) { /* drain */ }
  }
}

/** A table's rows, in batches of what has been read, until its end. */
async function* tableRows(r: MarkupReading, table: { finished: boolean }): AsyncGenerator<RawRow[]> {
  const events = r.parser.events;
  while (!table.finished) {
    await r.more();
    const batch: RawRow[] = [];
    while (events.length && events[0].type === 'row') batch.push((events.shift() as { row: RawRow }).row);
    if (batch.length) yield batch;
    if (!events.length && r.done) table.finished = true;
    else if (events.length && events[0].type !== 'row') { if (events[0].type === 'end-sheet') events.shift(); table.finished = true; }
  }
}
