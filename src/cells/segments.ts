import { once } from './once.js';

/**
 * Intl.Segmenter over a text of any length. V8's segmenter (Node 20) is slow on a long text given at
 * once and falls off a cliff past 65,535 UTF-16 units: 64,000 characters of CJK and emoji took 0.5 s,
 * 66,000 more than 20 s, 90,000 over 50 s (measured). Excel stops a cell at 32,767 characters, but
 * other writers do not, and a message quotes several cells. So a long text is segmented a piece at a
 * time: each piece's last segment, which may go on past the piece, starts the next one. Texts of up
 * to `PIECE * 2` units (every title and every cell a person types) are segmented whole, as before.
 */
const PIECE = 2048;

/**
 * The segmenters of characters as a person sees them and of Chinese words, made when first used:
 * making the first loads ICU's break rules (15–20 ms of each worker's start, which checks no title
 * when its files hold none), and the words' its dictionary.
 */
export const graphemeSegmenter = once(() => new Intl.Segmenter('zh', { granularity: 'grapheme' }));
export const wordSegmenter = once(() => new Intl.Segmenter('zh', { granularity: 'word' }));

export interface Segment { segment: string; index: number; isWordLike?: boolean }

/** The segments of `text` by `segmenter`, with their index in `text`. */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string): Generator<Segment> {
  if (text.length <= PIECE * 2) { yield* segmenter.segment(text); return; }
  let from = 0;
  while (from < text.length) {
    let end = Math.min(from + PIECE, text.length);
    // never between the two halves of a character outside the BMP
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    let last: Intl.SegmentData | undefined;
    for (const s of segmenter.segment(text.slice(from, end))) {
      if (last) yield { segment: last.segment, index: from + last.index, isWordLike: last.isWordLike };
      last = s;
    }
    if (!last) return;
    // the last segment of the text, or one as long as the piece (thousands of combining marks): taken as it is
    if (end === text.length || last.index === 0) { yield { segment: last.segment, index: from + last.index, isWordLike: last.isWordLike }; from = end; }
    else from += last.index;
  }
}

/** The first half of a character outside the BMP (a text is never cut after one). */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
