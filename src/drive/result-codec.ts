/**
 * The form a cached result is kept in (issue #26): a stream of numbers (a Float64Array) that
 * names its strings and its objects' keys by their place in one table the whole cache shares.
 * A drive's results repeat the same messages, rule ids, sheet names and keys in every file;
 * shared, they are read back as one string each, and an object is made from its list of keys
 * without reading a key: 10,000 results of a drive come back in about 80 ms, where v8's
 * deserializer took 300–350 ms and left four times the garbage.
 *
 * It holds what results are made of: null, undefined, booleans, numbers, strings, dense
 * arrays, plain objects, typed arrays (not BigInt ones), Maps, Sets and Dates. Anything else
 * (a class's instance, an array with holes, a key `__proto__`) throws NotEncodable, and the
 * cache keeps that result in v8's form instead.
 */

const enum Tag { Null, Undefined, True, False, Number, String, Array, Object, Typed, Map, Set, Date }

const TYPED = [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray] as const;
type Typed = InstanceType<(typeof TYPED)[number]>;

export class NotEncodable extends Error {}

/** The strings and key lists results name by number; it only grows (entries already encoded stay valid). */
export class CodecTable {
  private stringIds?: Map<string, number>;
  private shapeIds?: Map<string, number>;

  constructor(readonly strings: string[] = [], readonly shapes: string[][] = []) {}

  /** Adds strings and key lists at the end, as another writer added them (a journal continuing a base). */
  extend(strings: readonly string[], shapes: readonly string[][]): void {
    for (const x of strings) { this.stringIds?.set(x, this.strings.length); this.strings.push(x); }
    for (const k of shapes) { this.shapeIds?.set(k.join('\u0000'), this.shapes.length); this.shapes.push(k); }
  }

  string(s: string): number {
    const ids = (this.stringIds ??= new Map(this.strings.map((x, i) => [x, i])));
    let id = ids.get(s);
    if (id === undefined) { id = this.strings.push(s) - 1; ids.set(s, id); }
    return id;
  }

  shape(keys: string[]): number {
    const ids = (this.shapeIds ??= new Map(this.shapes.map((k, i) => [k.join('\u0000'), i])));
    const name = keys.join('\u0000');
    let id = ids.get(name);
    if (id === undefined) { id = this.shapes.push(keys) - 1; ids.set(name, id); }
    return id;
  }
}

/** A value as numbers against `table` (which gains the strings and key lists it did not have). */
export function encodeValue(value: unknown, table: CodecTable): Uint8Array {
  const out: number[] = [];
  put(value, out, table, 0);
  const tokens = Float64Array.from(out);
  return new Uint8Array(tokens.buffer);
}

const MAX_DEPTH = 200;

function put(v: unknown, out: number[], table: CodecTable, depth: number): void {
  if (depth > MAX_DEPTH) throw new NotEncodable('nested too deep');
  switch (typeof v) {
    case 'number': out.push(Tag.Number, v); return;
    case 'string': out.push(Tag.String, table.string(v)); return;
    case 'boolean': out.push(v ? Tag.True : Tag.False); return;
    case 'undefined': out.push(Tag.Undefined); return;
    case 'object': break;
    default: throw new NotEncodable(typeof v);
  }
  if (v === null) { out.push(Tag.Null); return; }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) throw new NotEncodable('array subclass');
    out.push(Tag.Array, v.length);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw new NotEncodable('array with holes');
      put(v[i], out, table, depth + 1);
    }
    return;
  }
  if (proto === Object.prototype) {
    const keys = Object.keys(v);
    if (keys.includes('__proto__')) throw new NotEncodable('__proto__ key');
    out.push(Tag.Object, table.shape(keys));
    for (const k of keys) put((v as Record<string, unknown>)[k], out, table, depth + 1);
    return;
  }
  if (ArrayBuffer.isView(v)) {
    const kind = TYPED.findIndex((T) => proto === T.prototype || (T === Uint8Array && v instanceof Uint8Array && !(v instanceof Uint8ClampedArray)));
    if (kind < 0) throw new NotEncodable('typed array kind');
    const a = v as Typed;
    out.push(Tag.Typed, kind, a.length);
    for (let i = 0; i < a.length; i++) out.push(a[i]);
    return;
  }
  if (v instanceof Map && proto === Map.prototype) {
    out.push(Tag.Map, v.size);
    for (const [k, x] of v) { put(k, out, table, depth + 1); put(x, out, table, depth + 1); }
    return;
  }
  if (v instanceof Set && proto === Set.prototype) {
    out.push(Tag.Set, v.size);
    for (const x of v) put(x, out, table, depth + 1);
    return;
  }
  if (v instanceof Date && proto === Date.prototype) { out.push(Tag.Date, v.getTime()); return; }
  throw new NotEncodable('not a plain value');
}

/**
 * The value `bytes` (from encodeValue) stands for, against the table it was encoded with; or the
 * one from byte `from` to byte `to` of them (no view of the part made first: a drive's re-check
 * reads 20,000 parts).
 */
export function decodeValue(bytes: Uint8Array, table: CodecTable, from = 0, to = bytes.byteLength): unknown {
  const at = bytes.byteOffset + from;
  const t = at % 8 === 0
    ? new Float64Array(bytes.buffer, at, (to - from) >> 3)
    : new Float64Array(bytes.slice(from, to).buffer);
  return new Decoder(t, table).take();
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

/** Reads one encoded value: its numbers, where it is in them, and the table they name strings and keys in. */
class Decoder {
  private i = 0;
  private readonly strings: string[];
  private readonly shapes: string[][];

  constructor(private readonly t: Float64Array, table: CodecTable) {
    this.strings = table.strings;
    this.shapes = table.shapes;
  }

  take(): unknown {
    const t = this.t;
    const tag = t[this.i++] as Tag;
    switch (tag) {
      case Tag.Null: return null;
      case Tag.Undefined: return undefined;
      case Tag.True: return true;
      case Tag.False: return false;
      case Tag.Number: return t[this.i++];
      case Tag.String: return this.strings[t[this.i++]];
      case Tag.Array: {
        const n = t[this.i++];
        const a = new Array<unknown>(n);
        for (let j = 0; j < n; j++) a[j] = this.take();
        return a;
      }
      case Tag.Object: {
        const keys = this.shapes[t[this.i++]];
        if (keys === undefined) throw new Error('result codec: key list');
        return makerOf(keys)(this);
      }
      case Tag.Typed: {
        const T = TYPED[t[this.i++]];
        const n = t[this.i++];
        const a = new T(n);
        a.set(t.subarray(this.i, this.i + n));
        this.i += n;
        return a;
      }
      case Tag.Map: {
        const n = t[this.i++];
        const m = new Map<unknown, unknown>();
        for (let j = 0; j < n; j++) { const k = this.take(); m.set(k, this.take()); }
        return m;
      }
      case Tag.Set: {
        const n = t[this.i++];
        const s = new Set<unknown>();
        for (let j = 0; j < n; j++) s.add(this.take());
        return s;
      }
      case Tag.Date: return new Date(t[this.i++]);
      default: throw new Error(`result codec: tag ${String(tag)}`);
    }
  }
}
