import { fromExcelSerial } from '../../cells/date.js';
import type { RawCell, RawRow } from '../types.js';
import { decodeXml, stringItemText } from './xml.js';

export interface ScanContext {
  strings: readonly string[];
  /** per style index: the number format shows a date */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** `B12` → 2; the column letters of a cell reference. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** The quoted value after `name` (` r=`) inside `tag`, either quote; undefined when absent. Hot path: no regex. */
function attrOf(tag: string, name: string): string | undefined {
  const i = tag.indexOf(name);
  if (i < 0) return undefined;
  const q = i + name.length;
  const end = tag.indexOf(tag[q], q + 1);
  return end < 0 ? undefined : tag.slice(q + 1, end);
}

/**
 * Scans a worksheet's XML as it streams in, row by row: feed decoded text chunks to `push`,
 * which returns the rows completed so far. Handles shared and inline strings, rich text,
 * booleans, errors, `t="d"` dates, date-formatted numbers, formulas with or without a cached
 * result, cells without `r`, and any namespace prefix. After `</sheetData>` it collects the
 * merged ranges, which the reader checks against its cell budget.
 */
export class SheetScanner {
  private buf = '';
  private prefix: string | undefined;
  private lastRow = 0;
  private done = false;
  /** cells covered by merged ranges, summed */
  mergedCells = 0;
  private tags!: { row: string; rowClose: string; c: string; cClose: string; v: string; vClose: string; f: string; fClose: string; is: string; isClose: string; sheetDataClose: string; mergeCell: string };

  constructor(private readonly ctx: ScanContext) {}

  private setPrefix(p: string) {
    this.prefix = p;
    this.tags = {
      row: `<${p}row`, rowClose: `</${p}row>`, c: `<${p}c`, cClose: `</${p}c>`, v: `<${p}v`, vClose: `</${p}v>`,
      f: `<${p}f`, fClose: `</${p}f>`, is: `<${p}is>`, isClose: `</${p}is>`, sheetDataClose: `</${p}sheetData>`, mergeCell: `<${p}mergeCell `,
    };
  }

  push(chunk: string, out: RawRow[]): void {
    let buf = this.buf.length ? this.buf + chunk : chunk;
    if (this.prefix === undefined) {
      const m = /<([\w.-]+:)?worksheet[\s>]/.exec(buf);
      if (!m) { this.buf = buf; return; }
      this.setPrefix(m[1] ?? '');
    }
    if (this.done) { this.buf = this.scanMerges(buf); return; }
    const t = this.tags;
    let pos = 0;
    // where the rows end, looked up once per chunk (not once per row: that would be quadratic)
    const endData = buf.indexOf(t.sheetDataClose);
    const limit = endData < 0 ? buf.length : endData;
    for (;;) {
      const start = buf.indexOf(t.row, pos);
      if (start < 0 || start >= limit) {
        if (endData >= 0) {
          this.done = true;
          this.buf = this.scanMerges(buf.slice(endData));
          return;
        }
        pos = Math.max(pos, buf.length - t.sheetDataClose.length);
        break;
      }
      if (start + t.row.length >= buf.length) { pos = start; break; } // `<row` cut at the chunk's end
      const next = buf.charCodeAt(start + t.row.length);
      if (next !== 32 && next !== 62 && next !== 47 && next !== 10 && next !== 13 && next !== 9) { pos = start + 1; continue; }
      const gt = buf.indexOf('>', start);
      if (gt < 0) { pos = start; break; }
      const rAttr = attrOf(buf.slice(start, gt), ' r=');
      const rowNumber = rAttr ? Number(rAttr) : this.lastRow + 1;
      if (buf.charCodeAt(gt - 1) === 47) { this.lastRow = rowNumber; pos = gt + 1; continue; } // <row/>
      const end = buf.indexOf(t.rowClose, gt);
      if (end < 0) { pos = start; break; }
      this.lastRow = rowNumber;
      const cells = this.scanCells(buf, gt + 1, end);
      if (cells.length) out.push({ row: rowNumber, cells });
      pos = end + t.rowClose.length;
    }
    this.buf = buf.slice(pos);
    buf = '';
  }

  /** Any text left over when the stream ends is incomplete XML. */
  get incomplete(): boolean {
    return !this.done && this.prefix !== undefined && this.buf.indexOf(this.tags.row) >= 0;
  }

  private scanMerges(buf: string): string {
    const open = this.tags.mergeCell;
    let pos = 0;
    for (let i = buf.indexOf(open); i >= 0; i = buf.indexOf(open, pos)) {
      const gt = buf.indexOf('>', i);
      if (gt < 0) return buf.slice(i);
      const ref = attrOf(buf.slice(i, gt), ' ref=');
      if (ref) this.mergedCells += areaOf(ref);
      pos = gt + 1;
    }
    return buf.slice(Math.max(pos, buf.length - open.length));
  }

  private scanCells(buf: string, from: number, to: number): Array<RawCell | undefined> {
    const t = this.tags;
    const cells: Array<RawCell | undefined> = [];
    let col = 0;
    for (let i = buf.indexOf(t.c, from); i >= 0 && i < to; i = buf.indexOf(t.c, i + 1)) {
      const next = buf.charCodeAt(i + t.c.length);
      if (next !== 32 && next !== 62 && next !== 47 && next !== 10 && next !== 13 && next !== 9) continue;
      const gt = buf.indexOf('>', i);
      const tag = buf.slice(i, gt);
      const ref = attrOf(tag, ' r=');
      col = ref ? columnOf(ref) : col + 1;
      if (buf.charCodeAt(gt - 1) === 47) continue; // <c …/>: styled but empty
      const end = buf.indexOf(t.cClose, gt);
      const cell = this.cellValue(tag, buf.slice(gt + 1, end));
      if (cell) cells[col] = cell;
      i = end;
    }
    return cells;
  }

  private cellValue(tag: string, inner: string): RawCell | undefined {
    const t = this.tags;
    const type = attrOf(tag, ' t=');
    let formula: string | undefined;
    const f = inner.indexOf(t.f);
    if (f >= 0) {
      const fgt = inner.indexOf('>', f);
      formula = inner.charCodeAt(fgt - 1) === 47 ? '' : decodeXml(inner.slice(fgt + 1, inner.indexOf(t.fClose, fgt)));
    }
    let raw: string | undefined;
    if (type === 'inlineStr') {
      const s = inner.indexOf(t.is);
      if (s >= 0) raw = stringItemText(inner.slice(s + t.is.length, inner.indexOf(t.isClose, s)), this.prefix!);
    } else {
      const v = inner.indexOf(t.v);
      if (v >= 0) {
        const vgt = inner.indexOf('>', v);
        if (inner.charCodeAt(vgt - 1) !== 47) raw = inner.slice(vgt + 1, inner.indexOf(t.vClose, vgt));
      }
    }
    // `<v></v>` (openpyxl's uncached formula) holds nothing, except for a string that is empty
    if (raw === undefined || (raw === '' && type !== 'str' && type !== 'inlineStr' && type !== 's')) {
      return formula !== undefined ? { value: null, formula } : undefined;
    }
    let cell: RawCell;
    switch (type) {
      case 's': {
        const s = this.ctx.strings[Number(raw)];
        cell = { value: s ?? null };
        break;
      }
      case 'str':
      case 'inlineStr':
        cell = { value: type === 'str' ? decodeXml(raw) : raw };
        break;
      case 'b':
        cell = { value: raw === '1' || raw === 'true' };
        break;
      case 'e':
        cell = { value: null, error: decodeXml(raw) };
        break;
      case 'd': {
        const iso = decodeXml(raw);
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
        cell = { value: Number.isNaN(d.getTime()) ? iso : d };
        break;
      }
      default: {
        const n = Number(raw);
        const s = attrOf(tag, ' s=');
        cell = { value: s !== undefined && this.ctx.dateStyles[Number(s)] && Number.isFinite(n) ? fromExcelSerial(n, this.ctx.date1904) : n };
      }
    }
    if (formula !== undefined) cell.formula = formula;
    return cell;
  }
}

/** Cells in a range `A1:C3` (9); a single cell counts 1. */
export function areaOf(ref: string): number {
  const [a, b = a] = ref.split(':');
  const parse = (r: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(r);
    return m ? { c: columnOf(m[1]), r: Number(m[2]) } : undefined;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return 0;
  return (Math.abs(y.c - x.c) + 1) * (Math.abs(y.r - x.r) + 1);
}
