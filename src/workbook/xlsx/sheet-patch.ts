import { columnLetter, columnNumber, rangeOf } from '../../cells/address.js';
import { looksLikeFormula } from '../../encode/csv-line.js';
import { xmlText, cellXmlText } from '../../encode/xml-text.js';

export { xmlText };
import { shiftFormula } from './formula-shift.js';
import { type StylesEditor, type StyleWant, dropAttr, setAttr } from './styles-editor.js';
import { attr, attrSpan, decodeXml, endsName, tagEnd as tagEndAt } from './xml.js';
import type { CellMark, CellMarks } from './cell-marks.js';

/** One cell a copy sets. `formula` (without `=`) is written with `value` as its cached result. */
export interface PatchCell {
  column: number;
  value: string | number | boolean | null;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
}

/** Columns a copy adds after the header's last one: the auto-filter and the column widths follow them. */
export interface AddedRange {
  from: number;
  to: number;
  headerRow: number;
  widths: ReadonlyMap<number, number>;
}

/** What changes in one sheet of a copy, asked row by row as the part streams. */
export interface SheetPatch {
  /** the cells to set in `row`, sorted by column */
  cellsAt(row: number): readonly PatchCell[] | undefined;
  /** the fill (ARGB) of `row`, from column 1 to `fillTo` */
  fillAt(row: number): string | undefined;
  readonly fillTo: number;
  /** the rows that change, ascending */
  rows(): Iterable<number>;
  /** the last column any change reaches */
  maxColumn(): number;
  /** whether any cell gets a formula */
  hasFormulas(): boolean;
  /** whether any cell is set (else only coloured and filled: every value stays as it was) */
  setsCells(): boolean;
  readonly added?: AddedRange;
  /** cells of `row` coloured, keeping what they hold (an annotated copy) */
  marksAt?(row: number): readonly CellMark[] | undefined;
}

/** A sheet's changes held in maps: any cells, any rows. */
export class MapPatch implements SheetPatch {
  private readonly cells = new Map<number, PatchCell[]>();
  private readonly fills = new Map<number, string>();
  fillTo = 0;
  added?: AddedRange;
  /** cells coloured, keeping what they hold */
  marks?: CellMarks;

  set(row: number, cell: PatchCell): void {
    const cells = this.cells.get(row);
    if (!cells) this.cells.set(row, [cell]);
    else {
      cells.push(cell);
      if (cells[cells.length - 2].column > cell.column) cells.sort((a, b) => a.column - b.column);
    }
  }

  fill(row: number, argb: string, to: number): void {
    this.fills.set(row, argb);
    if (to > this.fillTo) this.fillTo = to;
  }

  cellsAt(row: number) { return this.cells.get(row); }
  fillAt(row: number) { return this.fills.get(row); }
  marksAt(row: number) { return this.marks?.at(row); }
  rows(): Iterable<number> {
    if (!this.cells.size && !this.fills.size) return this.marks?.rows() ?? [];
    return [...new Set([...this.cells.keys(), ...this.fills.keys(), ...(this.marks?.rows() ?? [])])].sort((a, b) => a - b);
  }
  maxColumn(): number {
    let max = Math.max(this.added?.to ?? 0, this.fills.size ? this.fillTo : 0, this.marks?.maxColumn() ?? 0);
    for (const cells of this.cells.values()) for (const c of cells) if (c.column > max) max = c.column;
    return max;
  }
  hasFormulas(): boolean {
    for (const cells of this.cells.values()) for (const c of cells) if (c.formula !== undefined) return true;
    return false;
  }
  setsCells(): boolean {
    return this.cells.size > 0;
  }
}


/** The column a cell's start tag names by its `r` attribute's letters, or the one after `before` when it names none. */
function columnOfTag(tag: string, before: number): number {
  const ref = attr(tag, 'r');
  const letters = ref ? /^[A-Z]+/i.exec(ref)?.[0] : undefined;
  return letters ? columnNumber(letters.toUpperCase()) : before + 1;
}

/** A range `A1:H10` (or one cell) as numbers, its corners in order. */
function parseRange(ref: string): { c1: number; r1: number; c2: number; r2: number } | undefined {
  const r = rangeOf(ref);
  return r && { c1: r.left, r1: r.top, c2: r.right, r2: r.bottom };
}

/**
 * The auto-filter's range widened to the added columns, when it covers the header row and reaches
 * the column before the first one added; otherwise as it was. `absolute` writes `$A$1:$H$9`.
 */
export function widenedFilter(ref: string, added: AddedRange | undefined, absolute = false): string {
  const r = parseRange(ref.replace(/^.*!/, ''));
  if (!r || !added || r.r1 > added.headerRow || r.r2 < added.headerRow || r.c2 < added.from - 1 || r.c2 >= added.to) return ref;
  const d = absolute ? '$' : '';
  const sheet = /^.*!/.exec(ref)?.[0] ?? '';
  return `${sheet}${d}${columnLetter(r.c1)}${d}${r.r1}:${d}${columnLetter(added.to)}${d}${r.r2}`;
}

export interface PatcherOptions {
  /** the sheet stops being the selected tab (another sheet opens first) */
  unselect?: boolean;
  /** the sheet gets notes: the relationship id of the drawing to name when the sheet has none */
  legacyDrawing?: string;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What may follow a worksheet's legacyDrawing (the schema's order), or wrap what does. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * Patches one worksheet part as it streams: rows that change are rewritten (their cells merged
 * with the new ones in column order, styles extended through the styles editor), every other
 * byte is passed on as it came. Memory holds one row at a time (and the part's short head and
 * tail). A shared formula whose first cell is replaced gives each of its other cells the
 * formula moved to it, so nothing else changes meaning.
 */
export class SheetPatcher {
  private buf = '';
  private phase: 'head' | 'rows' | 'tail' = 'head';
  private p = '';
  private lastRow = 0;
  private searchedTo = 0;
  /** the rows with changes, met in order as the part's rows pass */
  private readonly pendingRows: Iterator<number>;
  private pending: IteratorResult<number>;
  private readonly broken = new Map<string, { formula: string; row: number; column: number }>();
  private readonly maxColumn: number;
  private readonly maxRow: number;

  /** the relationship id of the sheet's legacy drawing (its notes' shapes), found in its tail or inserted there */
  legacyDrawing: string | undefined;

  constructor(private readonly patch: SheetPatch, private readonly styles: StylesEditor, private readonly opts: PatcherOptions = {}) {
    this.pendingRows = patch.rows()[Symbol.iterator]();
    this.pending = this.pendingRows.next();
    this.maxColumn = patch.maxColumn();
    let maxRow = 0;
    for (const r of patch.rows()) maxRow = r;
    this.maxRow = maxRow;
  }

  /** Takes the next piece of the part; returns what can be written so far. */
  push(chunk: string): string {
    this.buf += chunk;
    return this.work(false);
  }

  /** The part has ended: the rest. */
  end(): string {
    return this.work(true);
  }

  private work(final: boolean): string {
    let out = '';
    if (this.phase === 'head') {
      const re = /<([\w.-]+:)?sheetData(?=[\s>/])/g;
      re.lastIndex = Math.max(0, this.searchedTo - 64);
      const m = re.exec(this.buf);
      const tagEnd = m ? tagEndAt(this.buf, m.index) : -1;
      if (!m || tagEnd < 0) {
        this.searchedTo = this.buf.length;
        if (!final) return '';
        const rest = this.buf;
        this.buf = '';
        return rest; // no sheetData: nothing to change
      }
      this.p = m[1] ?? '';
      let head = this.buf.slice(0, tagEnd + 1);
      let rest = this.buf.slice(tagEnd + 1);
      if (head.endsWith('/>')) {
        // an empty sheet: opened and closed, so new rows have somewhere to go
        head = `${head.slice(0, -2)}>`;
        rest = `</${this.p}sheetData>${rest}`;
      }
      out += this.patchHead(head);
      this.buf = rest;
      this.phase = 'rows';
    }
    if (this.phase === 'rows') out += this.rows(final);
    if (this.phase === 'tail' && final) {
      out += this.patchTail(this.buf);
      this.buf = '';
    }
    return out;
  }

  private rows(final: boolean): string {
    const { p } = this;
    const buf = this.buf;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData`;
    const parts: string[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) { parts.push(buf.slice(pos)); pos = buf.length; break; }
      if (lt > pos) parts.push(buf.slice(pos, lt));
      pos = lt;
      if (buf.startsWith(rowOpen, lt) && endsName(buf.charCodeAt(lt + rowOpen.length))) {
        const tagEnd = tagEndAt(buf, lt);
        if (tagEnd < 0) break;
        let end: number;
        if (buf[tagEnd - 1] === '/') end = tagEnd + 1;
        else {
          const close = buf.indexOf(rowClose, tagEnd);
          if (close < 0) break;
          end = close + rowClose.length;
        }
        parts.push(this.row(buf.slice(lt, end), tagEnd - lt));
        pos = end;
        continue;
      }
      if (buf.startsWith(dataClose, lt)) {
        parts.push(this.newRowsBefore(Infinity));
        this.phase = 'tail';
        break;
      }
      if (lt + dataClose.length > buf.length && !final) break; // may be the start of </sheetData
      const next = buf.indexOf('<', lt + 1);
      if (next < 0) { if (!final) break; parts.push(buf.slice(lt)); pos = buf.length; break; }
      parts.push(buf.slice(lt, next));
      pos = next;
    }
    this.buf = buf.slice(pos);
    return parts.join('');
  }

  /** Rows with changes that the part does not have, before row `r`: written new. */
  private newRowsBefore(r: number): string {
    let out = '';
    while (!this.pending.done && this.pending.value < r) {
      const n = this.pending.value;
      this.pending = this.pendingRows.next();
      if (n <= this.lastRow) continue;
      out += `<${this.p}row r="${n}">${this.cellsFor(n, [])}</${this.p}row>`;
    }
    return out;
  }

  private row(element: string, tagLength: number): string {
    const tag = element.slice(0, tagLength + 1);
    // a row without its number takes it from its first cell, as the reader does (else the next one)
    const r = Number(attr(tag, 'r')?.trim()) || this.firstCellRow(element, tagLength) || this.lastRow + 1;
    let out = this.newRowsBefore(r);
    this.lastRow = r;
    while (!this.pending.done && this.pending.value <= r) this.pending = this.pendingRows.next();
    const changes = this.patch.cellsAt(r) !== undefined || this.patch.fillAt(r) !== undefined || this.patch.marksAt?.(r) !== undefined;
    const dependents = this.broken.size > 0 && element.includes('shared');
    if (!changes && !dependents) return out + element;
    if (tag.endsWith('/>')) {
      out += `${dropAttr(tag.slice(0, -2), 'spans')}>${this.cellsFor(r, [])}</${this.p}row>`;
      return out;
    }
    const body = element.slice(tagLength + 1, element.length - `</${this.p}row>`.length);
    return out + `${dropAttr(tag, 'spans')}${this.cellsFor(r, this.cellsOf(body))}</${this.p}row>`;
  }

  /** The row number of a row's first cell reference (`<c r="A5">` → 5), or 0 when it has none. */
  private firstCellRow(element: string, tagLength: number): number {
    const open = `<${this.p}c`;
    for (let i = element.indexOf(open, tagLength); i >= 0; i = element.indexOf(open, i + open.length)) {
      if (!endsName(element.charCodeAt(i + open.length))) continue;
      const end = tagEndAt(element, i);
      const ref = end < 0 ? undefined : attr(element.slice(i, end + 1), 'r');
      return Number(/\d+$/.exec(ref?.trim() ?? '')?.[0] ?? 0);
    }
    return 0;
  }

  /** The cells of a row's body as (column, source) pairs, and what lies between them. */
  private cellsOf(body: string): Array<{ column: number; xml: string } | string> {
    const open = `<${this.p}c`;
    const close = `</${this.p}c>`;
    const out: Array<{ column: number; xml: string } | string> = [];
    let column = 0;
    let pos = 0;
    // another element whose name begins with the cell's (`<cx/>`) is passed over, and the search goes on after it
    for (let i = body.indexOf(open); i >= 0; i = body.indexOf(open, Math.max(pos, i + 1))) {
      if (!endsName(body.charCodeAt(i + open.length))) continue;
      if (i > pos) out.push(body.slice(pos, i));
      const tagEnd = tagEndAt(body, i);
      if (tagEnd < 0) break;
      const end = body[tagEnd - 1] === '/' ? tagEnd + 1 : body.indexOf(close, tagEnd) + close.length;
      if (end < tagEnd) break;
      const xml = body.slice(i, end);
      column = columnOfTag(body.slice(i, tagEnd + 1), column);
      out.push({ column, xml });
      pos = end;
    }
    if (pos < body.length) out.push(body.slice(pos));
    return out;
  }

  /** A row's cells with the new ones merged in, in column order (and marked cells coloured). */
  private cellsFor(r: number, existing: Array<{ column: number; xml: string } | string>): string {
    const edits = this.patch.cellsAt(r) ?? [];
    const marks = this.patch.marksAt?.(r) ?? [];
    const fill = this.patch.fillAt(r);
    const fillTo = fill ? this.patch.fillTo : 0;
    let e = 0;
    let k = 0;
    let col = 0; // the last column written
    let headerStyle: number | undefined;
    const added = this.patch.added;
    const header = added !== undefined && r === added.headerRow;
    let out = '';
    /** the mark of column c, if any (columns are asked in ascending order) */
    const markOf = (c: number) => {
      while (k < marks.length && marks[k].column < c) k++;
      return k < marks.length && marks[k].column === c ? marks[k].fill : undefined;
    };
    const upTo = (stop: number) => {
      // columns col+1 … stop-1 have no cell: the new ones go there, marked blanks, and blanks of a filled row up to fillTo
      let c = col + 1;
      while (c < stop) {
        while (e < edits.length && edits[e].column < c) e++;
        const nextEdit = e < edits.length ? edits[e].column : Infinity;
        const mark = markOf(c);
        const nextMark = k < marks.length ? marks[k].column : Infinity;
        if (nextEdit === c) { out += this.newCell(r, edits[e++], header && c >= added!.from && c <= added!.to ? headerStyle : undefined, mark ?? fill); c++; }
        else if (mark) { out += `<${this.p}c r="${columnLetter(c)}${r}" s="${this.fillStyle(undefined, mark)}"/>`; c++; }
        else if (c <= fillTo) { out += `<${this.p}c r="${columnLetter(c)}${r}" s="${this.fillStyle(undefined, fill!)}"/>`; c++; }
        else c = Math.min(stop, nextEdit, nextMark);
      }
    };
    for (const piece of existing) {
      if (typeof piece === 'string') { out += piece; continue; }
      if (piece.column <= col) { out += piece.xml; continue; } // out of order: left as it is
      // new header cells look like the header's last one
      if (header && piece.column === added!.from - 1) headerStyle = Number(attr(piece.xml.slice(0, tagEndAt(piece.xml, 0) + 1), 's')) || undefined;
      upTo(piece.column);
      col = piece.column;
      const mark = markOf(piece.column);
      while (e < edits.length && edits[e].column < piece.column) e++;
      if (e < edits.length && edits[e].column === piece.column) {
        this.noteBroken(piece.xml, r, piece.column);
        out += this.newCell(r, edits[e++], Number(attr(piece.xml.slice(0, tagEndAt(piece.xml, 0) + 1), 's')) || undefined, mark ?? fill);
      } else {
        out += this.kept(piece.xml, r, piece.column, mark ?? fill);
      }
    }
    const last = Math.max(fillTo, edits.length ? edits[edits.length - 1].column : 0, marks.length ? marks[marks.length - 1].column : 0);
    upTo(last + 1);
    return out;
  }

  /** A replaced cell that began a shared formula: its other cells get the formula moved to them. */
  private noteBroken(xml: string, row: number, column: number): void {
    const f = /<([\w.-]+:)?f(\s[^>]*)>([^<]*)</.exec(xml);
    if (!f || attr(f[0], 't') !== 'shared' || attr(f[0], 'ref') === undefined) return;
    const si = attr(f[0], 'si');
    if (si !== undefined) this.broken.set(si, { formula: decodeXml(f[3]), row, column });
  }

  /** An existing cell kept, with the row's fill, a reference and, for a broken shared formula, a formula of its own. */
  private kept(xml: string, r: number, column: number, fill: string | undefined): string {
    const tagEnd = tagEndAt(xml, 0);
    let tag = xml.slice(0, tagEnd + 1);
    let rest = xml.slice(tagEnd + 1);
    if (tag.indexOf(' r=') < 0 && attr(tag, 'r') === undefined) tag = setAttr(tag, 'r', `${columnLetter(column)}${r}`);
    if (fill) {
      // the style attribute replaced in place, found by the attribute grammar (`s = '&#57;'` is style 9)
      const at = attrSpan(tag, 's');
      if (at) {
        const raw = tag.slice(at.from, at.to);
        const base = raw.indexOf('&') < 0 ? Number(raw) : Number(decodeXml(raw));
        tag = `${tag.slice(0, at.from)}${this.fillStyle(Number.isInteger(base) && base >= 0 ? base : undefined, fill)}${tag.slice(at.to)}`;
      } else {
        const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
        tag = `${tag.slice(0, end)} s="${this.fillStyle(undefined, fill)}"${tag.slice(end)}`;
      }
    }
    if (this.broken.size && rest.includes('shared')) {
      rest = rest.replace(/<([\w.-]+:)?f(\s[^>]*?)(\/>|>\s*<\/([\w.-]+:)?f>)/, (m, fp: string | undefined, attrs: string) => {
        const si = attr(` ${attrs}`, 'si');
        const master = si === undefined ? undefined : this.broken.get(si);
        if (!master || attr(` ${attrs}`, 't') !== 'shared') return m;
        const q = fp ?? '';
        return `<${q}f>${xmlText(shiftFormula(master.formula, r - master.row, column - master.column))}</${q}f>`;
      });
    }
    return tag + rest;
  }

  private readonly fillStyles = new Map<string, Map<number, number>>();

  /** The style of a cell of format `base` in a row filled `fill` (memoised: every cell of a filled row asks). */
  private fillStyle(base: number | undefined, fill: string): number {
    let byBase = this.fillStyles.get(fill);
    if (!byBase) this.fillStyles.set(fill, (byBase = new Map()));
    const key = base ?? -1;
    let s = byBase.get(key);
    if (s === undefined) byBase.set(key, (s = this.styles.variant(base, { fill })));
    return s;
  }

  private newCell(r: number, cell: PatchCell, base: number | undefined, fill: string | undefined): string {
    const { p } = this;
    const ref = `${columnLetter(cell.column)}${r}`;
    const quote = typeof cell.value === 'string' && !cell.formula && looksLikeFormula(cell.value);
    const want: StyleWant = { fill, bold: cell.bold, numFmt: cell.numFmt, quotePrefix: quote };
    const styled = fill || cell.bold || cell.numFmt || quote ? this.styles.variant(base, want) : base;
    const s = styled === undefined ? '' : ` s="${styled}"`;
    const v = cell.value;
    if (cell.formula !== undefined) {
      const f = `<${p}f>${xmlText(cell.formula)}</${p}f>`;
      if (typeof v === 'string') return `<${p}c r="${ref}"${s} t="str">${f}<${p}v>${xmlText(v)}</${p}v></${p}c>`;
      if (typeof v === 'number' && Number.isFinite(v)) return `<${p}c r="${ref}"${s}>${f}<${p}v>${v}</${p}v></${p}c>`;
      return `<${p}c r="${ref}"${s}>${f}</${p}c>`;
    }
    if (v === null || v === '') return `<${p}c r="${ref}"${s}/>`;
    if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (typeof v === 'number' && Number.isFinite(v)) return `<${p}c r="${ref}"${s}><${p}v>${v}</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${cellXmlText(String(v))}</${p}t></${p}is></${p}c>`;
  }

  /** The part's head: the dimension covers the new cells, the new columns get their widths. */
  private patchHead(head: string): string {
    const { p } = this;
    // another sheet opens first: this one is no longer selected (two selected tabs are a group)
    if (this.opts.unselect) head = head.replace(new RegExp(`(<${p}sheetView\\b[^>]*?)\\s+tabSelected\\s*=\\s*["'](?:1|true)["']`, 'g'), '$1');
    let out = head.replace(new RegExp(`(<${p}dimension\\s[^>]*?ref=")([^"]*)(")`), (m, a: string, ref: string, b: string) => {
      const r = parseRange(ref);
      if (!r) return m;
      const c2 = Math.max(r.c2, this.maxColumn);
      const r2 = Math.max(r.r2, this.maxRow);
      return `${a}${columnLetter(r.c1)}${r.r1}:${columnLetter(c2)}${r2}${b}`;
    });
    const added = this.patch.added;
    if (!added || !added.widths.size) return out;
    const colsOpen = new RegExp(`<${p}cols(\\s[^>]*)?>([\\s\\S]*?)</${p}cols>`);
    const m = colsOpen.exec(out);
    const existing = m ? [...m[2].matchAll(new RegExp(`<${p}col\\s[^>]*?/>|<${p}col\\s[^>]*?>[\\s\\S]*?</${p}col>`, 'g'))].map((x) => x[0]) : [];
    const covered = (c: number) => existing.some((x) => Number(attr(x, 'min')) <= c && c <= Number(attr(x, 'max')));
    const extra = [...added.widths].filter(([c]) => !covered(c)).map(([c, w]) => `<${p}col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
    if (!extra.length) return out;
    const all = [...existing, ...extra].sort((a, b) => Number(attr(a, 'min')) - Number(attr(b, 'min')));
    if (m) return out.slice(0, m.index) + `<${p}cols${m[1] ?? ''}>${all.join('')}</${p}cols>` + out.slice(m.index + m[0].length);
    const at = out.lastIndexOf(`<${p}sheetData`);
    out = `${out.slice(0, at)}<${p}cols>${all.join('')}</${p}cols>${out.slice(at)}`;
    return out;
  }

  /** The part's tail: the auto-filter covers the added columns; a sheet with notes names their drawing. */
  private patchTail(tail: string): string {
    const { p } = this;
    let out = tail.replace(new RegExp(`(<${p}autoFilter\\s[^>]*?ref=")([^"]*)(")`), (_m, a: string, ref: string, b: string) => `${a}${widenedFilter(ref, this.patch.added)}${b}`);
    const legacy = new RegExp(`<${p}legacyDrawing\\s[^>]*>`).exec(out);
    if (legacy) {
      this.legacyDrawing = /\s[\w.-]+:id\s*=\s*["']([^"']+)["']/.exec(legacy[0])?.[1];
      return out;
    }
    if (!this.opts.legacyDrawing) return out;
    const element = `<${p}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${xmlText(this.opts.legacyDrawing)}"/>`;
    let at = -1;
    for (const name of AFTER_LEGACY_DRAWING) {
      const m = new RegExp(`<${p}${name}[\\s/>]`).exec(out);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    // controls and OLE objects are often wrapped for older readers: the wrapper goes after the drawing too
    for (const m of out.matchAll(/<([\w.-]+):AlternateContent[\s>]/g)) {
      const close = out.indexOf(`</${m[1]}:AlternateContent>`, m.index);
      const inner = close < 0 ? '' : out.slice(m.index, close);
      if (/<[\w.-]*:?(?:controls|oleObjects)[\s>]/.test(inner) && (at < 0 || m.index < at)) { at = m.index; break; }
    }
    if (at < 0) at = out.lastIndexOf(`</${p}worksheet`);
    if (at < 0) return out;
    this.legacyDrawing = this.opts.legacyDrawing;
    out = out.slice(0, at) + element + out.slice(at);
    return out;
  }
}
