import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/domain/seen-ids.js';

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
});
