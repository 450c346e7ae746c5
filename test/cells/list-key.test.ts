import { describe, expect, it } from 'vitest';
import { listKey } from '../../src/cells/list-key.js';

/** A key for a list of strings (src/cells/list-key.ts) must never be another list's (outsider helper-38: a NUL in a header cell). */
describe('listKey', () => {
  it('tells apart lists a NUL join would make one', () => {
    const lists: Array<Array<string | undefined>> = [[], [''], ['', ''], ['a\u0000b'], ['a', 'b'], ['a\u0000', 'b'], ['a', '\u0000b'], ['\u0000'], ['\u0001a'], ['[]'], ['[""]'], ['null'], ['a\u0000b', 'c'], ['a', 'b\u0000c']];
    const keys = lists.map(listKey);
    expect(new Set(keys).size).toBe(lists.length);
  });
  it('reads a missing item as an empty one, and nothing else as alike', () => {
    expect(listKey([undefined, 'a'])).toBe(listKey(['', 'a']));
    expect(listKey(['x\u0000', undefined])).toBe(listKey(['x\u0000', '']));
  });
  it('gives 20,000 random lists of NULs, separators and letters as many keys as there are different lists', () => {
    let s = 7;
    const next = () => { s = (s * 1103515245 + 12345) >>> 0; return s; };
    const alphabet = ['', 'a', '\u0000', '\u0001', '"', '[', ']', ',', 'null'];
    const seen = new Map<string, string>();
    for (let i = 0; i < 20_000; i++) {
      const list = Array.from({ length: next() % 4 }, () => Array.from({ length: next() % 3 }, () => alphabet[next() % alphabet.length]).join(''));
      const key = listKey(list);
      const canonical = JSON.stringify(list);
      const had = seen.get(key);
      if (had !== undefined) expect(had, `${canonical} and ${had} share a key`).toBe(canonical);
      seen.set(key, canonical);
    }
  });
});
