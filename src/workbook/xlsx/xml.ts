import { localized } from '../../i18n/catalog.js';
/**
 * Just enough XML for SpreadsheetML, written for speed: the parts are machine-written, so a
 * scanner over known element names (with whatever namespace prefix the file uses) is enough.
 */
import { UnreadableFileError } from '../types.js';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const enum Mode { Text, CData, Comment, Instruction }
const CDATA_OPEN = Buffer.from('<![CDATA[', 'latin1');

/**
 * What any conforming writer may put in a part, made into what the scanners read (XML 1.0 §2.5,
 * §2.6, §2.7): a CDATA section becomes its text escaped (`<![CDATA[a</row>]]>` → `a&lt;/row&gt;`),
 * comments and processing instructions are dropped. Streamed: a section may span chunks. Parts
 * without `<!` or `<?` pass through as they are (two searches a chunk).
 */
const DOCTYPE = Buffer.from('<!DOCTYPE', 'latin1');

export class MarkupNormalizer {
  private mode = Mode.Text;
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer {
    return closeTags(this.sections(chunk), this);
  }

  /** an end tag cut at the chunk's end (`</row` without its `>`), kept for the next one */
  tagCarry: Buffer = Buffer.alloc(0);

  private sections(chunk: Buffer): Buffer {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (this.mode === Mode.Text && !hasSectionStart(data)) {
      // a `<` at the very end may begin a section: keep it for the next chunk
      if (data[data.length - 1] === 60) { this.carry = Buffer.from(data.subarray(data.length - 1)); return data.subarray(0, data.length - 1); }
      return data;
    }
    const out: Buffer[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.mode === Mode.Text) {
        const k = sectionStart(data, i);
        if (k < 0) { out.push(data.subarray(i)); break; }
        out.push(data.subarray(i, k));
        const rest = data.length - k;
        if (data[k + 1] === 63) { this.mode = Mode.Instruction; i = k + 2; continue; }
        if (rest < 9 && CDATA_OPEN.subarray(0, rest).equals(data.subarray(k)) || rest < 4) { this.carry = Buffer.from(data.subarray(k)); break; }
        if (data.subarray(k, k + 9).equals(CDATA_OPEN)) { this.mode = Mode.CData; i = k + 9; continue; }
        if (data[k + 2] === 45 && data[k + 3] === 45) { this.mode = Mode.Comment; i = k + 4; continue; }
        // a declaration (<!DOCTYPE …>, with its internal subset […] when it has one): dropped like an instruction;
        // any other <! is no XML (`<!<c r="I150">` dropped a cell up to its >: outsider helper-95): passed on as it is,
        // for the reader to refuse where it stands (the rows before it read)
        if (rest < 9 && DOCTYPE.subarray(0, rest).equals(data.subarray(k))) { this.carry = Buffer.from(data.subarray(k)); break; }
        if (!data.subarray(k, k + 9).equals(DOCTYPE)) { out.push(data.subarray(k, k + 2)); i = k + 2; continue; }
        const bracket = data.indexOf(91, k);
        const firstGt = data.indexOf(62, k);
        const end = bracket >= 0 && (firstGt < 0 || bracket < firstGt) ? data.indexOf(']>', bracket) : firstGt;
        if (end < 0) { this.carry = Buffer.from(data.subarray(k)); break; }
        // entities declared there would change what the text says (&ji; for 加急): such a part is refused, never read without them
        if (bracket >= 0 && end > bracket && /<!ENTITY/i.test(data.toString('latin1', bracket, end))) throw new UnreadableFileError('dtd-entities');
        i = end + (end === firstGt ? 1 : 2);
        continue;
      }
      const close = this.mode === Mode.CData ? ']]>' : this.mode === Mode.Comment ? '-->' : '?>';
      const e = data.indexOf(close, i);
      if (e < 0) {
        // keep what may be the start of the closing mark
        const keep = Math.min(close.length - 1, data.length - i);
        if (this.mode === Mode.CData) out.push(escapeBytes(data.subarray(i, data.length - keep)));
        this.carry = Buffer.from(data.subarray(data.length - keep));
        break;
      }
      if (this.mode === Mode.CData) out.push(escapeBytes(data.subarray(i, e)));
      i = e + close.length;
      this.mode = Mode.Text;
    }
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }
}

/**
 * Whether `b` holds `<!` or `<?`. Looked for by their second byte, which markup seldom has: a search
 * for `<!` stops at every `<` of a sheet, one every few bytes (two such searches were 160 ms of the
 * reading thread at 300,000 rows, issue #25; these two ~12 ms).
 */
function hasSectionStart(b: Buffer): boolean {
  return secondByteAfterLt(b, 33, 0) >= 0 || secondByteAfterLt(b, 63, 0) >= 0;
}

/**
 * Where the next `<!` or `<?` at or after `from` starts, or a `<` that is the last byte (what follows
 * it is not known yet); -1 when there is none. By their second byte, as hasSectionStart: every part
 * begins with `<?xml …?>`, and walking each `<` after it to the end was most of reading a small
 * sheet's markup (issue #25: 2,000 small workbooks).
 */
export function sectionStart(b: Buffer, from: number): number {
  const bang = secondByteAfterLt(b, 33, from + 1);
  const question = secondByteAfterLt(b, 63, from + 1);
  const first = bang < 0 ? question : question < 0 ? bang : Math.min(bang, question);
  if (first >= 0) return first - 1;
  return b.length > from && b[b.length - 1] === 60 ? b.length - 1 : -1;
}

/** The first `byte` at or after `from` that follows a `<`, or -1. */
function secondByteAfterLt(b: Buffer, byte: number, from: number): number {
  for (let j = b.indexOf(byte, from); j >= 0; j = b.indexOf(byte, j + 1)) if (j > 0 && b[j - 1] === 60) return j;
  return -1;
}

/**
 * End tags with white space before their `>` (`</row >`, `</c\t>`, `</si\n>`, XML 1.0 §3.1 ETag) made
 * plain, so that every scanner finds `</row>`. An end tag cut at a chunk's end waits for the next chunk;
 * chunks without a spaced end tag pass as they are (four searches).
 */
function closeTags(chunk: Buffer, state: { tagCarry: Buffer }): Buffer {
  const data = state.tagCarry.length ? Buffer.concat([state.tagCarry, chunk]) : chunk;
  state.tagCarry = EMPTY;
  const lt = data.lastIndexOf('</');
  const cut = lt >= 0 && data.indexOf(62, lt) < 0 && data.length - lt < 256 ? lt : -1;
  const whole = cut >= 0 ? data.subarray(0, cut) : data;
  if (cut >= 0) state.tagCarry = Buffer.from(data.subarray(cut));
  const spaced = whole.indexOf(' >') >= 0 || whole.indexOf('\t>') >= 0 || whole.indexOf('\n>') >= 0 || whole.indexOf('\r>') >= 0;
  if (!spaced) return whole;
  return Buffer.from(whole.toString('latin1').replace(/<\/([^\s<>]+)\s+>/g, '</$1>'), 'latin1');
}
const EMPTY = Buffer.alloc(0);

/** `&`, `<` and `>` of text as character entities (the bytes stay UTF-8). */
function escapeBytes(b: Buffer): Buffer {
  if (b.indexOf(38) < 0 && b.indexOf(60) < 0 && b.indexOf(62) < 0) return b;
  return Buffer.from(b.toString('latin1').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), 'latin1');
}

/** A whole part, normalised (see MarkupNormalizer). */
export function normalizeMarkup(text: string): string {
  if (text.indexOf('<!') < 0 && text.indexOf('<?') < 0) return text;
  return new MarkupNormalizer().push(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(' ')])).toString('utf8').slice(0, -1);
}

/**
 * What is left of one piece of markup followed by the next, as one flat string: `rest + next` is a
 * rope, and V8 searched a rope anew at every `indexOf` of a loop over it (in the checking thread, an
 * HTML export whose 1 MB pieces began inside a tag: 80,000 rows took 30 s, issue #25).
 */
export function joinFlat(rest: string, next: string): string {
  return rest ? [rest, next].join('') : next;
}

/** Decodes the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * The value of attribute `name` in an element's start tag (either quote), decoded. XML allows
 * white space around `=` (`name = "订单"`) and any white space before the name; a value may hold
 * `>` and the other quote.
 */
export function attr(tag: string, name: string): string | undefined {
  const at = attrSpan(tag, name);
  return at && decodeXml(tag.slice(at.from, at.to));
}

/** Where the raw value of attribute `name` lies in a start tag ([from, to), inside its quotes), by the same grammar as attr. */
export function attrSpan(tag: string, name: string): { from: number; to: number } | undefined {
  for (let i = tag.indexOf(name); i >= 0; i = tag.indexOf(name, i + 1)) {
    const before = tag.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let q = i + name.length;
    while (isSpace(tag.charCodeAt(q))) q++;
    if (tag[q] !== '=') continue;
    q++;
    while (isSpace(tag.charCodeAt(q))) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return undefined;
    // the name must start an attribute, not sit inside another's value: count the quotes before it
    if (!outsideValues(tag, i)) continue;
    return { from: q + 1, to: end };
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether position `at` of a start tag lies outside every attribute value. */
function outsideValues(tag: string, at: number): boolean {
  let quote = '';
  for (let k = 0; k < at; k++) {
    const ch = tag[k];
    if (quote) { if (ch === quote) quote = ''; } else if (ch === '"' || ch === "'") quote = ch;
  }
  return !quote;
}

/** A part with a raw `<` where XML allows none (in a tag, an attribute value or text): malformed, refused by name. */
export function notWellFormed(): UnreadableFileError {
  return new UnreadableFileError('corrupt', { detail: localized('corrupt.raw-lt') });
}

/** Where the start tag that begins at `from` (its `<`) ends: its `>`, skipping quoted attribute values (which may hold `>`); -1 when it does not end. */
export function tagEnd(text: string, from: number): number {
  for (let k = from + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 62) return k;
    // a raw < in a tag or an attribute's value is not XML (AttValue, §2.3): refused, never read around
    if (c === 60) throw notWellFormed();
    if (c === 34 || c === 39) {
      // to the closing quote, character by character: a < on the way is no XML
      let e = k + 1;
      for (; e < text.length && text.charCodeAt(e) !== c; e++) if (text.charCodeAt(e) === 60) throw notWellFormed();
      if (e >= text.length) return -1;
      k = e;
    }
  }
  return -1;
}

/** An attribute whose local name is `local`, whatever its prefix (`r:id`, `ns2:id`). */
export function prefixedAttr(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s[\\w.-]+:${local}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  return m ? decodeXml(m[2]) : undefined;
}

/** The namespace prefix of the document element (`x:` for `<x:worksheet`), or ''. */
export function rootPrefix(text: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(text);
  return m?.[1] ?? '';
}

/** Whether the character after `<name` ends the name (space, `>`, `/`, tab, line break): `<rowBreaks` is not `<row`. */
export function endsName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** Every start tag `<p:name …>` or `<p:name …/>` in `text`, as the tag's source text. */
export function* startTags(text: string, name: string, from = 0, to = text.length): Iterable<string> {
  const open = `<${name}`;
  for (let i = text.indexOf(open, from); i >= 0 && i < to; i = text.indexOf(open, i + 1)) {
    if (!endsName(text.charCodeAt(i + open.length))) continue;
    const end = tagEnd(text, i);
    if (end < 0) return;
    yield text.slice(i, end + 1);
  }
}

/**
 * The concatenated text of the `<t>` elements of a string item (`<si>` or `<is>`): plain or
 * rich text runs, leaving out phonetic runs `<rPh>` (furigana/pinyin guides). Any prefix; one
 * pass over the text, however broken (an unterminated tag ends the item).
 */
/**
 * A string's text with the escapes of ECMA-376 (Part 1, 22.9.2.19 ST_Xstring) read: `_xHHHH_` is the
 * character HHHH — Excel and LibreOffice write a carriage return as `_x000D_`, and a text that holds
 * `_x0041_` as `_x005F_x0041_` (outsider helper-95: read as written, an order number was another).
 */
export function unescapedText(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ST_XSTRING, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
const ST_XSTRING = /_x([0-9A-Fa-f]{4})_/g;

export function stringItemText(inner: string): string {
  let text = '';
  let i = inner.indexOf('<');
  while (i >= 0) {
    let j = i + 1;
    const closing = inner.charCodeAt(j) === 47; // '/'
    if (closing) j++;
    let start = j;
    while (j < inner.length && /[\w.:-]/.test(inner[j])) { if (inner[j] === ':') start = j + 1; j++; }
    const local = inner.slice(start, j);
    const gt = inner.indexOf('>', j);
    if (gt < 0) break;
    if (!closing && local === 'rPh') {
      // skip the phonetic run to its end
      const end = findLocalClose(inner, 'rPh', gt + 1);
      if (end < 0) break;
      i = inner.indexOf('<', end + 1);
      continue;
    }
    if (!closing && local === 't' && inner.charCodeAt(gt - 1) !== 47) {
      const end = inner.indexOf('<', gt + 1);
      text += inner.slice(gt + 1, end < 0 ? inner.length : end);
      if (end < 0) break;
      i = end;
      continue;
    }
    i = inner.indexOf('<', gt + 1);
  }
  return decodeXml(text);
}

/** Where `</name>` (any prefix) closes, at or after `from`: the index of its `>`, or -1. */
function findLocalClose(s: string, name: string, from: number): number {
  for (let i = s.indexOf('</', from); i >= 0; i = s.indexOf('</', i + 2)) {
    const gt = s.indexOf('>', i);
    if (gt < 0) return -1;
    const tag = s.slice(i + 2, gt);
    if (tag === name || tag.endsWith(`:${name}`)) return gt;
  }
  return -1;
}

export function isNameByte(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

/**
 * Where `</name>` or `</prefix:name>` starts when the local name `name>` sits at `at`; -1 when
 * it is not a closing tag of exactly that name (`</sheetrow>` is not `</row>`).
 */
export function closeStart(b: Buffer, at: number): number {
  let k = at - 1;
  if (b[k] === 47) return b[k - 1] === 60 ? k - 1 : -1;
  if (b[k] !== 58) return -1;
  k -= 1;
  while (k >= 0 && isNameByte(b[k])) k--;
  return b[k] === 47 && b[k - 1] === 60 ? k - 1 : -1;
}

/**
 * The first (or last) closing tag of a local name in `b`, whatever its prefix: with `first`,
 * where it starts; with `last`, just after it. -1 when there is none (with `first` and `after`, none
 * that ends by `end`).
 */
export function findClose(b: Buffer, name: Buffer, which: 'first' | 'last' | 'after', from = 0, end = b.length): number {
  if (which === 'first' || which === 'after') {
    // 'first': where it starts; 'after' (from `from`): the index just past the tag's start too, i.e. where `</` is
    for (let i = indexOfName(b, name, from); i >= 0 && i + name.length <= end; i = indexOfName(b, name, i + 1)) { const s = closeStart(b, i); if (s >= 0) return s; }
    return -1;
  }
  for (let i = b.lastIndexOf(name); i >= 0; i = i > 0 ? b.lastIndexOf(name, i - 1) : -1) { if (closeStart(b, i) >= 0) return i + name.length; }
  return -1;
}


/**
 * Where `name` next occurs in `b` at or after `from`. A name longer than six bytes is looked for by its
 * last five, then checked whole: node searches a long needle by skipping on its last byte, here a `>`
 * met every few bytes, so `sheetData>` took 55 ms over a 160 MB sheet and `Data>` 7 (issue #25).
 */
function indexOfName(b: Buffer, name: Buffer, from: number): number {
  if (name.length <= 6) return b.indexOf(name, from);
  const head = name.length - 5;
  const tail = name.subarray(head);
  for (let i = b.indexOf(tail, from + head); i >= 0; i = b.indexOf(tail, i + 1)) if (b.compare(name, 0, head, i - head, i) === 0) return i - head;
  return -1;
}

/** The last `n` bytes of the pieces kept (a tag may be cut over several small ones). */
export function tailOf(pieces: readonly Buffer[], n: number): Buffer {
  const parts: Buffer[] = [];
  let have = 0;
  for (let i = pieces.length - 1; i >= 0 && have < n; i--) {
    const p = pieces[i];
    const take = Math.min(p.length, n - have);
    parts.unshift(p.subarray(p.length - take));
    have += take;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
