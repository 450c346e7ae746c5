import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemes, platformLength, standsAlone } from '../../src/domain/title.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const bySegmenter = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);

/** Characters that join others: marks, ZWJ, variation selectors, CR, jamo, regional indicators, skin tones, tags. */
const joiners = ['\u0301', '\u200d', '\ufe0f', '\r', '\n', '\u1100', '\u1161', '\u11a8', '\u{1F1E8}', '\u{1F1F3}', '\u{1F3FB}', '\u{E0067}', '\u0E33', '\u3099', '\uFF9E', '\u0600'];
const plain = ['中', '面', '膜', 'a', 'Z', '1', ' ', '【', '】', '，', '！', '😀', '👨', '👩', '🔥', '𠀀', '가', 'é', 'ー', 'ｱ'];

describe('graphemes: the fast path gives what Intl.Segmenter gives', () => {
  it('every character the fast path takes is a grapheme of its own, before and after anything it takes', () => {
    // joining depends on a character's own break property: each one twice (jamo, regional indicators)
    // and next to 中, all in one text per block of characters; a block that splits wrong is searched
    const wrong: string[] = [];
    const taken: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      // the ideograph planes (U+20000–3FFFF) hold ideographs only: every 61st of them
      if (cp >= 0x20000 && cp % 61 !== 0 && cp !== 0x3ffff) continue;
      const c = String.fromCodePoint(cp);
      if (standsAlone(c)) taken.push(c);
    }
    for (let at = 0; at < taken.length; at += 4096) {
      const block = taken.slice(at, at + 4096);
      if (bySegmenter(block.map((c) => `${c}${c}中`).join('')).length === block.length * 3) continue;
      for (const c of block) if (bySegmenter(`中${c}${c}中`).length !== 4) wrong.push(c.codePointAt(0)!.toString(16));
    }
    expect(taken.length).toBeGreaterThan(30_000);
    expect(wrong).toEqual([]);
  });

  it('any text: the same graphemes, the same platform length', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(fc.constantFrom(...joiners, ...plain), { maxLength: 20 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, (s) => {
      expect(graphemes(s)).toEqual(bySegmenter(s));
    }), { numRuns: 3000 });
    expect(platformLength('敏感肌修护面膜🔥')).toBe(16);
    expect(platformLength('👨‍👩‍👧面膜')).toBe(6);
    expect(platformLength('e\u0301')).toBe(2);
  });
});
