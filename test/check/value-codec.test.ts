import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CodecTable, decodeValue, encodeValue, NotEncodable, encodeValues } from '../../src/check/value-codec.js';

/**
 * The form cached results are kept in (issue #26): a value comes back as v8's own serialisation
 * would bring it back, or the codec refuses it (NotEncodable) and the cache keeps v8's form —
 * never a different value. Strings and key lists are shared through one table.
 */
const roundTrip = (v: unknown, table = new CodecTable()) => decodeValue(encodeValue(v, table), table);
const viaV8 = (v: unknown) => deserialize(serialize(v)) as unknown;

describe('result codec', () => {
  it('brings back what a result is made of, as v8 would', () => {
    const value = {
      events: [['finding', { ruleId: 'order-manual-review', severity: 'warning', row: 2, column: 'A', reasons: ['remote-area'], value: undefined, empty: '' }]],
      outcome: {
        summary: { path: '店铺A/订单.xlsx', status: 'ok', sheets: [{ name: '订单', kind: 'orders', rows: 3 }, { name: '说明', kind: null, rows: 0 }] },
        counted: {},
        numbers: [0, -0, 1.5, -1e300, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2],
        // integer-like keys come first, in order, whatever order they were added in
        keyed: { b: 1, 10: 'ten', a: 2, 2: 'two' },
        typed: [new Float64Array([1.25, Number.NaN]), new Float32Array([0.1]), new Int32Array([-5, 7]), new Uint32Array([4e9]), new Int16Array([-300]), new Uint16Array([65535]), new Int8Array([-128]), new Uint8Array([255]), new Uint8ClampedArray([9])],
        map: new Map<unknown, unknown>([['k', { deep: [1, [2, [3]]] }], [1, null]]),
        set: new Set(['x', 3]),
        when: new Date(Date.UTC(2024, 4, 21, 12)),
        odd: ['\uD800', 'a\u0000b', '😀', '\u202E'],
        flags: [true, false, null, undefined],
      },
    };
    const back = roundTrip(value);
    expect(back).toEqual(viaV8(value));
    // as a cache file holds it: inside a Buffer, at an odd offset
    const table = new CodecTable();
    const bytes = encodeValue(value, table);
    const file = Buffer.concat([Buffer.from([1, 2, 3]), bytes, Buffer.from([4])]);
    expect(decodeValue(file, table, 3, 3 + bytes.length)).toEqual(viaV8(value));
    expect(Object.keys((back as typeof value).outcome.keyed)).toEqual(['2', '10', 'b', 'a']);
    expect(Object.is(((back as typeof value).outcome.numbers)[1], -0)).toBe(true);
    expect((back as typeof value).outcome.typed.map((a) => a.constructor.name)).toEqual(value.outcome.typed.map((a) => a.constructor.name));
  });

  it('refuses what it does not hold, so the cache keeps v8\'s form instead', () => {
    class Instance { x = 1; }
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const refused: unknown[] = [
      new Instance(), holes, Object.create(null), JSON.parse('{"__proto__": 1}'), 10n, () => 1, Symbol('s'),
      new BigInt64Array(1), new DataView(new ArrayBuffer(2)), /re/, new Error('e'), { nested: [new Instance()] },
    ];
    for (const [i, v] of refused.entries()) expect(() => encodeValue(v, new CodecTable()), `value ${i}`).toThrow(NotEncodable);
  });

  it('keeps one string and one key list however many results name them, and a table can be continued', () => {
    const table = new CodecTable();
    const a = encodeValue({ message: '需人工审核:偏远地区(新疆)', rule: 'order-manual-review' }, table);
    const b = encodeValue({ message: '需人工审核:偏远地区(新疆)', rule: 'order-manual-review' }, table);
    expect(table.strings).toEqual(['需人工审核:偏远地区(新疆)', 'order-manual-review']);
    expect(table.shapes).toEqual([['message', 'rule']]);
    // a second writer continues the table (the journal beside a cache): its ids follow the first's
    const copy = new CodecTable([...table.strings], table.shapes.map((k) => [...k]));
    const c = encodeValue({ message: '新的', rule: 'order-manual-review' }, copy);
    table.extend(copy.strings.slice(table.strings.length), copy.shapes.slice(table.shapes.length));
    for (const [bytes, message] of [[a, '需人工审核:偏远地区(新疆)'], [b, '需人工审核:偏远地区(新疆)'], [c, '新的']] as const) {
      expect(decodeValue(bytes, table)).toEqual({ message, rule: 'order-manual-review' });
    }
    // a result read from anywhere in a file (not at a multiple of 8 bytes) reads the same
    const shifted = new Uint8Array(c.byteLength + 3);
    shifted.set(c, 3);
    expect(decodeValue(shifted.subarray(3), table)).toEqual({ message: '新的', rule: 'order-manual-review' });
    // a part of a larger buffer, named by its bytes (a stored result and its join data, one after the other), aligned or not
    for (const pad of [0, 3]) {
      const both = new Uint8Array(pad + a.byteLength + c.byteLength);
      both.set(a, pad);
      both.set(c, pad + a.byteLength);
      const whole = both.subarray(pad);
      expect(decodeValue(whole, table, 0, a.byteLength)).toEqual({ message: '需人工审核:偏远地区(新疆)', rule: 'order-manual-review' });
      expect(decodeValue(whole, table, a.byteLength)).toEqual({ message: '新的', rule: 'order-manual-review' });
    }
  });

  it('objects come back with their keys in order whatever the keys say, and a damaged key list never sets a prototype', () => {
    // keys that would be code, quotes or escapes in a literal are data; a list of 300 keys is read as well as one of 3
    const odd = { 'a"b': 1, "c'd": 2, 'e\\f': 3, '}); throw 1; ({': 4, '\u2028': 5, 'constructor': 6, '': 7 };
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
    for (const v of [odd, wide, { outer: [odd, odd] }]) expect(roundTrip(v)).toEqual(viaV8(v));
    expect(Object.keys(roundTrip(odd) as object)).toEqual(Object.keys(odd));
    // a cache whose table was tampered with (its checksum made to fit): `__proto__` comes back as an own key
    const table = new CodecTable();
    const bytes = encodeValue({ polluted: { x: 1 } }, table);
    const tampered = new CodecTable(table.strings, table.shapes.map((keys) => keys.map((k) => (k === 'polluted' ? '__proto__' : k))));
    const back = decodeValue(bytes, tampered) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ x: 1 });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('any value: back as v8 brings it back, or refused — never another value', () => {
    const value = fc.anything({
      maxDepth: 4, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true,
      withNullPrototype: true, withObjectString: true, withBigInt: true, withBoxedValues: true,
    });
    fc.assert(fc.property(value, (v) => {
      let bytes: Uint8Array;
      const table = new CodecTable();
      try {
        bytes = encodeValue(v, table);
      } catch (err) {
        expect(err).toBeInstanceOf(NotEncodable);
        return;
      }
      expect(decodeValue(bytes, table)).toStrictEqual(viaV8(v));
    }), { numRuns: 2000, seed: Number(process.env.FC_SEED ?? 20261203) });
  });
});

describe('key lists told apart when a key holds a NUL (outsider helper-38, the class of it)', () => {
  it('objects whose keys a NUL join makes one come back each with its own keys', () => {
    const values = [{ 'a\u0000b': 1 }, { a: 2, b: 3 }, { '': 4 }, {}, { 'a\u0000': 5, b: 6 }, { a: 7, '\u0000b': 8 }];
    const table = new CodecTable();
    const bytes = values.map((v) => encodeValue(v, table));
    expect(bytes.map((b) => decodeValue(b, table))).toEqual(values);
    // and from a table read back (its key lists indexed again)
    const again = new CodecTable([...table.strings], table.shapes.map((k) => [...k]));
    for (const v of values) expect(decodeValue(encodeValue(v, again), again)).toEqual(v);
  });

  it('a string remembered at its place of a key list: the same bytes and table as each string looked up alone', () => {
    /** The table as it was: every string looked up by name. */
    class Plain extends CodecTable {
      override stringAt(s: string): number { return this.string(s); }
    }
    // texts of one length that differ (订单/备注/店铺), the same text as another string object, other values
    const word = fc.oneof(fc.constantFrom('order-manual-review', 'warning', 'error', '订单', '备注', '店铺', '店铺A/订单.xlsx', ''), fc.string({ maxLength: 3 }));
    const value = fc.oneof(word, word, word.map((w) => [w, ''].join('')), fc.integer(), fc.constant(null), fc.array(word, { maxLength: 2 }));
    // 40 key lists of up to 40 keys: more than the 32 remembered (key lists share slots), places past 32
    const SHAPES = Array.from({ length: 40 }, (_, i) => Array.from({ length: 1 + ((i * 7) % 40) }, (_, j) => `k${i}_${j}`));
    const obj = fc.tuple(fc.integer({ min: 0, max: 39 }), fc.array(value, { minLength: 40, maxLength: 40 }))
      .map(([shape, values]) => Object.fromEntries(SHAPES[shape].map((k, j) => [k, values[j]])) as Record<string, unknown>);
    fc.assert(fc.property(fc.array(obj, { maxLength: 80 }), fc.array(fc.array(obj, { maxLength: 5 }), { maxLength: 5 }), (batch, more) => {
      const mine = new CodecTable();
      const plain = new Plain();
      for (const v of [batch, ...more]) {
        const a = encodeValue(v, mine);
        expect(Buffer.from(a).equals(Buffer.from(encodeValue(v, plain)))).toBe(true);
        expect(decodeValue(a, mine)).toEqual(v);
      }
      expect(mine.strings).toEqual(plain.strings);
      expect(mine.shapes).toEqual(plain.shapes);
      // every string once
      expect(new Set(mine.strings).size).toBe(mine.strings.length);
    }), { numRuns: 300 });
  });

  it('an object naming __proto__ is refused whether its key list is new or the table had it already (a damaged table read back), and adds nothing to the table', () => {
    const table = new CodecTable();
    const bad = JSON.parse('{"a": 1, "__proto__": "x"}') as unknown;
    expect(() => encodeValue([{ a: 1 }, bad], table)).toThrow(NotEncodable);
    expect(table.shapes).toEqual([['a']]);
    const damaged = new CodecTable([], [['a', '__proto__']]);
    expect(() => encodeValue(bad, damaged)).toThrow(NotEncodable);
    expect(() => encodeValue(bad, damaged)).toThrow(NotEncodable);
  });
});

describe('encodeValues: a result\'s parts in one buffer', () => {
  it('decodes each part between its ends; a large part is not copied again to join the parts (a view of a buffer sized for it)', () => {
    const table = new CodecTable();
    const big = new Float64Array(300_000).map((_, i) => i * 1.5);
    const ids = new TextEncoder().encode(Array.from({ length: 100_000 }, (_, i) => `DY-${i}-订`).join('\0'));
    const parts = [{ summary: { path: 'a.csv', status: 'ok' } }, [['finding', { row: 2 }]], [{ ruleId: 'ship-late', data: { kind: 'orders', ids: [ids], paidAt: big } }]];
    const size = 1024 + big.byteLength + ids.byteLength + 16;
    const { bytes, ends } = encodeValues(parts, table, size);
    expect(ends.length).toBe(3);
    expect(ends[2]).toBe(bytes.byteLength);
    expect(decodeValue(bytes, table, 0, ends[0])).toEqual(parts[0]);
    expect(decodeValue(bytes, table, ends[0], ends[1])).toEqual(parts[1]);
    expect(decodeValue(bytes, table, ends[1], ends[2])).toEqual(parts[2]);
    // sized right: the bytes are the buffer they were written in, with at most a sixteenth to spare
    expect(bytes.buffer.byteLength - bytes.byteLength).toBeLessThanOrEqual(bytes.buffer.byteLength / 16);
    // a small result is its own copy (no buffer's slack kept with each of a drive's 10,000 entries)
    const small = encodeValues([{ a: 1 }, [], []], table, 4096);
    expect(small.bytes.buffer.byteLength).toBe(small.bytes.byteLength);
  });
});
