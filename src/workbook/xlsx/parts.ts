import { localized } from '../../i18n/catalog.js';
import { tooLong } from '../types.js';
import { posix } from 'node:path';
import { UnreadableFileError } from '../types.js';
import { StringTable } from './string-table.js';
import { attr, decodeXml, findClose, isNameByte, MarkupNormalizer, tailOf, prefixedAttr, rootPrefix, startTags, stringItemText, unescapedText } from './xml.js';

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
  // one pass, no regular expression: a format code is the file's to write, however long
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (quoted) { if (c === 34) quoted = false; continue; }
    if (bracket) { if (c === 93) bracket = false; continue; }
    if (c === 34) quoted = true;
    else if (c === 91) bracket = true;
    else if (c === 92) i++; // \x: a literal character
    else if (c === 121 || c === 109 || c === 100 || c === 104 || c === 77 || c === 115 || c === 98) return true; // y m d h M s b
  }
  return false;
}

/** For each cell style index (`s="3"`): does its number format show a date? */
export function parseStyles(xml: string): boolean[] {
  const p = rootPrefix(xml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, `${p}numFmt`)) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
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
 * string (rich text runs joined, phonetic runs left out), any prefix. Works on the bytes so every
 * string is decoded on its own: a flat string of its own, not a slice that keeps a whole chunk
 * alive. Bytes of an unfinished item are kept as pieces, joined only when it closes (linear in
 * the input); an item beyond `maxRowBytes` or a string beyond `maxStringChars` is refused.
 */
export class SharedStringsParser {
  /** the texts, held as bytes (string-table.ts) */
  readonly strings = new StringTable();
  /** the item text() read last was more than one element (SharedText.rich) */
  private runs = false;
  private pieces: Buffer[] = [];
  private pieceBytes = 0;

  constructor(private readonly limits: { maxStringChars: number; maxRowBytes: number } = { maxStringChars: Infinity, maxRowBytes: Infinity }) {}

  private readonly markup = new MarkupNormalizer();

  push(chunk: Buffer | string): void {
    const bytes = this.markup.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    // where the last item ending in this piece ends, and, when an item was left open, where it ends: at the
    // first close, one that began in the last 64 bytes kept and ends in this piece's first 64 (across the
    // seam; MarkupNormalizer holds back a close cut at a piece's end, so it is seldom), or one in this piece
    const last = findClose(bytes, SI, 'last');
    let firstEnd = -1;
    if (this.pieces.length) {
      const before = tailOf(this.pieces, 64);
      const seam = Buffer.concat([before, bytes.subarray(0, 64)]);
      const across = findClose(seam, SI, 'first');
      if (across >= 0) firstEnd = seam.indexOf(GT, across) + 1 - before.length;
      else if (last >= 0) firstEnd = bytes.indexOf(GT, findClose(bytes, SI, 'first')) + 1;
    }
    const end = Math.max(last, firstEnd);
    if (end < 0) {
      this.pieces.push(bytes);
      this.pieceBytes += bytes.length;
      if (this.pieceBytes > this.limits.maxRowBytes) throw tooLong(localized('piece.shared-string'), this.limits.maxRowBytes, 'maxRowBytes');
      return;
    }
    // the item left open joined with its end only, not with the whole piece (each piece was copied twice:
    // 34 MB of buffers at 300,000 orders, which V8 counts towards its next full collection)
    let from = 0;
    if (this.pieces.length) {
      const head = Buffer.concat([...this.pieces, bytes.subarray(0, firstEnd)], this.pieceBytes + firstEnd);
      const reached = this.items(head, 0, head.length);
      if (reached < head.length) {
        // an item that does not end at that close (a start tag running on past it: not XML, helper-82): the
        // rest read from it over the whole piece joined, as it was before, so even such a table reads the same
        const buf = Buffer.concat([...this.pieces, bytes], this.pieceBytes + bytes.length);
        const last = buf.length - bytes.length + end;
        this.items(buf, reached, last);
        this.keep(buf, last);
        return;
      }
      from = firstEnd;
    }
    this.items(bytes, from, end);
    this.keep(bytes, end);
  }

  /** What follows the last item read, kept (a copy) for the next piece. */
  private keep(b: Buffer, from: number): void {
    this.pieces = from < b.length ? [Buffer.from(b.subarray(from))] : [];
    this.pieceBytes = b.length - from;
  }

  /** The table has ended: a string left open means the part was cut short (strings would be missing). */
  end(): void {
    const rest = this.pieces.length ? Buffer.concat(this.pieces).toString('utf8') : '';
    if (/<([\w.-]+:)?si[\s>]/.test(rest)) throw new UnreadableFileError('corrupt', { detail: localized('corrupt.strings-open') });
    this.strings.trim();
  }

  /** Every `<si>` that starts and ends in [from, end); where it stopped: `end`, or the `<` of an item it could not finish there. */
  private items(b: Buffer, from: number, end: number): number {
    for (let i = b.indexOf(60, from); i >= 0 && i < end; i = b.indexOf(60, i + 1)) {
      if (b[i + 1] === 47) continue;
      const plain = this.plainItem(b, i, end);
      if (plain > 0) { i = plain; continue; }
      let j = i + 1;
      let start = j;
      while (j < end && (isNameByte(b[j]) || b[j] === 58)) { if (b[j] === 58) start = j + 1; j++; }
      if (j - start !== 2 || b[start] !== 115 || b[start + 1] !== 105) continue; // not <si
      const gt = b.indexOf(62, j);
      if (gt < 0 || gt >= end) return i;
      if (b[gt - 1] === 47) { this.strings.push(''); i = gt; continue; } // <si/>
      const close = findClose(b, SI, 'after', gt, end);
      if (close < 0) return i;
      this.strings.push(this.text(b, gt + 1, close));
      if (this.runs) this.strings.markRich();
      i = close;
    }
    return end;
  }

  /**
   * The item most writers write for most strings, `<si><t>text</t></si>` with no prefix, no
   * attribute and no entity, taken in at `i` (its `<`) without the general path's strings: ASCII
   * text is copied into the table as it is, other text decoded once. Where the item ends (the `>` of
   * `</si>`), or 0 when it is not one of these (the general path reads it).
   */
  private plainItem(b: Buffer, i: number, end: number): number {
    if (b[i + 1] !== 115 || b[i + 2] !== 105 || b[i + 3] !== 62 || b[i + 4] !== 60 || b[i + 5] !== 116 || b[i + 6] !== 62) return 0; // <si><t>
    const from = i + 7;
    const lt = b.indexOf(60, from);
    if (lt < 0 || lt + 9 > end) return 0;
    // </t></si>
    if (b[lt + 1] !== 47 || b[lt + 2] !== 116 || b[lt + 3] !== 62 || b[lt + 4] !== 60 || b[lt + 5] !== 47 || b[lt + 6] !== 115 || b[lt + 7] !== 105 || b[lt + 8] !== 62) return 0;
    let ascii = true;
    for (let k = from; k < lt; k++) {
      const c = b[k];
      if (c === 38) return 0; // an entity: the general path decodes it
      if (c === 95 && b[k + 1] === 120) return 0; // _x: maybe an escape (unescapedText), the general path reads it
      if (c > 127) ascii = false;
    }
    if (ascii) {
      this.within(lt - from);
      this.strings.pushAscii(b, from, lt);
    } else {
      const s = b.toString('utf8', from, lt);
      this.within(s.length);
      this.strings.push(s);
    }
    return lt + 8;
  }

  /** A string of `chars` characters is within the limit, or the part is refused. */
  private within(chars: number): void {
    if (chars > this.limits.maxStringChars) throw tooLong(localized('piece.shared-string'), this.limits.maxStringChars, 'maxStringChars');
  }

  /** An item's text: the common `<t>text</t>` read directly, anything else through the run scanner. */
  private text(b: Buffer, from: number, to: number): string {
    const a = b.indexOf(60, from);
    const c = a >= 0 && a < to ? b.indexOf(60, a + 1) : -1;
    let s: string;
    // one element, its text (<t>, with attributes or not); more than one: runs, phonetic runs (see SharedText.rich)
    const one = c >= 0 && c < to && b.indexOf(60, c + 1) === to && b[c + 1] === 47;
    this.runs = a >= 0 && a < to && !one;
    if (a === from && one) {
      const gt = b.indexOf(62, a);
      // <t> or <x:t> without attributes
      s = b[gt - 1] === 116 && (b[gt - 2] === 60 || b[gt - 2] === 58) ? decodeXml(b.toString('utf8', gt + 1, c)) : stringItemText(b.toString('utf8', from, to));
    } else s = stringItemText(b.toString('utf8', from, to));
    s = unescapedText(s);
    this.within(s.length);
    return s;
  }
}

const SI = Buffer.from('si>', 'latin1');
const GT = 0x3e;
