import { graphemeSegmenter, segmentsOf, wordSegmenter } from '../cells/segments.js';
import { TO_SIMPLIFIED } from './simplified.js';

/**
 * Titles as platforms count them, and text normalised for word matching with positions mapped
 * back to the original.
 */

/**
 * Text whose every character stands alone as a grapheme (none joins its neighbours: no marks,
 * ZWJ, variation selectors, CR, jamo, regional indicators or emoji modifiers): ASCII and Latin,
 * punctuation and symbols, kana, 汉字 (every CJK block), full-width forms, single emoji. Tested
 * against Intl.Segmenter for every character it takes.
 */
const STANDS_ALONE = /^[\x00-\x0C\x0E-\x7F\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u2100-\u2BFF\u3000-\u3029\u3030-\u303F\u3041-\u3096\u30A0-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF9D\uFFA0-\uFFEF\u{1F300}-\u{1F3FA}\u{1F400}-\u{1FAFF}\u{20000}-\u{3FFFF}]*$/u;

/** Whether every character of `text` is a grapheme of its own. */
export function standsAlone(text: string): boolean {
  return STANDS_ALONE.test(text);
}

/** User-perceived characters: an emoji sequence or a rare CJK character outside the BMP is one. */
export function graphemes(text: string): string[] {
  // most titles hold nothing that joins: code points, without the segmenter (a third of a lint run)
  if (STANDS_ALONE.test(text)) return Array.from(text);
  return Array.from(segmentsOf(graphemeSegmenter(), text), (s) => s.segment);
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
export function forbiddenChars(text: string, noEmoji: boolean): Array<{ char: string; index: number; why: 'control' | 'angle' | 'emoji' | 'invisible' }> {
  const out: Array<{ char: string; index: number; why: 'control' | 'angle' | 'emoji' | 'invisible' }> = [];
  let index = 0;
  for (const g of graphemes(text)) {
    const c = g.codePointAt(0)!;
    if (g.length === 1 && (c < 32 || c === 127)) out.push({ char: g, index, why: 'control' });
    // a zero-width space or joiner shows nothing and hides a word from a check (降\u200d血糖)
    else if (g.length === 1 && (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad)) out.push({ char: g, index, why: 'invisible' });
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
 * Traditional characters (and the financial numeral 壹) read as their simplified forms: 極致, 頂級,
 * 舉世無雙, 第壹 are 极致, 顶级, 举世无双, 第一 (OpenCC's tables, src/domain/traditional-chars.ts).
 */
const TRADITIONAL: ReadonlyMap<string, string> = TO_SIMPLIFIED;

/** What is taken out before matching: white space (as `\s` knows it) and what dodges a check. `%` and digits stay: 100% is a claim. */
const DODGES = new Set(
  [...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff*-_.·•~|/\\,,。.、+=#@!!??\'"“”‘’`^()()[]【】{}<>《》:;:;…—'].map((c) => c.charCodeAt(0))
    .concat(Array.from({ length: 11 }, (_, i) => 0x2000 + i)),
);

/** Marks that take no room: zero-width spaces and joiners, word joiners, variation selectors, the byte-order mark. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfe0e, 0xfe0f, 0xfeff, 0x00ad]);
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * Text for word matching: full-width → half-width, lower case, and characters put between
 * letters to dodge a check (spaces, `*`, `-`, `·` …) taken out. `map[i]` is where normalised
 * character i came from in the original.
 */
export function normalizeForMatch(text: string): Normalized {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    let code = ch.charCodeAt(0);
    // an emoji or a joiner put inside a word dodges a check (减🔥肥, 降\u200d血糖); a medal is number one (销量第🥇)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      if (cp === 0x1f947 || cp === 0x1f3c6) { out += '1'; map.push(i); i++; continue; }
      if (PICTOGRAPH.test(String.fromCodePoint(cp))) { i++; continue; }
    } else if ((code >= 0x2000 && code < 0x2c00 && (INVISIBLE.has(code) || PICTOGRAPH.test(ch))) || (code >= 0xfe00 && INVISIBLE.has(code))) continue;
    if (code >= 0xff01 && code <= 0xff5e) { code -= 0xfee0; ch = String.fromCharCode(code); }
    else if (code === 0x3000) { code = 0x20; ch = ' '; }
    else if (code >= 0x2460 && code <= 0x2468) { code = 0x31 + code - 0x2460; ch = String.fromCharCode(code); } // ①–⑨
    else if (code >= 0x2776 && code <= 0x277e) { code = 0x31 + code - 0x2776; ch = String.fromCharCode(code); } // ❶–❾
    else if (code >= 0x3400) { ch = TRADITIONAL.get(ch) ?? ch; code = ch.charCodeAt(0); }
    // #1 is number one: read as no1 (a # elsewhere dodges like other punctuation)
    if ((code === 0x23 || code === 0xff03) && /[0-9０-９①-⑨❶-❾]/.test(text[i + 1] ?? '')) { out += 'no'; map.push(i, i); continue; }
    if (DODGES.has(code)) continue;
    out += code < 0x41 || (code > 0x5a && code < 0x80) ? ch : ch.toLowerCase();
    map.push(i);
  }
  return { text: out, map };
}

/** Text for matching and where each of its characters came from. */
export interface Normalized { text: string; map: number[] }

/** Where words start in a title, and whether a position falls inside a word of two or more characters. */
export interface WordStarts { starts: Set<number>; inside: (at: number) => boolean }

/**
 * Where words start in a text (by a dictionary segmenter): a match that starts inside a longer
 * word straddles two words (统一|级配 holds 一级 but says nothing of grades).
 */
export function wordStarts(text: string): WordStarts {
  const starts = new Set<number>();
  // the words of two characters or more, in order and apart: [start, end) pairs
  const long: number[] = [];
  for (const seg of segmentsOf(wordSegmenter(), text)) {
    starts.add(seg.index);
    if (seg.isWordLike && seg.segment.length >= 2) long.push(seg.index, seg.index + seg.segment.length);
  }
  return { starts, inside: (at) => insideOne(long, at) };
}

/** Whether `at` falls strictly inside one of the ordered [start, end) spans (a search: a long text has thousands). */
function insideOne(spans: number[], at: number): boolean {
  let lo = 0;
  let hi = spans.length / 2;
  // the first span that ends after `at`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid * 2 + 1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && at > spans[lo * 2];
}

/** The longest prefix of `text` within `max` units that ends between words (never inside one). */
export function cutAtWord(text: string, max: number): string {
  const cut = cutToLength(text, max);
  if (cut.length === text.length) return cut;
  let end = 0;
  for (const seg of segmentsOf(wordSegmenter(), text)) {
    if (seg.index + seg.segment.length > cut.length) break;
    end = seg.index + seg.segment.length;
  }
  return (end > 0 ? cut.slice(0, end) : cut).trim();
}
