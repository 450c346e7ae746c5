/**
 * Titles as platforms count them, and text normalised for word matching with positions mapped
 * back to the original.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** User-perceived characters: an emoji sequence or a rare CJK character outside the BMP is one. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Platform units: ASCII counts 1, anything else (汉字, full-width punctuation, emoji) counts 2,
 * per grapheme — so `𠀀` (U+20000) is 2, not 4, and 👨‍👩‍👧 is 2.
 */
export function platformLength(text: string): number {
  let n = 0;
  for (const g of graphemes(text)) n += g.length === 1 && g.charCodeAt(0) < 128 ? 1 : 2;
  return n;
}

const EMOJI = /\p{Extended_Pictographic}/u;

export function isEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme);
}

/** Characters no title may hold: tabs, line breaks, other control characters, `<` and `>`. */
export function forbiddenChars(text: string, noEmoji: boolean): Array<{ char: string; index: number; why: 'control' | 'angle' | 'emoji' }> {
  const out: Array<{ char: string; index: number; why: 'control' | 'angle' | 'emoji' }> = [];
  let index = 0;
  for (const g of graphemes(text)) {
    const c = g.codePointAt(0)!;
    if (g.length === 1 && (c < 32 || c === 127)) out.push({ char: g, index, why: 'control' });
    else if (g === '<' || g === '>' || g === '＜' || g === '＞') out.push({ char: g, index, why: 'angle' });
    else if (noEmoji && isEmoji(g)) out.push({ char: g, index, why: 'emoji' });
    index += g.length;
  }
  return out;
}

/** The longest prefix of `text` within `max` units. */
export function cutToLength(text: string, max: number): string {
  let n = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const w = g.length === 1 && g.charCodeAt(0) < 128 ? 1 : 2;
    if (n + w > max) break;
    n += w;
    out += g;
  }
  return out;
}

/**
 * Text for word matching: full-width → half-width, lower case, and characters put between
 * letters to dodge a check (spaces, `*`, `-`, `·` …) taken out. `map[i]` is where normalised
 * character i came from in the original.
 */
export function normalizeForMatch(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) ch = ' ';
    if (/[\s*\-_.·•~|/\\,,。.、+=#@!!??'"“”‘’`^()()[\]【】{}<>《》:;:;…—]/.test(ch)) {
      // `%` and digits stay: 100% is a claim
      continue;
    }
    out += ch.toLowerCase();
    map.push(i);
  }
  return { text: out, map };
}
