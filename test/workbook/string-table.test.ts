import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

/**
 * The shared strings held as bytes (src/workbook/xlsx/string-table.ts): a cell gets back exactly
 * the text the table was given, whatever its characters, however often it asks, and nothing for
 * an index the table does not have (as the array it replaced gave undefined).
 */
describe('the shared-string table', () => {
  const kinds = [
    '', '20240501000001', '13294308073', '广东省', '人民路212号', 'café', 'ÿ', 'x'.repeat(70_000),
    'a\u0000b', '😀 表情', '\uD800 lone high', 'lone low \uDC00', '\uFEFFbom', '𠀀 rare CJK', '全角，标点。', '\r\n\t',
  ];

  it('gives back every text as given, ASCII and not, long and empty, lone surrogates and NULs', () => {
    const t = StringTable.of(kinds);
    t.trim();
    expect(t.length).toBe(kinds.length);
    for (let round = 0; round < 3; round++) kinds.forEach((s, i) => expect(t.text(i)).toBe(s));
    expect(t.toArray()).toEqual(kinds);
  });

  it('answers nothing for an index it does not have', () => {
    const t = StringTable.of(['a', 'b']);
    for (const i of [2, 3, -1, -0.5, 0.5, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 32]) expect(t.text(i)).toBeUndefined();
    expect(StringTable.of([]).text(0)).toBeUndefined();
  });

  it('texts pushed after some were asked for are found too', () => {
    const t = StringTable.of(['a']);
    expect(t.text(0)).toBe('a');
    t.push('广东省');
    expect(t.text(1)).toBe('广东省');
    expect(t.text(0)).toBe('a');
  });

  it('a text asked for twice is kept; two readers (a copy beside its input) each keep only what they asked for twice', () => {
    const t = StringTable.of(['广东省', '20240501000001', '人民路1号']);
    const kept = (r: unknown) => (r as { kept: string[] }).kept.length;
    const input = t.reader();
    const copy = t.reader();
    for (const i of [0, 1, 2]) { expect(input.text(i)).toBe(t.text(i)); expect(copy.text(i)).toBe(t.text(i)); }
    expect([kept(input), kept(copy)]).toEqual([0, 0]);
    expect(input.text(0)).toBe('广东省');
    expect(input.text(0)).toBe('广东省');
    expect([kept(input), kept(copy)]).toEqual([1, 0]);
    expect(copy.length).toBe(3);
  });

  it('any strings, in any order of asking, as the array of them would answer', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('binary', 'grapheme', 'grapheme-ascii') as never, maxLength: 40 }), { maxLength: 300 }),
      fc.array(fc.integer({ min: -2, max: 310 }), { maxLength: 600 }), (texts, asks) => {
        const t = StringTable.of(texts);
        if (asks.length % 2) t.trim();
        for (const i of asks) expect(t.text(i)).toBe(texts[i]);
      }), { numRuns: 400 });
  });
});
