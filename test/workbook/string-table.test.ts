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

  it('texts across its 1 MB chunks: one that runs on into the next, one that ends on the edge, one of several MB, empty ones on the edge', () => {
    const MB = 1 << 20;
    const texts: string[] = [];
    let bytes = 0;
    const add = (t: string) => { texts.push(t); bytes += /^[\x00-\x7f]*$/.test(t) ? t.length : t.length * 2; };
    // up to 3 bytes short of the first edge, then a wide text of 8 bytes across it
    while (bytes < MB - 70_000) add(`2024050100${texts.length}`.padEnd(1000, 'x'));
    add('a'.repeat(MB - 3 - bytes));
    add('广东省人');
    // to the second edge exactly, an empty text on it, then 2.5 MB across the next two, a wide one of 3 MB
    add('b'.repeat(2 * MB - bytes));
    add('');
    add('c'.repeat(2.5 * MB));
    add('人民路'.repeat(MB / 2));
    add('😀');
    for (let i = 0; i < 5_000; i++) add(i % 3 ? `13294308${i}` : `地址${i}号`);
    // as strings, and with the ASCII ones copied in as the bytes of a part (pushAscii, as the shared-strings parser does)
    const asBytes = new StringTable();
    for (const s of texts) {
      if (/^[\x00-\x7f]*$/.test(s)) asBytes.pushAscii(Buffer.from(`<t>${s}</t>`, 'latin1'), 3, 3 + s.length);
      else asBytes.push(s);
    }
    for (const t of [StringTable.of(texts), asBytes]) {
      t.trim();
      expect(t.length).toBe(texts.length);
      const back = t.toArray();
      expect(back.length).toBe(texts.length);
      back.forEach((s, i) => { if (s !== texts[i]) expect.fail(`text ${i} (${texts[i].length} characters) came back different`); });
      const r = t.reader();
      for (const i of [texts.length - 1, 0, 70, texts.indexOf('广东省人'), texts.indexOf(''), texts.indexOf('😀')]) expect(r.text(i)).toBe(texts[i]);
    }
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

  it('a reader keeps at most 16,384 texts however often each is asked for (every order on two lines), and two readers keep their own', () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `地址${i}号` : `2024050100${i}`));
    const t = StringTable.of(texts);
    const held = (r: unknown) => (r as { kept: string[] }).kept.filter((x) => x !== '').length;
    const input = t.reader();
    const copy = t.reader();
    for (let i = 0; i < texts.length; i++) for (const r of [input, copy, input]) expect(r.text(i)).toBe(texts[i]);
    expect(held(input)).toBeLessThanOrEqual(16_384);
    expect(held(copy)).toBeLessThanOrEqual(16_384);
    // a small table's reader keeps no more places than it has texts
    expect((StringTable.of(['a', 'b']).reader() as unknown as { kept: string[] }).kept.length).toBe(16);
    expect(copy.length).toBe(texts.length);
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
