/**
 * A form of plain values as bytes that name their strings and objects' keys by their place in a
 * table. Two uses:
 *
 * - The cache of `check --cache` (issue #26, src/drive/result-cache.ts): one table the whole
 *   cache shares. A drive's results repeat the same messages, rule ids, sheet names and keys in
 *   every file; shared, they are read back as one string each, and an object is made from its
 *   list of keys without reading a key: 10,000 results of a drive come back in about 80 ms, where
 *   v8's deserializer took 300–350 ms and left four times the garbage.
 * - A worker's findings and records on their way to the main thread (issue #25,
 *   src/check/event-wire.ts): a table a batch.
 *
 * Tags, counts, table places and whole numbers are variable-length (one or two bytes each,
 * mostly); other numbers are 8 bytes. (They were all 8 bytes: a drive's cache was 24 MB, and
 * reading and checking a file's bytes the first time costs more than decoding them.)
 *
 * It holds what results are made of: null, undefined, booleans, numbers, strings, dense
 * arrays, plain objects, typed arrays (not BigInt ones), Maps, Sets and Dates. Anything else
 * (a class's instance, an array with holes, a key `__proto__`) throws NotEncodable, and the
 * cache keeps that result in v8's form instead (a batch of events goes as a structured clone).
 */

import { listKey } from '../cells/list-key.js';

const enum Tag { Null, Undefined, True, False, Number, String, Array, Object, Typed, Map, Set, Date, Whole, Negative }

const TYPED = [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray] as const;
type Typed = InstanceType<(typeof TYPED)[number]>;

export class NotEncodable extends Error {}

/** Key lists shape() compares an object's keys with before it looks them up by name. */
const RECENT_SHAPES = 8;
/** Key lists and places a key list whose last strings stringAt() remembers (powers of two). */
const LAST_SHAPES = 32;
const LAST_PLACES = 32;

/** The strings and key lists results name by number; it only grows (entries already encoded stay valid). */
export class CodecTable {
  private stringIds?: Map<string, number>;
  private shapeIds?: Map<string, number>;
  /** the key lists used last, most recent first (shape()) */
  private readonly recentShapes: number[] = [];
  /** the string last seen at each place of a key list, and its place in the table (stringAt) */
  private lastStrings?: Array<string | undefined>;
  private lastIds?: Int32Array;
  /** whether each key list names `__proto__` (namesProto) */
  private readonly proto: boolean[] = [];

  constructor(readonly strings: string[] = [], readonly shapes: string[][] = []) {}

  /** Adds strings and key lists at the end, as another writer added them (a journal continuing a base). */
  extend(strings: readonly string[], shapes: readonly string[][]): void {
    for (const x of strings) { this.stringIds?.set(x, this.strings.length); this.strings.push(x); }
    for (const k of shapes) { this.shapeIds?.set(listKey(k), this.shapes.length); this.shapes.push(k); }
  }

  string(s: string): number {
    const ids = (this.stringIds ??= new Map(this.strings.map((x, i) => [x, i])));
    let id = ids.get(s);
    if (id === undefined) { id = this.strings.push(s) - 1; ids.set(s, id); }
    return id;
  }

  /** The place of a string of an object that is not the one its key list's place had last (stringAt): looked up as any other. */
  protected newAt(s: string): number {
    return this.string(s);
  }

  /**
   * The place of string `s`, the value at `at` of an object of key list `shape`: remembered per key
   * list and place, so that a batch's findings, whose rule, level, file, sheet and words are mostly
   * the string the finding before had there, are not hashed and looked up one by one (a string's
   * place never changes: the table only grows).
   */
  stringAt(s: string, shape: number, at: number): number {
    const slot = ((shape & (LAST_SHAPES - 1)) * LAST_PLACES) + (at & (LAST_PLACES - 1));
    const last = (this.lastStrings ??= new Array<string | undefined>(LAST_SHAPES * LAST_PLACES));
    if (last[slot] === s) return this.lastIds![slot];
    const id = this.newAt(s);
    last[slot] = s;
    (this.lastIds ??= new Int32Array(LAST_SHAPES * LAST_PLACES))[slot] = id;
    return id;
  }

  /** Whether key list `id` names `__proto__` (such an object is not encoded: decoded, it would be another). */
  namesProto(id: number): boolean {
    return (this.proto[id] ??= this.shapes[id].includes('__proto__'));
  }

  shape(keys: string[]): number {
    // the last few key lists first, compared key by key: a batch's objects have a handful of them,
    // and a key is the same string as before (a property name), compared at once — joining and
    // hashing every object's keys was a tenth of a worker's sending (issue #25)
    const recent = this.recentShapes;
    for (let r = 0; r < recent.length; r++) {
      const known = this.shapes[recent[r]];
      if (known.length !== keys.length) continue;
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = known[i] === keys[i];
      if (same) return recent[r];
    }
    const ids = (this.shapeIds ??= new Map(this.shapes.map((k, i) => [listKey(k), i])));
    const name = listKey(keys);
    let id = ids.get(name);
    if (id === undefined) {
      // refused before it is added: a table never gains a key list no value of it was encoded with
      if (keys.includes('__proto__')) throw new NotEncodable('__proto__ key');
      id = this.shapes.push(keys) - 1;
      ids.set(name, id);
    }
    if (recent.length >= RECENT_SHAPES) recent.pop();
    recent.unshift(id);
    return id;
  }
}

/**
 * A value as bytes against `table` (which gains the strings and key lists it did not have). `size`:
 * the bytes it is likely to take (a worker's batches are the size of the one before), so that the
 * buffer is not grown and copied a dozen times on the way; `whole`: a view of the buffer it was
 * written in, not a copy of just its bytes (a batch moved to another thread, slack and all).
 */
export function encodeValue(value: unknown, table: CodecTable, { size = 256, whole = false }: { size?: number; whole?: boolean } = {}): Uint8Array {
  const out = new Bytes(size);
  put(value, out, table, 0);
  return whole ? out.view() : out.done();
}

/**
 * Values one after another in one buffer (no copy of each part joined after): the bytes, and where
 * each value ends. `size`: the bytes they are likely to take.
 */
export function encodeValues(values: readonly unknown[], table: CodecTable, size: number): { bytes: Uint8Array; ends: number[] } {
  const out = new Bytes(size);
  const ends: number[] = [];
  for (const v of values) { put(v, out, table, 0); ends.push(out.length); }
  return { bytes: out.fitted(), ends };
}

/** Past this size a buffer grows by a quarter, not twice. */
const GROW_SLOWER = 16 << 20;

/** Bytes written one after another into a buffer that grows. */
class Bytes {
  private b: Uint8Array;
  private n = 0;

  constructor(size: number) {
    this.b = new Uint8Array(Math.max(16, Math.min(size, 1 << 30)));
  }
  private static readonly f64 = new Float64Array(1);
  private static readonly f64Bytes = new Uint8Array(Bytes.f64.buffer);

  private room(k: number): void {
    if (this.n + k <= this.b.length) return;
    // doubling while small; a quarter more when large (a million orders' join data: 80 MB grown to 128 held 192 at the copy)
    const grow = this.b.length < GROW_SLOWER ? this.b.length : this.b.length >> 2;
    const next = new Uint8Array(Math.max(this.b.length + grow, this.n + k));
    next.set(this.b.subarray(0, this.n));
    this.b = next;
  }

  /** A whole number 0 ≤ v < 2^53, seven bits a byte, the high bit saying another follows. */
  uint(v: number): void {
    this.room(8);
    while (v >= 0x80) { this.b[this.n++] = (v % 0x80) | 0x80; v = Math.floor(v / 0x80); }
    this.b[this.n++] = v;
  }

  /** Any number, its 8 bytes (little-endian, as the machine holds it: the reader copies them back into a Float64Array alike). */
  float(v: number): void {
    this.room(8);
    Bytes.f64[0] = v;
    this.b.set(Bytes.f64Bytes, this.n);
    this.n += 8;
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.b.set(bytes, this.n);
    this.n += bytes.length;
  }

  done(): Uint8Array {
    return this.b.slice(0, this.n);
  }

  get length(): number {
    return this.n;
  }

  /** The bytes written: a view of a large buffer with little room left over (no copy of a large result), else a copy. */
  fitted(): Uint8Array {
    return this.b.length >= 1 << 20 && this.b.length - this.n <= this.b.length >> 4 ? this.b.subarray(0, this.n) : this.done();
  }

  /** The bytes written, as a view of the buffer (no copy). */
  view(): Uint8Array {
    return this.b.subarray(0, this.n);
  }
}

/** A number: whole and small enough as Whole or Negative, else its 8 bytes (-0, fractions, NaN, infinities). */
function putNumber(v: number, out: Bytes): void {
  if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
    if (v >= 0) { out.uint(Tag.Whole); out.uint(v); } else { out.uint(Tag.Negative); out.uint(-v); }
  } else { out.uint(Tag.Number); out.float(v); }
}

const MAX_DEPTH = 200;

function put(v: unknown, out: Bytes, table: CodecTable, depth: number): void {
  if (depth > MAX_DEPTH) throw new NotEncodable('nested too deep');
  switch (typeof v) {
    case 'number': putNumber(v, out); return;
    case 'string': out.uint(Tag.String); out.uint(table.string(v)); return;
    case 'boolean': out.uint(v ? Tag.True : Tag.False); return;
    case 'undefined': out.uint(Tag.Undefined); return;
    case 'object': break;
    default: throw new NotEncodable(typeof v);
  }
  if (v === null) { out.uint(Tag.Null); return; }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) throw new NotEncodable('array subclass');
    out.uint(Tag.Array);
    out.uint(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      // `in` only for what reads undefined: a hole, or undefined itself
      if (x === undefined && !(i in v)) throw new NotEncodable('array with holes');
      put(x, out, table, depth + 1);
    }
    return;
  }
  if (proto === Object.prototype) {
    const shape = table.shape(Object.keys(v));
    if (table.namesProto(shape)) throw new NotEncodable('__proto__ key');
    out.uint(Tag.Object);
    out.uint(shape);
    // the values in the keys' order, in one call (a load by a key chosen at run time is a lookup each)
    const values = Object.values(v);
    for (let i = 0; i < values.length; i++) {
      const x: unknown = values[i];
      if (typeof x === 'string') { out.uint(Tag.String); out.uint(table.stringAt(x, shape, i)); }
      else put(x, out, table, depth + 1);
    }
    return;
  }
  if (ArrayBuffer.isView(v)) {
    const kind = TYPED.findIndex((T) => proto === T.prototype || (T === Uint8Array && v instanceof Uint8Array && !(v instanceof Uint8ClampedArray)));
    if (kind < 0) throw new NotEncodable('typed array kind');
    const a = v as Typed;
    out.uint(Tag.Typed);
    out.uint(kind);
    out.uint(a.length);
    out.raw(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return;
  }
  if (v instanceof Map && proto === Map.prototype) {
    out.uint(Tag.Map);
    out.uint(v.size);
    for (const [k, x] of v) { put(k, out, table, depth + 1); put(x, out, table, depth + 1); }
    return;
  }
  if (v instanceof Set && proto === Set.prototype) {
    out.uint(Tag.Set);
    out.uint(v.size);
    for (const x of v) put(x, out, table, depth + 1);
    return;
  }
  if (v instanceof Date && proto === Date.prototype) { out.uint(Tag.Date); out.float(v.getTime()); return; }
  throw new NotEncodable('not a plain value');
}

/**
 * The value `bytes` (from encodeValue) stands for, against the table it was encoded with; or the
 * one from byte `from` to byte `to` of them (no view of the part made first: a drive's re-check
 * reads 20,000 parts).
 */
export function decodeValue(bytes: Uint8Array, table: CodecTable, from = 0, to = bytes.byteLength): unknown {
  const d = new Decoder(bytes, from, to, table);
  const value = d.take();
  if (d.at !== to) throw new Error('result codec: length');
  return value;
}

/** An object of one key list made in one step, its values taken in the keys' order. */
type Maker = (d: Decoder) => Record<string, unknown>;

/** Key lists longer than this are read a key at a time (a literal of thousands of keys is no faster to compile than to fill). */
const MAX_LITERAL_KEYS = 64;

const makers = new WeakMap<string[], Maker>();

/**
 * The maker of objects with these keys: an object literal compiled once per key list, so that a
 * drive's 10,000 results come back as objects of their final shape at once (no shape change a
 * key, and a third less garbage), in the order the encoder wrote the values.
 */
function makerOf(keys: string[]): Maker {
  let make = makers.get(keys);
  if (!make) {
    // `__proto__` in a literal would set the prototype: the encoder refuses it, a damaged table is read key by key
    if (keys.length > MAX_LITERAL_KEYS || keys.includes('__proto__')) {
      make = (d) => {
        const o: Record<string, unknown> = {};
        for (const k of keys) Object.defineProperty(o, k, { value: d.take(), enumerable: true, writable: true, configurable: true });
        return o;
      };
    } else {
      make = new Function('d', `return {${keys.map((k) => `${JSON.stringify(k)}: d.take()`).join(', ')}};`) as Maker;
    }
    makers.set(keys, make);
  }
  return make;
}

/** Reads one encoded value: its bytes, where it is in them, and the table they name strings and keys in. */
class Decoder {
  private i: number;
  private readonly strings: string[];
  private readonly shapes: string[][];
  private static readonly f64 = new Float64Array(1);
  private static readonly f64Bytes = new Uint8Array(Decoder.f64.buffer);

  constructor(private readonly b: Uint8Array, from: number, private readonly end: number, table: CodecTable) {
    this.i = from;
    this.strings = table.strings;
    this.shapes = table.shapes;
  }

  get at(): number {
    return this.i;
  }

  /** A variable-length whole number (see Bytes.uint). */
  private uint(): number {
    const b = this.b;
    let byte = b[this.i++];
    if (byte < 0x80) return byte;
    let v = byte & 0x7f;
    let scale = 0x80;
    do {
      if (this.i >= this.end) throw new Error('result codec: cut short');
      byte = b[this.i++];
      v += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    return v;
  }

  private float(): number {
    if (this.i + 8 > this.end) throw new Error('result codec: cut short');
    Decoder.f64Bytes.set(this.b.subarray(this.i, this.i + 8));
    this.i += 8;
    return Decoder.f64[0];
  }

  take(): unknown {
    if (this.i >= this.end) throw new Error('result codec: cut short');
    const tag = this.uint() as Tag;
    switch (tag) {
      case Tag.Null: return null;
      case Tag.Undefined: return undefined;
      case Tag.True: return true;
      case Tag.False: return false;
      case Tag.Whole: return this.uint();
      case Tag.Negative: return -this.uint();
      case Tag.Number: return this.float();
      case Tag.String: {
        const s = this.strings[this.uint()];
        if (s === undefined) throw new Error('result codec: string');
        return s;
      }
      case Tag.Array: {
        const n = this.uint();
        if (n > this.end - this.i) throw new Error('result codec: length');
        const a = new Array<unknown>(n);
        for (let j = 0; j < n; j++) a[j] = this.take();
        return a;
      }
      case Tag.Object: {
        const keys = this.shapes[this.uint()];
        if (keys === undefined) throw new Error('result codec: key list');
        return makerOf(keys)(this);
      }
      case Tag.Typed: {
        const T = TYPED[this.uint()];
        if (T === undefined) throw new Error('result codec: typed array kind');
        const n = this.uint();
        const bytes = n * T.BYTES_PER_ELEMENT;
        if (bytes > this.end - this.i) throw new Error('result codec: cut short');
        // copied out (the cache's bytes may be a Buffer, whose slice() is no copy): aligned for its kind, and its own
        const copy = new Uint8Array(bytes);
        copy.set(this.b.subarray(this.i, this.i + bytes));
        const a = new T(copy.buffer);
        this.i += bytes;
        return a;
      }
      case Tag.Map: {
        const n = this.uint();
        const m = new Map<unknown, unknown>();
        for (let j = 0; j < n; j++) { const k = this.take(); m.set(k, this.take()); }
        return m;
      }
      case Tag.Set: {
        const n = this.uint();
        const s = new Set<unknown>();
        for (let j = 0; j < n; j++) s.add(this.take());
        return s;
      }
      case Tag.Date: return new Date(this.float());
      default: throw new Error(`result codec: tag ${String(tag)}`);
    }
  }
}
