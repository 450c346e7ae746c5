import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../src/cells/segments.js';
import { graphemes, platformLength, wordStarts } from '../../src/domain/title.js';
import { syllablesOf } from '../../src/domain/title-law/pinyin.js';
import { keywordsOf, MAX_KEYWORDS } from '../../src/domain/listing.js';
import { isQuantified } from '../../src/domain/campaign.js';
import { MAX_VALUE_CHARS } from '../../src/cells/grammar/read.js';
import { clip, width, wrap } from '../../src/report/layout.js';

const graphemeSegmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** What cells hold, grapheme by grapheme: CJK, rare CJK, Latin and pinyin, emoji with joiners, skin tones and flags, keycaps, combining marks, CR LF, ANSI colours, lone surrogates. */
const PIECES = ['订', '单', '号', '𠀀', '𪜀', 'a', 'x', 'u', 'e', 't', 'ang', ' ', '，', '😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '1️⃣', 'é', 'e\u0301', '\r\n', '\t', '\u001b[31m', '\u001b[39m', '\ud800', '\udc00', '\u200d', 'ｘ', '한', '\u1100\u1161'];
const textOf = (picks: number[]) => picks.map((i) => PIECES[i % PIECES.length]).join('');

/** A text of about `n` UTF-16 units drawn from PIECES by a seeded generator (not repetitive: a cell of a real export). */
function longText(n: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  let len = 0;
  while (len < n) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const p = PIECES[x % PIECES.length];
    out.push(p);
    len += p.length;
  }
  return out.join('');
}

describe('segmenting a long text a piece at a time', () => {
  it('gives the graphemes the segmenter gives for the whole text, with their places', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 0, maxLength: 9000 }), (picks) => {
      const text = textOf(picks);
      const whole = Array.from(graphemeSegmenter.segment(text), (s) => [s.index, s.segment]);
      expect(Array.from(segmentsOf(graphemeSegmenter, text), (s) => [s.index, s.segment])).toEqual(whole);
    }), { numRuns: 25 });
  });

  it('gives words that join back into the text, each at its place', () => {
    for (const seed of [1, 2, 3]) {
      const text = longText(20_000, seed);
      let at = 0;
      for (const s of segmentsOf(wordSegmenter, text)) {
        expect(s.index).toBe(at);
        expect(text.startsWith(s.segment, at)).toBe(true);
        at += s.segment.length;
      }
      expect(at).toBe(text.length);
    }
  });

  it('a cell of 70,000 characters (past the 65,535 where the whole-text segmenter takes minutes): its graphemes, platform length, words, width, clip and wrap', () => {
    const text = longText(70_000, 7);
    const gs = graphemes(text);
    expect(gs.join('')).toBe(text);
    // the same graphemes as the segmenter gives the text's pieces cut at a place every segmenter agrees on (a space)
    const parts = text.split(' ');
    expect(gs.length).toBe(parts.reduce((n, p) => n + graphemes(p).length, 0) + parts.length - 1);
    expect(platformLength(text)).toBe(parts.reduce((n, p) => n + platformLength(p), 0) + parts.length - 1);
    expect(width(text)).toBe(parts.reduce((n, p) => n + stringWidth(p), 0) + parts.length - 1);
    expect(wordStarts(text).starts.has(0)).toBe(true);
    expect(width(clip(text, 40))).toBeLessThanOrEqual(40);
    for (const line of wrap(text.slice(0, 5000), 60)) expect(width(line)).toBeLessThanOrEqual(60);
  });
});

describe('terminal width', () => {
  it('is string-width\'s count, grapheme by grapheme', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 60 }), (picks) => {
      const text = textOf(picks);
      expect(width(text)).toBe(stringWidth(text));
    }), { numRuns: 2000 });
  });
  it.each([['1️⃣', 2], ['a\u0301', 1], ['订\ufe0f', 2], ['x\u001b[31m😀\u001b[39m', 3]] as const)('%j takes %s columns', (text, n) => {
    expect(width(text)).toBe(n);
    expect(width(text)).toBe(stringWidth(text));
  });
});

describe('a long run of Latin letters read as pinyin', () => {
  it('70,000 letters: the syllables join back into the run (lengths kept, not lists of lists)', () => {
    const run = 'xuetangzuihaoyong'.repeat(4118);
    const parts = syllablesOf(run)!;
    expect(parts.join('')).toBe(run);
    expect(parts.slice(0, 5)).toEqual(['xue', 'tang', 'zui', 'hao', 'yong']);
    expect(syllablesOf(`${run}q`)).toBeUndefined();
  });
});

describe('cells that list or say more than any value', () => {
  it('a 核心关键词 cell of 2,600 keywords is looked at for its first twenty (a finding each, each carrying the title)', () => {
    const cell = Array.from({ length: 2600 }, (_, i) => `词${i}`).join('、');
    expect(keywordsOf(cell)).toEqual(Array.from({ length: MAX_KEYWORDS }, (_, i) => `词${i}`));
    expect(keywordsOf('敏感肌、修护面膜')).toEqual(['敏感肌', '修护面膜']);
    // separators with nothing between them are not keywords, however many come first
    expect(keywordsOf(`${'、'.repeat(500)}敏感肌`)).toEqual(['敏感肌']);
  });
  it('a goal longer than the grammar reads is never said to have no number', () => {
    expect(isQuantified(`${'万'.repeat(MAX_VALUE_CHARS + 1)}5`)).toBe(true);
    expect(isQuantified('提升店铺影响力')).toBe(false);
    expect(isQuantified(`${'提升店铺影响力,'.repeat(200)}`.slice(0, MAX_VALUE_CHARS - 10))).toBe(false);
  });
});
