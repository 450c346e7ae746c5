/**
 * Text normalisation shared by every parser: what a Chinese keyboard types in full width
 * (digits, brackets, colon, percent) becomes its half-width form, so that `４．５` and `（` parse
 * like `4.5` and `(`.
 */
const EXTRA: Record<string, string> = {
  '。': '.', '、': '、', '—': '-', '–': '-', '－': '-', '〜': '~', '～': '~', '￥': '¥',
  '【': '[', '】': ']', '〔': '(', '〕': ')', '：': ':', '％': '%',
};

/** Full width → half width (NFKC for the ASCII block), plus the few marks NFKC leaves alone. */
/** Characters that normalisation changes: the full-width block, the ideographic space and the marks above. */
const NEEDS_WORK = /[\uFF00-\uFFEF\u3000\u3002\u2014\u2013\u301C\u3010\u3011\u3014\u3015\u2460-\u24FF\u3200-\u33FF]/;

const NEEDS_WORK_ALL = new RegExp(NEEDS_WORK.source, 'g');

export function toHalfWidth(text: string): string {
  // most cells hold nothing to normalise; NFKC on every cell of a million rows is the cost to skip
  if (!NEEDS_WORK.test(text)) return text;
  // only the characters that need it: NFKC on the whole text would also change what the user
  // wrote elsewhere in the cell (a compatibility ideograph such as 豈 becomes 豈)
  return text.replace(NEEDS_WORK_ALL, (c) => EXTRA[c] ?? c.normalize('NFKC'));
}

/** Half-width, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * The characters that reorder or break a line on a screen without showing themselves: the
 * bidirectional controls (Unicode's Bidi_Control: ALM, LRM, RLM, the embeddings, overrides and
 * isolates) and the line and paragraph separators. As the body of a character class, for the
 * three outputs that write them inert: the terminal's escapes, JSON's \u and XML's &#x…;.
 */
export const SCREEN_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029';

/**
 * Whether bytes [from, to) of UTF-8 text hold one of SCREEN_CONTROLS: U+061C is D8 9C; the others
 * are E2 80 8E–8F, E2 80 A8–AE and E2 81 A6–A9. Looked for by their first byte, which the engine
 * finds as fast as memory is read: a report's text is checked after it is encoded, where a regular
 * expression over its characters took ~0.25 s of 300 MB of JSON (issue #25).
 */
export function hasScreenControlBytes(b: Uint8Array, from: number, to: number): boolean {
  const part = b.subarray(from, to);
  for (let at = part.indexOf(0xe2); at !== -1; at = part.indexOf(0xe2, at + 1)) {
    const x = part[at + 1];
    const y = part[at + 2];
    if (x === 0x80 ? y === 0x8e || y === 0x8f || (y >= 0xa8 && y <= 0xae) : x === 0x81 && y >= 0xa6 && y <= 0xa9) return true;
  }
  for (let at = part.indexOf(0xd8); at !== -1; at = part.indexOf(0xd8, at + 1)) if (part[at + 1] === 0x9c) return true;
  return false;
}
