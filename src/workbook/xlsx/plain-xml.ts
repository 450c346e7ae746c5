import { isNameByte } from './xml.js';

/**
 * Whether `text` is well-formed XML, told quickly for the plain XML that spreadsheet programs
 * write, without a parser's objects: true only when it is sure. The text is one element (with an
 * XML declaration and white space around it at most) of ASCII-named elements and attributes,
 * text and attribute values of characters XML allows as they are, and the five predefined entity
 * and character references. Anything else it passes on (false): a comment, a processing
 * instruction, CDATA, a DOCTYPE, a name with other than ASCII letters, digits and `_:.-`, a
 * control character, an entity it does not know — and also whatever is not well-formed. The
 * conforming parser (saxes, well-formed.ts) then decides, and words the problem. Its allocations
 * were the largest of a small workbook's (a tag object a tag), issue #25.
 *
 * What it accepts is a subset of XML 1.1 (the version the parser is held to) and of XML 1.0:
 * tested against the parser on every part of the fixtures and on mutations of them
 * (test/workbook/plain-xml.test.ts).
 */
export function plainlyWellFormed(text: string): boolean {
  const plain = new PlainXml();
  return plain.push(text) && plain.end();
}

/**
 * What the quick check over text (PlainXml) and over bytes (PlainXmlBytes) share: the elements open, the
 * text's start, what is held for the next piece, and the verdict at the end. Each reads its own kind.
 */
abstract class PlainReading<T extends string | Buffer> {
  protected readonly open: string[] = [];
  protected rooted = false;
  /** the text's start is read: its XML declaration, when it has one */
  protected begun = false;
  /** the text after the last `<` read so far, read with the next piece */
  protected abstract rest: T;
  protected failed = false;

  /** nothing held */
  protected abstract readonly none: T;
  /** Where the text's content starts (after its declaration); undefined while more text is needed to tell, -1 for a declaration that is not plain. */
  protected abstract start(text: T, whole: boolean): number | undefined;
  /** Reads text[0, n) (n: the length, or a `<` of it); false when it cannot tell. */
  protected abstract read(text: T, n: number): boolean;

  /** The text has ended: whether the whole of it is plainly well-formed. */
  end(): boolean {
    if (this.failed) return false;
    let text = this.rest;
    this.rest = this.none;
    if (!this.begun) {
      const start = this.start(text, true);
      if (start === undefined || start < 0) return this.fail();
      text = text.slice(start) as T;
    }
    if (!this.read(text, text.length)) return this.fail();
    return this.rooted && this.open.length === 0;
  }

  protected fail(): false {
    this.failed = true;
    this.rest = this.none;
    return false;
  }
}

/**
 * plainlyWellFormed over a text that comes in pieces, for a part too long to hold whole (a million
 * orders' shared strings are 60 MB of XML, and the conforming parser took 1.3 s of the thread that
 * reads the sheet, before its first row). Each piece is read up to its last `<`, where nothing is cut
 * in two (a tag, a reference, `]]>` and a surrogate pair all end before the next `<`); the rest waits
 * for the next piece. The verdict is the whole text's: false as soon as it cannot tell.
 */
export class PlainXml extends PlainReading<string> {
  protected rest = '';
  protected readonly none = '';

  /** More of the text; false once it is not plainly well-formed (nothing more is read). */
  push(piece: string): boolean {
    if (this.failed) return false;
    let text = this.rest + piece;
    if (!this.begun) {
      const start = this.start(text, false);
      if (start === undefined) { this.rest = text; return true; }
      if (start < 0) return this.fail();
      text = text.slice(start);
    }
    const cut = text.lastIndexOf('<');
    if (cut < 0 || !this.read(text, cut)) {
      // no `<` yet: character data, or what follows the root, that goes on (held, up to a bound)
      if (cut < 0 && text.length <= MAX_REST) { this.rest = text; return true; }
      return this.fail();
    }
    this.rest = text.slice(cut);
    return true;
  }

  protected start(text: string, whole: boolean): number | undefined {
    if (!whole && text.length < 5 && '<?xml'.startsWith(text)) return undefined;
    this.begun = true;
    if (!text.startsWith('<?xml')) return 0;
    const decl = XML_DECL.exec(text);
    if (decl) return decl[0].length;
    // the declaration cut short: the next piece has its end
    if (!whole && !text.includes('?>') && text.length <= MAX_REST) { this.begun = false; return undefined; }
    return -1;
  }

  protected read(text: string, n: number): boolean {
    const { open } = this;
    let i = 0;
    // the next `]]>` at or after the text being read (found again only once passed: one scan of the whole text)
    let cdataEnd = text.indexOf(']]>', i);
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === LT) {
        const next = text.charCodeAt(i + 1);
        if (next === SLASH) {
          // an end tag: its name, white space, `>`, and the element open
          const to = nameEnd(text, i + 2);
          if (to < 0) return false;
          const name = text.slice(i + 2, to);
          let k = to;
          while (isSpace(text.charCodeAt(k))) k++;
          if (text.charCodeAt(k) !== GT || open.pop() !== name) return false;
          i = k + 1;
          continue;
        }
        if (open.length === 0 && this.rooted) return false; // a second root, or a comment or PI after it (passed on)
        const to = nameEnd(text, i + 1);
        if (to < 0) return false; // `<!`, `<?`, `< a`, a name not plain
        const name = text.slice(i + 1, to);
        const end = attributesEnd(text, to);
        if (end < 0) return false;
        this.rooted = true;
        if (text.charCodeAt(end) === SLASH) i = end + 2;
        else { open.push(name); i = end + 1; }
        continue;
      }
      if (open.length === 0) {
        if (!isSpace(c)) return false;
        i++;
        continue;
      }
      // character data: up to the next `<`, with no `]]>` in it
      const lt = text.indexOf('<', i);
      const to = lt < 0 || lt > n ? n : lt;
      if (!plainChars(text, i, to)) return false;
      if (cdataEnd >= 0 && cdataEnd < i) cdataEnd = text.indexOf(']]>', i);
      if (cdataEnd >= 0 && cdataEnd < to) return false;
      i = to;
    }
    // a tag read past n (the piece's last `<` inside it) is not plain
    return i === n;
  }
}

/** The most text held for the next piece without a `<` in it (a text run or a declaration that long is passed on): characters in PlainXml, bytes in PlainXmlBytes. */
const MAX_REST = 1 << 20;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const AMP = 0x26;
const EQ = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;

/** The declaration as XML's grammar has it (version, encoding, standalone, in that order), versions 1.0 and 1.1. */
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[01]"|'1\.[01]')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Where a plain name starting at `from` ends: ASCII letters or `_` first, then digits, `.` and `-`
 * too, and at most one `:` between two such parts (a prefix); -1 when there is none.
 */
function nameEnd(text: string, from: number): number {
  let i = from;
  let colon = false;
  for (;;) {
    // a name byte above `@` is a letter or `_`: no digit, `.` or `-` first
    const c = text.charCodeAt(i);
    if (!(isNameByte(c) && c > 0x40)) return -1;
    i++;
    while (isNameByte(text.charCodeAt(i))) i++;
    const d = text.charCodeAt(i);
    if (d === 0x3a && !colon) { colon = true; i++; continue; }
    // a name that goes on in characters beyond ASCII, or in a second `:`, is not plain
    return d > 0x7f || d === 0x3a ? -1 : i;
  }
}

/**
 * A start tag's attributes from `from` (just after its name): where its `>` is, or its `/` of `/>`;
 * -1 when they are not plain (white space before each, `=`, a quoted value, no name twice).
 */
function attributesEnd(text: string, from: number): number {
  let i = from;
  let names: string[] | undefined;
  for (;;) {
    const spaced = isSpace(text.charCodeAt(i));
    while (isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === GT) return i;
    if (c === SLASH) return text.charCodeAt(i + 1) === GT ? i : -1;
    if (!spaced) return -1;
    const to = nameEnd(text, i);
    if (to < 0) return -1;
    const name = text.slice(i, to);
    if (names?.includes(name)) return -1;
    (names ??= []).push(name);
    i = to;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== EQ) return -1;
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const q = text.charCodeAt(i);
    if (q !== QUOTE && q !== APOS) return -1;
    const close = text.indexOf(q === QUOTE ? '"' : "'", i + 1);
    if (close < 0) return -1;
    const lt = text.indexOf('<', i + 1);
    if ((lt >= 0 && lt < close) || !plainChars(text, i + 1, close)) return -1;
    i = close + 1;
  }
}

/** Whether text[from, to) holds only characters allowed as they are and plain references. */
function plainChars(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === AMP) {
        const end = referenceEnd(text, i, to);
        if (end < 0) return false;
        i = end;
      }
      continue;
    }
    // DEL and the C1 controls as XML 1.0 allows them (well-formed.ts, asXml10)
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x7f && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c < 0xdc00) {
      const d = text.charCodeAt(i + 1);
      if (i + 1 < to && d >= 0xdc00 && d < 0xe000) { i++; continue; }
    }
    return false; // a C0 control character, U+FFFE/U+FFFF, a lone surrogate: the parser decides
  }
  return true;
}

const NAMED = /^&(?:lt|gt|amp|quot|apos);/;
const DECIMAL = /^&#([0-9]{1,7});/;
const HEX = /^&#x([0-9a-fA-F]{1,6});/;

/** A reference at `at` (its `&`): the index of its `;`, or -1 when it is not one of the plain ones. */
function referenceEnd(text: string, at: number, to: number): number {
  const semi = text.indexOf(';', at);
  if (semi < 0 || semi >= to || semi - at > 10) return -1;
  const ref = text.slice(at, semi + 1);
  if (NAMED.test(ref)) return semi;
  const hex = ref.charCodeAt(2) === 0x78;
  const m = (hex ? HEX : DECIMAL).exec(ref);
  if (!m) return -1;
  const code = parseInt(m[1], hex ? 16 : 10);
  const plain = code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0xd800) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return plain ? semi : -1;
}

/**
 * PlainXml over the part's UTF-8 bytes, with the same verdict as PlainXml over the text they decode
 * to (TextDecoder's, as WellFormed decodes: a leading byte-order mark dropped, bytes that spell no
 * character read as U+FFFD): the text never made. A million orders' shared strings are 60 MB; their
 * decoding and the check over the text took the thread that reads the sheet ~170 ms at 300,000 orders
 * before its first row (issue #25). What differs from the text's reading:
 * - a byte at or above 0x80 belongs to a character beyond ASCII, which XML allows as it is, but for
 *   U+FFFE and U+FFFF (EF BF BE, EF BF BF: whatever comes before them, EF starts a character); bytes
 *   that spell no character are U+FFFD, allowed too; a surrogate cannot be spelled (it is U+FFFD);
 * - a piece is read up to its last `<`, a byte no character beyond ASCII holds, so no character is cut.
 */
export class PlainXmlBytes extends PlainReading<Buffer> {
  /** the last name read at each depth (a name repeated is not made again) */
  private readonly seen: string[] = [];
  protected rest: Buffer = EMPTY;
  protected readonly none: Buffer = EMPTY;

  push(piece: Uint8Array): boolean {
    if (this.failed) return false;
    let b = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (this.rest.length) {
      // what was left (from the last piece's last `<`) read with this piece's start up to its first `<`, not joined to the whole piece
      const k = this.begun ? b.indexOf(LT) : -1;
      if (k < 0) b = Buffer.concat([this.rest, b]);
      else {
        const head = Buffer.concat([this.rest, b.subarray(0, k)]);
        this.rest = EMPTY;
        if (!this.read(head, head.length)) return this.fail();
        b = b.subarray(k);
      }
    }
    if (!this.begun) {
      const start = this.start(b, false);
      if (start === undefined) { this.rest = Buffer.from(b); return true; }
      if (start < 0) return this.fail();
      b = b.subarray(start);
    }
    const cut = b.lastIndexOf(LT);
    if (cut < 0 || !this.read(b, cut)) {
      if (cut < 0 && b.length <= MAX_REST) { this.rest = Buffer.from(b); return true; }
      return this.fail();
    }
    // a copy: the piece may be reused by whoever gave it
    this.rest = Buffer.from(b.subarray(cut));
    return true;
  }

  /** As PlainXml's, after a byte-order mark (which the decoder drops); the declaration is ASCII when it is plain. */
  protected start(b: Buffer, whole: boolean): number | undefined {
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    if (!whole && b.length < 3 && BOM.subarray(0, b.length).equals(b)) return undefined;
    const head = b.toString('latin1', bom, Math.min(b.length, bom + DECL_BYTES));
    if (!whole && head.length < 5 && '<?xml'.startsWith(head)) return undefined;
    this.begun = true;
    if (!head.startsWith('<?xml')) return bom;
    const decl = XML_DECL.exec(head);
    if (decl) return bom + decl[0].length;
    if (!whole && !head.includes('?>') && b.length <= MAX_REST && head.length < DECL_BYTES) { this.begun = false; return undefined; }
    return -1;
  }

  protected read(b: Buffer, n: number): boolean {
    const { open, seen } = this;
    let i = 0;
    let cdataEnd = b.indexOf(CDATA_END, 0);
    while (i < n) {
      const c = b[i];
      if (c === LT) {
        if (b[i + 1] === SLASH) {
          const to = nameEndBytes(b, i + 2);
          if (to < 0 || open.length === 0) return false;
          if (!sameName(b, i + 2, to, open[open.length - 1])) return false;
          let k = to;
          while (isSpace(b[k])) k++;
          if (b[k] !== GT) return false;
          open.pop();
          i = k + 1;
          continue;
        }
        if (open.length === 0 && this.rooted) return false;
        const to = nameEndBytes(b, i + 1);
        if (to < 0) return false;
        const end = attributesEndBytes(b, to);
        if (end < 0) return false;
        this.rooted = true;
        if (b[end] === SLASH) i = end + 2;
        else {
          const depth = open.length;
          let name = seen[depth];
          if (name === undefined || !sameName(b, i + 1, to, name)) name = seen[depth] = b.toString('latin1', i + 1, to);
          open.push(name);
          i = end + 1;
        }
        continue;
      }
      if (open.length === 0) {
        if (!isSpace(c)) return false;
        i++;
        continue;
      }
      // character data: up to the next `<` (or n), its bytes checked as they pass (a call of Buffer's indexOf costs more than a short run)
      const to = plainRun(b, i, n);
      if (to < 0) return false;
      if (cdataEnd >= 0 && cdataEnd < i) cdataEnd = b.indexOf(CDATA_END, i);
      if (cdataEnd >= 0 && cdataEnd < to) return false;
      i = to;
    }
    return i === n;
  }
}

const EMPTY = Buffer.alloc(0);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CDATA_END = Buffer.from(']]>', 'latin1');
/** Enough of the start to hold any plain declaration (its parts and some white space between them). */
const DECL_BYTES = 512;

/** Whether b[from, to) spells `name` (ASCII). */
function sameName(b: Buffer, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[from + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** nameEnd over bytes: a plain name is ASCII. */
function nameEndBytes(b: Buffer, from: number): number {
  let i = from;
  let colon = false;
  for (;;) {
    const c = b[i];
    if (!(isNameByte(c) && c > 0x40)) return -1;
    i++;
    while (isNameByte(b[i])) i++;
    const d = b[i];
    if (d === 0x3a && !colon) { colon = true; i++; continue; }
    return d > 0x7f || d === 0x3a ? -1 : i;
  }
}

/** attributesEnd over bytes; attribute names compared as bytes (no name twice). */
function attributesEndBytes(b: Buffer, from: number): number {
  let i = from;
  let names: number[] | undefined;
  for (;;) {
    const spaced = isSpace(b[i]);
    while (isSpace(b[i])) i++;
    const c = b[i];
    if (c === GT) return i;
    if (c === SLASH) return b[i + 1] === GT ? i : -1;
    if (!spaced) return -1;
    const to = nameEndBytes(b, i);
    if (to < 0) return -1;
    if (names) {
      for (let k = 0; k < names.length; k += 2) if (names[k + 1] - names[k] === to - i && b.compare(b, names[k], names[k + 1], i, to) === 0) return -1;
    }
    (names ??= []).push(i, to);
    i = to;
    while (isSpace(b[i])) i++;
    if (b[i] !== EQ) return -1;
    i++;
    while (isSpace(b[i])) i++;
    const q = b[i];
    if (q !== QUOTE && q !== APOS) return -1;
    const close = b.indexOf(q, i + 1);
    if (close < 0) return -1;
    // a `<` in the value ends the run short of the quote
    if (plainRun(b, i + 1, close) !== close) return -1;
    i = close + 1;
  }
}

/** Character data (or an attribute's value) from `from`: where it ends (its `<`, or n), or -1 when it is not plain (plainChars over bytes, see PlainXmlBytes). */
function plainRun(b: Buffer, from: number, n: number): number {
  let i = from;
  for (; i < n; i++) {
    const c = b[i];
    if (c === LT) return i;
    if (c >= 0x20 && c < 0x7f) {
      if (c === AMP) {
        const end = referenceEndBytes(b, i, n);
        if (end < 0) return -1;
        i = end;
      }
      continue;
    }
    if (c >= 0x7f) {
      if (c === 0xef && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) return -1;
      continue;
    }
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return -1;
  }
  return i;
}

/** referenceEnd over bytes (a reference is ASCII). */
function referenceEndBytes(b: Buffer, at: number, to: number): number {
  const semi = b.indexOf(0x3b, at);
  if (semi < 0 || semi >= to || semi - at > 10) return -1;
  return referenceEnd(b.toString('latin1', at, semi + 1), 0, semi + 1 - at) < 0 ? -1 : semi;
}
