import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/cells/parse.js';

/**
 * A yes/no column (是否预售) as exports type it: 是 and 否 exactly are read without a trimmed,
 * lowered copy (issue #25); every other way of writing them reads as it did.
 */
describe('a yes/no cell', () => {
  const col = { type: 'boolean' as const };
  const read = (v: string | number | boolean) => parseCell({ value: v }, col).value;
  it('reads the words and marks exports use, in any case and with spaces around', () => {
    for (const [words, want] of [[['是', 'y', 'yes', 'true', '1', '预售', '√', '✓'], true], [['否', 'n', 'no', 'false', '0', '非预售', '×', '✗'], false]] as const) {
      for (const w of words) {
        for (const typed of [w, ` ${w} `, w.toUpperCase(), `　${w}`, `\t${w.toUpperCase()}\n`]) expect(read(typed), JSON.stringify(typed)).toBe(want);
      }
    }
    expect(read(true)).toBe(true);
    expect(read(0)).toBe(false);
    expect(read(1)).toBe(true);
  });
  it('anything else is no answer, and its text is kept', () => {
    for (const typed of ['是的', '否否', 'maybe', '2', '不是']) {
      const c = parseCell({ value: typed }, col);
      expect(c.value, typed).toBeUndefined();
      expect(c.problem).toBe('type');
      expect(c.text).toBe(typed);
    }
  });
});
