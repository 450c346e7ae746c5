import { describe, expect, it } from 'vitest';
import { CHUNK, IdChunks, IdTable, type IdChunk } from '../../src/domain/id-chunks.js';

/** Every number of the chunks, in order, as a table gives it back by its place. */
function texts(chunks: readonly IdChunk[]): string[] {
  const table = new IdTable();
  const n = chunks.reduce((k, c) => k + (Array.isArray(c) ? c.length : c.filter((b) => b === 0).length + 1), 0);
  const places = new Int32Array(n);
  expect(table.placeAll(chunks, true, places, 0)).toBe(n);
  return [...places].map((e) => table.textAt(e));
}

describe('IdChunks', () => {
  it('keeps numbers in order in chunks of bytes, a chunk with a NUL or a lone surrogate in a number as its list', () => {
    const ids = new IdChunks();
    const all = Array.from({ length: CHUNK * 2 + 3 }, (_, i) => (i === CHUNK + 5 ? '30\u000001' : i === 2 * CHUNK + 1 ? 'A\uD800' : `订单-${i}`));
    for (const id of all) ids.add(id);
    const chunks = ids.done();
    expect(chunks.map((c) => (Array.isArray(c) ? 'list' : 'bytes'))).toEqual(['bytes', 'list', 'list']);
    expect(texts(chunks)).toEqual(all);
    // a list's numbers that bytes hold are found by their bytes, as a chunk of bytes' are (the same number is one number either way)
    const table = new IdTable();
    const places = new Int32Array(3);
    table.placeAll([new TextEncoder().encode(`订单-${CHUNK + 4}\0订单-3`)], true, places, 0);
    expect(table.placeAll([chunks[1]], false, new Int32Array(CHUNK), 0)).toBe(CHUNK);
    const found = new Int32Array(CHUNK);
    table.placeAll([chunks[1]], false, found, 0);
    expect([...found].filter((e) => e >= 0)).toEqual([0]);
  });
});

describe('IdTable', () => {
  it('finds a number by its bytes wherever they lie, each distinct one a place in the order first added', () => {
    const table = new IdTable();
    const enc = (s: string) => new TextEncoder().encode(s);
    const many = enc(Array.from({ length: 5000 }, (_, i) => `ＤＹ-${i}`).join('\0'));
    const places = new Int32Array(5000);
    table.placeAll([many], true, places, 0);
    expect([...places]).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(table.size).toBe(5000);
    // looked up from other bytes: the same number, not added again; another is not here
    const probe = enc('x\0ＤＹ-4321\0ＤＹ-5000');
    const found = new Int32Array(3);
    table.placeAll([probe], false, found, 0);
    expect([...found]).toEqual([-1, 4321, -1]);
    expect(table.textAt(4321)).toBe('ＤＹ-4321');
    // numbers no bytes hold, by their text
    expect(table.placeOfText('30\u000001', true)).toBe(5000);
    expect(table.placeOfText('30\u000001', false)).toBe(5000);
    expect(table.placeOfText('3001', false)).toBe(-1);
    expect(table.textAt(5000)).toBe('30\u000001');
    // the table grows past them and still finds the first
    const more = enc(Array.from({ length: 3000 }, (_, i) => `X${i}`).join('\0'));
    table.placeAll([more], true, new Int32Array(3000), 0);
    expect(table.place(enc('ＤＹ-0'), 0, enc('ＤＹ-0').length, false)).toBe(0);
    expect(table.textAt(5001)).toBe('X0');
  });
});
