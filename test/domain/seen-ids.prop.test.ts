import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SeenIds, TextIds } from '../../src/domain/seen-ids.js';

/**
 * Order numbers seen in a sheet, by their text: digits are kept as numbers (leading zeros apart),
 * the rest as strings; either way an id is "seen before" exactly when the same text was added.
 */
describe('SeenIds', () => {
  // ids as exports write them: 16–19 digits, short codes with leading zeros, digits past 19, letters and digits
  const id = fc.oneof(
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.stringMatching(/^0{0,3}[0-9]{1,4}$/),
    fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n - 1n }).map(String),
    fc.stringMatching(/^[A-Z]{0,2}[0-9]{3,20}[a-z]?$/),
    fc.string({ maxLength: 25 }),
  );

  it('says "seen" exactly when the same text was added before, whatever its form', () => {
    fc.assert(fc.property(fc.array(id, { maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (ids, repeatAt) => {
      const seen = new SeenIds();
      const reference = new Set<string>();
      const all = repeatAt < ids.length ? [...ids, ...ids.slice(repeatAt)] : ids;
      for (const x of all) {
        expect(seen.add(x), x).toBe(reference.has(x));
        reference.add(x);
      }
    }), { numRuns: 60 });
  });

  it('tells apart what numbers would not: leading zeros, 19 digits one apart, a digit past the 19th', () => {
    const seen = new SeenIds();
    for (const x of ['123', '0123', '00123', '3000000000000000000', '3000000000000000001', '9999999999999999999', '99999999999999999999', '0000000000', '0']) expect(seen.add(x), x).toBe(false);
    for (const x of ['0123', '3000000000000000001', '99999999999999999999', '0000000000']) expect(seen.add(x), x).toBe(true);
  });

  it('holds a million distinct order numbers, each found again', () => {
    const seen = new SeenIds();
    const base = 3_000_000_000_000_000_000n;
    for (let i = 0n; i < 1_000_000n; i++) seen.add(String(base + i * 7919n));
    for (let i = 0n; i < 1_000_000n; i += 997n) expect(seen.add(String(base + i * 7919n))).toBe(true);
    expect(seen.add(String(base + 7918n))).toBe(false);
  });

  it('texts that are not digits, held as bytes: any character (Chinese, emoji halves, Latin-1 above 0x7F, NUL), long ones, one-byte and two-byte forms of one length, across many chunks', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^[0-9]{6}-[0-9]{12}$/),
      fc.constantFrom('订单A', '订单Á', '\u00ff', '\u0100', 'ÿ', '\ud83d', '\ude00', '😀', '\u0000', 'a\u0000', ''),
      fc.string({ minLength: 1020, maxLength: 1100 }),
    );
    fc.assert(fc.property(fc.array(text, { maxLength: 2000 }), fc.integer({ min: 0, max: 2000 }), (texts, repeatAt) => {
      const seen = new TextIds();
      const reference = new Set<string>();
      for (const x of repeatAt < texts.length ? [...texts, ...texts.slice(repeatAt)] : texts) {
        expect(seen.add(x), JSON.stringify(x)).toBe(reference.has(x));
        reference.add(x);
      }
    }), { numRuns: 80 });
    // a million ids with a dash, past many chunks of bytes: each found again, a near one not
    const seen = new TextIds();
    for (let i = 0; i < 1_000_000; i++) seen.add(`260517-${String(i).padStart(12, '0')}`);
    for (let i = 0; i < 1_000_000; i += 991) expect(seen.add(`260517-${String(i).padStart(12, '0')}`)).toBe(true);
    expect(seen.add('260517-000001000000')).toBe(false);
    expect(seen.add('260517-00000100000')).toBe(false);
  });

  it('a million order numbers with a dash take tens of megabytes, not the ~120 MB of a string and a set entry each (outsider helper-91: over the 400 MB line at a million rows)', () => {
    // what is kept, not what is made on the way: a full collection before each look
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    const seen = new SeenIds();
    for (let i = 0; i < 1_000_000; i++) seen.add(`260517-${String(i).padStart(12, '0')}`);
    gc();
    const after = process.memoryUsage();
    const grew = (after.heapUsed - before.heapUsed + after.external + after.arrayBuffers - before.external - before.arrayBuffers) / 2 ** 20;
    expect(seen.add('260517-000000000007')).toBe(true);
    expect(grew).toBeLessThan(60);
  });
});
