/**
 * Just enough XML for SpreadsheetML, written for speed: the parts are machine-written, so a
 * scanner over known element names (with whatever namespace prefix the file uses) is enough.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The value of attribute `name` in an element's start tag (either quote), decoded. */
export function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(` ${name}=`);
  if (i < 0) {
    i = tag.indexOf(`\n${name}=`);
    if (i < 0) i = tag.indexOf(`\t${name}=`);
    if (i < 0) return undefined;
  }
  const q = i + name.length + 2;
  const quote = tag[q];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, q + 1);
  return end < 0 ? undefined : decodeXml(tag.slice(q + 1, end));
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
    const end = text.indexOf('>', i);
    if (end < 0) return;
    yield text.slice(i, end + 1);
  }
}

/**
 * The concatenated text of the `<t>` elements of a string item (`<si>` or `<is>`): plain or
 * rich text runs, leaving out phonetic runs `<rPh>` (furigana/pinyin guides). Any prefix; one
 * pass over the text, however broken (an unterminated tag ends the item).
 */
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
 * where it starts; with `last`, just after it. -1 when there is none.
 */
export function findClose(b: Buffer, name: Buffer, which: 'first' | 'last' | 'after', from = 0): number {
  if (which === 'first' || which === 'after') {
    // 'first': where it starts; 'after' (from `from`): the index just past the tag's start too, i.e. where `</` is
    for (let i = b.indexOf(name, from); i >= 0; i = b.indexOf(name, i + 1)) { const s = closeStart(b, i); if (s >= 0) return s; }
    return -1;
  }
  for (let i = b.lastIndexOf(name); i >= 0; i = i > 0 ? b.lastIndexOf(name, i - 1) : -1) { if (closeStart(b, i) >= 0) return i + name.length; }
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
