import { describe, expect, it } from 'vitest';
import { hasScreenControlBytes, SCREEN_CONTROLS } from '../../src/cells/normalize.js';

const CONTROL = new RegExp(`[${SCREEN_CONTROLS}]`);

/**
 * The JSON report looks for the characters that reorder a line in its text's bytes once encoded
 * (issue #25): the answer must be the regular expression's over the characters, for every one.
 */
describe('hasScreenControlBytes: SCREEN_CONTROLS found in UTF-8 bytes', () => {
  it('finds every code point the character class holds and no other, alone and amid Chinese text', () => {
    const points: number[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (c > 0xffff && c % 97) continue; // a sample beyond the first plane (none of them is a control)
      points.push(c);
    }
    for (const c of points) {
      const ch = String.fromCodePoint(c);
      const want = CONTROL.test(ch);
      for (const text of [ch, `订单“${ch}”备注—…`, `a${ch}`]) {
        const bytes = Buffer.from(text, 'utf8');
        expect(hasScreenControlBytes(bytes, 0, bytes.length), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(want);
      }
    }
  });

  it('looks only between `from` and `to`: a control before or after the range is not in it', () => {
    const bytes = Buffer.from('\u202e收件人\u2028地址\u061c', 'utf8');
    const inner = Buffer.byteLength('\u202e', 'utf8');
    const end = bytes.length - Buffer.byteLength('\u061c', 'utf8');
    expect(hasScreenControlBytes(bytes, 0, bytes.length)).toBe(true);
    expect(hasScreenControlBytes(bytes, inner, inner + Buffer.byteLength('收件人', 'utf8'))).toBe(false);
    expect(hasScreenControlBytes(bytes, inner, end)).toBe(true);
    expect(hasScreenControlBytes(bytes, end - Buffer.byteLength('地址', 'utf8'), end)).toBe(false);
    // a control's first bytes at the range's end, the rest past it: not a whole character in the range
    expect(hasScreenControlBytes(bytes, end - Buffer.byteLength('地址', 'utf8'), end + 1)).toBe(false);
  });
});
