import { posix } from 'node:path';
import { attr, decodeXml, prefixedAttr, rootPrefix, startTags, stringItemText } from './xml.js';

/** The workbook's sheets in tab order, and its date system. Names stay values, never object keys. */
export interface WorkbookPart {
  sheets: Array<{ name: string; relId: string }>;
  date1904: boolean;
  definedNames: number;
}

export function parseWorkbook(xml: string): WorkbookPart {
  const p = rootPrefix(xml, 'workbook');
  const sheets: WorkbookPart['sheets'] = [];
  for (const tag of startTags(xml, `${p}sheet`)) {
    const name = attr(tag, 'name');
    const relId = prefixedAttr(tag, 'id') ?? attr(tag, 'id');
    if (name !== undefined && relId) sheets.push({ name, relId });
  }
  let date1904 = false;
  for (const tag of startTags(xml, `${p}workbookPr`)) {
    const v = attr(tag, 'date1904');
    date1904 = v === '1' || v === 'true';
  }
  let definedNames = 0;
  for (const _ of startTags(xml, `${p}definedName`)) definedNames += 1;
  return { sheets, date1904, definedNames };
}

/** Relationships of a part: id → target path inside the zip (resolved, no leading slash). */
export function parseRels(xml: string, sourcePart: string): Map<string, { target: string; type: string }> {
  const p = rootPrefix(xml, 'Relationships');
  const base = posix.dirname(sourcePart);
  const out = new Map<string, { target: string; type: string }>();
  for (const tag of startTags(xml, `${p}Relationship`)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!id || !target || attr(tag, 'TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    out.set(id, { target: path, type: attr(tag, 'Type') ?? '' });
  }
  return out;
}

/** Built-in number formats that show dates: 14–22, 45–47, and the CJK ones 27–36, 50–58. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time when, outside quotes and brackets, it has y m d h s (as exceljs decides). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index (`s="3"`): does its number format show a date? */
export function parseStyles(xml: string): boolean[] {
  const p = rootPrefix(xml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, `${p}numFmt`)) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code.replace(/\\(.)/g, '$1'));
  }
  const start = xml.indexOf(`<${p}cellXfs`);
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  if (start < 0 || end < 0) return [];
  const out: boolean[] = [];
  for (const tag of startTags(xml, `${p}xf`, start, end)) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id));
  }
  return out;
}

/**
 * Shared strings, streamed: call `push` with the inflated bytes; each complete `<si>` becomes one
 * string (rich text runs joined, phonetic runs left out). Works on the bytes so every string is
 * decoded on its own: a flat string of its own, not a slice that keeps a whole chunk alive.
 */
export class SharedStringsParser {
  readonly strings: string[] = [];
  private pending: Buffer | undefined;
  private prefix: string | undefined;
  private open!: Buffer;
  private close!: Buffer;
  private tOpen!: Buffer;
  private tClose!: Buffer;

  push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const buf = this.pending?.length ? Buffer.concat([this.pending, bytes]) : bytes;
    this.pending = undefined;
    if (this.prefix === undefined) {
      const m = /<([\w.-]+:)?sst[\s>]/.exec(buf.toString('latin1', 0, Math.min(buf.length, 65536)));
      if (!m) { this.pending = buf; return; }
      const p = (this.prefix = m[1] ?? '');
      this.open = Buffer.from(`<${p}si`, 'latin1');
      this.close = Buffer.from(`</${p}si>`, 'latin1');
      this.tOpen = Buffer.from(`<${p}t>`, 'latin1');
      this.tClose = Buffer.from(`</${p}t>`, 'latin1');
    }
    let pos = 0;
    for (;;) {
      const s = buf.indexOf(this.open, pos);
      if (s < 0) { pos = Math.max(pos, buf.length - this.open.length); break; } // keep a tag cut in half
      const after = buf[s + this.open.length];
      if (after === undefined) { pos = s; break; }
      if (after !== 62 && after !== 32 && after !== 47) { pos = s + 1; continue; } // <sis… is not <si
      const gt = buf.indexOf(62, s);
      if (gt < 0) { pos = s; break; }
      if (buf[gt - 1] === 47) { this.strings.push(''); pos = gt + 1; continue; } // <si/>
      const e = buf.indexOf(this.close, gt);
      if (e < 0) { pos = s; break; }
      // the common case, <si><t>text</t></si>, without the general run scan
      const a = gt + 1 + this.tOpen.length;
      const b = e - this.tClose.length;
      if (b >= a && buf.compare(this.tOpen, 0, this.tOpen.length, gt + 1, a) === 0 && buf.compare(this.tClose, 0, this.tClose.length, b, e) === 0 && buf.indexOf(60, a) === b) {
        this.strings.push(decodeXml(buf.toString('utf8', a, b)));
      } else {
        this.strings.push(stringItemText(buf.toString('utf8', gt + 1, e), this.prefix));
      }
      pos = e + this.close.length;
    }
    this.pending = pos < buf.length ? Buffer.from(buf.subarray(pos)) : undefined;
  }
}
