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

/** Every start tag `<p:name …>` or `<p:name …/>` in `text`, as the tag's source text. */
export function* startTags(text: string, name: string, from = 0, to = text.length): Iterable<string> {
  const open = `<${name}`;
  for (let i = text.indexOf(open, from); i >= 0 && i < to; i = text.indexOf(open, i + 1)) {
    const next = text.charCodeAt(i + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 10 && next !== 13 && next !== 9) continue; // <rowBreaks is not <row
    const end = text.indexOf('>', i);
    if (end < 0) return;
    yield text.slice(i, end + 1);
  }
}

/**
 * The concatenated text of the `<t>` elements of a string item (`<si>` or `<is>`): plain or
 * rich text runs, leaving out phonetic runs `<rPh>` (furigana/pinyin guides).
 */
export function stringItemText(inner: string, p: string): string {
  let s = inner;
  const rph = `<${p}rPh`;
  if (s.indexOf(rph) >= 0) {
    const close = `</${p}rPh>`;
    let out = '';
    let i = 0;
    for (let j = s.indexOf(rph); j >= 0; j = s.indexOf(rph, i)) {
      out += s.slice(i, j);
      const end = s.indexOf(close, j);
      i = end < 0 ? s.length : end + close.length;
    }
    s = out + s.slice(i);
  }
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let text = '';
  for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
    const next = s.charCodeAt(i + open.length);
    if (next !== 62 && next !== 32 && next !== 47) continue; // <t> or <t xml:space=…>, not <tab
    const gt = s.indexOf('>', i);
    if (s.charCodeAt(gt - 1) === 47) continue; // <t/>
    const end = s.indexOf(close, gt);
    if (end < 0) break;
    text += s.slice(gt + 1, end);
    i = end;
  }
  return decodeXml(text);
}
