import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentioned } from '../../src/domain/orders.js';

/**
 * What a buyer's note says is remembered per word list (issue #25: notes repeat, and every order
 * asks twice). Remembered or not, the answer is the same: the first word said, a negated one
 * (不急, 不用改地址) not said, a note asked again after thousands of others still answered right.
 */
const URGENT = ['加急', '急', '尽快', '今天发'];
const CHANGE = ['改地址', '换地址', '地址有误'];

describe('mentioned: a note asked again answers as the first time', () => {
  it('the words, negated or not, and other lists by their own words', () => {
    expect(mentioned('请加急', URGENT)).toBe('加急');
    expect(mentioned('请加急', URGENT)).toBe('加急');
    expect(mentioned('不急', URGENT)).toBeUndefined();
    expect(mentioned('不急', URGENT)).toBeUndefined();
    expect(mentioned('请加急', CHANGE)).toBeUndefined();
    expect(mentioned('麻烦改地址', CHANGE)).toBe('改地址');
    expect(mentioned('不用改地址', CHANGE)).toBeUndefined();
    // another list with other words (a config of its own) is asked afresh
    expect(mentioned('请加急', ['请'])).toBe('请');
    expect(mentioned('', URGENT)).toBeUndefined();
    expect(mentioned(undefined, URGENT)).toBeUndefined();
  });

  it('over many notes, beyond what is kept, each answer equals a fresh list\'s', () => {
    const pieces = ['加急', '急', '不', '不用', '改地址', '周末', '送货', '，', ' ', '　', '尽快', '今天发', '别', 'ok', 'ＡＢ', '!'];
    fc.assert(fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), { minLength: 1, maxLength: 60 }), (notes) => {
      const fresh = [...URGENT];
      for (const n of notes.map((p) => p.join(''))) expect(mentioned(n, URGENT)).toBe(mentioned(n, [...fresh]));
    }), { numRuns: 300 });
    // more notes than a list keeps: the first ones are still answered right after it starts afresh
    for (let i = 0; i < 10_000; i++) mentioned(`订单${i}请加急`, URGENT);
    expect(mentioned('不急，周末送货', URGENT)).toBeUndefined();
    expect(mentioned('今天发', URGENT)).toBe('今天发');
  });
});
