import { CodecTable, decodeValue, encodeValue, NotEncodable } from './value-codec.js';

/**
 * A batch of a worker's findings and records on their way to the main thread, in the value codec's
 * form (src/check/value-codec.ts): its bytes, moved and not copied, and the strings and key lists
 * they name. Sent as objects, a structured clone of each batch cost the worker 2.4 s of `review
 * --format json` on 300,000 orders and the main thread as much again to read back (issue #25); the
 * codec writes each string once a batch and the main thread makes each object in one step.
 */
export interface EventWire {
  bytes: Uint8Array;
  /** the strings, one after another in one string (a copy of one string, where an array of thousands cost each its own), and their lengths */
  text: string;
  lengths: Uint32Array;
  shapes: string[][];
}

/**
 * A batch's table: a short value of an object that is not the one its place had in the object before
 * is added, not looked up — in a batch of findings and order records those are the messages, cells,
 * values and order numbers, each of its own, which a lookup hashed and kept in a map only to find it
 * new (the worker's largest single cost of `review --format junit` beyond the text report). Such a
 * string that comes again is carried twice (the main thread reads back the same text); a long one
 * (LONG_TEXT characters or more) is looked up as before: two statuses of 32,767 characters taking
 * turns over 20,000 rows, each carried again, took 1 GB where 315 MB did (outsider helper-124).
 */
class WireTable extends CodecTable {
  protected override newAt(s: string): number {
    return s.length >= LONG_TEXT ? this.string(s) : this.strings.push(s) - 1;
  }
}

/** A string this long is looked up in a batch's table, however it comes (see WireTable). */
const LONG_TEXT = 256;

/**
 * The most characters one message's strings carry, joined into one string: V8's longest string is
 * ~536 million characters, and a batch of 1,000 findings that each carry a cell of 400,000 characters
 * (a program, not Excel, writes such cells) went past it — the file was then reported unreadable
 * (outsider helper-124). A batch that would is sent in parts.
 */
export const MAX_WIRE_CHARS = 1 << 26;

/** The bytes the last batch took (the next is about as large). */
let lastSize = 4096;

/** One message's part of a batch. */
export type WirePart<E> = { wire: EventWire } | { events: E[] };

/**
 * A batch as messages carry it, in order: in the codec's form, or as it is when the codec cannot
 * hold it (a class's instance); in parts when its strings come to more than `maxChars` characters
 * (a single event beyond that goes as it is: its strings are then cloned one by one).
 */
export function toWires<E>(events: E[], maxChars = MAX_WIRE_CHARS): Array<WirePart<E>> {
  const table = new WireTable();
  try {
    // moved to the main thread whole: no copy of its bytes made, its buffer as large as the batch before needed
    const bytes = encodeValue(events, table, { size: lastSize + (lastSize >> 3), whole: true });
    lastSize = bytes.byteLength;
    // the strings' lengths and their sum, in a loop (Uint32Array.from with a function was an iterator and a call a string)
    const { strings } = table;
    const lengths = new Uint32Array(strings.length);
    let chars = 0;
    for (let i = 0; i < strings.length; i++) chars += (lengths[i] = strings[i].length);
    if (chars > maxChars) {
      if (events.length === 1) return [{ events }];
      const half = events.length >> 1;
      return [...toWires(events.slice(0, half), maxChars), ...toWires(events.slice(half), maxChars)];
    }
    return [{ wire: { bytes, text: strings.join(''), lengths, shapes: table.shapes } }];
  } catch (err) {
    if (err instanceof NotEncodable) return [{ events }];
    throw err;
  }
}

/** The batch a message carries. */
export function fromWire<E>(msg: { wire?: EventWire; events?: E[] }): E[] | undefined {
  if (!msg.wire) return msg.events;
  const { bytes, text, lengths, shapes } = msg.wire;
  const strings = new Array<string>(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i++]) strings[i] = text.slice(at, at + lengths[i]);
  return decodeValue(bytes, new CodecTable(strings, shapes)) as E[];
}

/** What to move with a message instead of copying it. */
export const transferOf = (m: { wire?: EventWire }): ArrayBuffer[] => (m.wire ? [m.wire.bytes.buffer as ArrayBuffer, m.wire.lengths.buffer as ArrayBuffer] : []);

/** The typed arrays of a file's join data: in a contribution's fields, or in their lists. */
export function joinArrays(contributions: ReadonlyArray<{ data: unknown }>): ArrayBufferView[] {
  const found: ArrayBufferView[] = [];
  const take = (x: unknown) => { if (ArrayBuffer.isView(x)) found.push(x); };
  for (const c of contributions) {
    if (typeof c.data !== 'object' || c.data === null) continue;
    for (const v of Object.values(c.data)) {
      if (Array.isArray(v)) for (const x of v) take(x);
      else take(v);
    }
  }
  return found;
}

/**
 * The buffers of a file's join data to move with its outcome instead of copying: a typed array that
 * is all of its buffer (ship-late's order numbers as bytes and payment times: at a million orders a
 * copy of each took 65 MB more at the run's peak). The worker holds no other reference to them once
 * the outcome is sent.
 */
export function ownBuffersOf(contributions: ReadonlyArray<{ data: unknown }>): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  for (const x of joinArrays(contributions)) {
    if (x.buffer instanceof ArrayBuffer && x.byteOffset === 0 && x.byteLength === x.buffer.byteLength && x.byteLength > 0) found.add(x.buffer);
  }
  return [...found];
}
