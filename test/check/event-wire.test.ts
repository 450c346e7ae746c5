import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fromWire, MAX_WIRE_CHARS, toWires, transferOf, type EventWire, type WirePart, ownBuffersOf } from '../../src/check/event-wire.js';
import type { WorkerEvent } from '../../src/check/worker.js';
import type { Finding } from '../../src/rules/types.js';

const finding = (row: number, over: Partial<Finding> = {}): Finding => ({
  ruleId: 'order-manual-review', severity: 'warning', file: '店铺A/订单.xlsx', sheet: '订单', row, column: 'A', cell: `A${row}`,
  message: `需要人工审核：金额超过自动审核上限 500 元 #${row}`, ...over,
} as Finding);

/** A batch through a real message port, as the worker sends it (one message a part): moved, not copied, and read back on the other side. */
async function across(events: WorkerEvent[], maxChars?: number): Promise<{ events: WorkerEvent[]; moved: boolean; parts: Array<WirePart<WorkerEvent>> }> {
  const { port1, port2 } = new MessageChannel();
  const parts = toWires(events, maxChars);
  const back: WorkerEvent[] = [];
  let moved = true;
  for (const msg of parts) {
    const got = new Promise<{ wire?: EventWire; events?: WorkerEvent[] }>((resolve) => port2.once('message', resolve));
    port1.postMessage(msg, 'wire' in msg ? transferOf(msg) : []);
    back.push(...fromWire(await got)!);
    // the sender's bytes were moved: its view of them is empty now
    moved &&= 'wire' in msg && msg.wire.bytes.byteLength === 0;
  }
  port1.close();
  port2.close();
  return { events: back, moved, parts };
}

/** The characters a batch's parts carry as text. */
const textOf = (parts: Array<WirePart<WorkerEvent>>) => parts.reduce((n, p) => n + ('wire' in p ? p.wire.text.length : 0), 0);

/**
 * A worker's findings and records cross to the main thread in the value codec's form (issue #25):
 * what arrives is what was sent — every kind of value a rule or a collector makes, keys in their
 * order (the JSON report writes them so), strings of any script, control characters, lone
 * surrogates — and a batch the codec cannot hold goes as it is.
 */
describe('a batch of events between the threads', () => {
  it('arrives as it was sent: findings, records, every plain value, keys in order', async () => {
    const events: WorkerEvent[] = [
      ['finding', finding(2, { value: '20240501000001', reasons: ['amount-over-auto-limit', 'amount-large'], docs: 'docs/rules/order-manual-review.md' } as Partial<Finding>)],
      ['finding', finding(3, { message: 'a\u0000b\u202ec\ud800 lone, \u2028 and 🧧 红包', value: -0 } as Partial<Finding>)],
      ['record', 'order', { orderId: '001', amountFen: 123456789012, paidAt: new Date(Date.UTC(2024, 4, 20, 8, 30)), nan: Number.NaN, inf: -Infinity, half: 0.1 + 0.2,
        big: 2 ** 53 + 2, neg: -42, none: undefined, nil: null, yes: true, no: false, lines: [1, 'two', [3]], byId: new Map<unknown, unknown>([['a', 1], [2, { b: 3 }]]),
        tags: new Set(['x', 'y']), cells: new Float64Array([1.5, -0, Number.NaN]), bytes: new Uint8Array([0, 255]), '2': 'a key that reads as a number', z: 'last' }],
      ['record', 'empty', {}],
    ];
    const { events: back, moved } = await across(events);
    expect(moved).toBe(true);
    expect(back).toEqual(events);
    // the same bytes a report would write of them (key order and all)
    expect(JSON.stringify(back)).toBe(JSON.stringify(events));
    expect(Object.is((back[1][1] as Finding & { value: number }).value, -0)).toBe(true);
    expect(Object.keys(back[2][2] as object)).toEqual(Object.keys(events[2][2] as object));
  });

  it('a thousand findings with a few key lists (some as long as another, the last key differing) and many distinct strings', async () => {
    const last = (i: number) => (i % 2 ? { field: '收货地址' } : { docs: 'docs/rules/order-manual-review.md' });
    const events: WorkerEvent[] = Array.from({ length: 1000 }, (_, i) => ['finding', finding(i + 2, i % 3 ? last(i) : { field: '收货地址', value: `新疆维吾尔自治区 ${i} 号` } as Partial<Finding>)]);
    const { events: back } = await across(events);
    expect(back).toEqual(events);
  });

  it('a value that comes back to its place after another (two rules taking turns, a message seen three findings before) arrives as it was', async () => {
    const events: WorkerEvent[] = Array.from({ length: 2000 }, (_, i) => ['finding', finding(i + 2, {
      ruleId: i % 2 ? 'order-manual-review' : 'order-address-incomplete', column: i % 2 ? 'A' : 'K', message: `信息 ${i % 3}`, value: i % 5 ? `值 ${i}` : '20240501000001',
    } as Partial<Finding>)]);
    const { events: back } = await across(events);
    expect(back).toEqual(events);
    expect(JSON.stringify(back)).toBe(JSON.stringify(events));
  });

  it('a long text that comes back at its place after another is carried once a batch (two statuses of 32,767 characters taking turns)', async () => {
    const texts = ['状态甲'.repeat(10_922), '状态乙'.repeat(10_922)];
    const events: WorkerEvent[] = Array.from({ length: 1000 }, (_, i) => (i % 2
      ? ['record', 'order', { orderId: `O${i}`, statusText: texts[(i >> 1) % 2], reasonText: texts[((i >> 1) + 1) % 2] }]
      : ['finding', finding(i + 2, { message: texts[(i >> 1) % 2] } as Partial<Finding>)]));
    const { events: back, parts } = await across(events);
    expect(back).toEqual(events);
    // each long text once (and the short ones): 1,500 times over, it was 49 million characters
    expect(textOf(parts)).toBeLessThan(2 * 32_766 + 50_000);
  });

  it('a batch whose texts come to more than MAX_WIRE_CHARS goes in parts, in order (V8 makes no string of more than ~536 million characters)', async () => {
    expect(MAX_WIRE_CHARS).toBeLessThan(536_000_000 / 4);
    const long = (i: number) => `${i}`.padEnd(Math.ceil(MAX_WIRE_CHARS / 100) + 1, 'x');
    const events: WorkerEvent[] = Array.from({ length: 100 }, (_, i) => ['record', 'order', { orderId: `O${i}`, note: long(i) }]);
    const { events: back, parts } = await across(events);
    expect(parts.length).toBe(2);
    expect(back.length).toBe(100);
    expect(back.every((e, i) => (e[2] as { note: string }).note === long(i) && (e[2] as { orderId: string }).orderId === `O${i}`)).toBe(true);
  }, 60_000);

  it('in parts of at most the characters asked for; an event longer than that alone goes as it is', async () => {
    const events: WorkerEvent[] = Array.from({ length: 100 }, (_, i) => ['finding', finding(i + 2, { message: `第 ${i} 行`.padEnd(i === 50 ? 30_000 : 900, '。') } as Partial<Finding>)]);
    const { events: back, parts } = await across(events, 10_000);
    expect(back).toEqual(events);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) {
      if ('wire' in p) expect(p.wire.text.length).toBeLessThanOrEqual(10_000);
      else expect(p.events.map((e) => (e[1] as Finding).row)).toEqual([52]);
    }
  });

  it('what the codec cannot hold (a class\'s instance, a `__proto__` key, an array with holes) goes as it is', async () => {
    class Money { constructor(readonly fen: bigint) {} }
    const holes: unknown[] = [1];
    holes[3] = 4;
    const proto = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    for (const odd of [new Money(5n), proto, holes, 10n]) {
      const events: WorkerEvent[] = [['finding', finding(2)], ['record', 'order', { odd }]];
      const wired = toWires(events);
      expect(wired.length === 1 && 'events' in wired[0]).toBe(true);
      const { events: back } = await across(events);
      expect(JSON.stringify(back, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(JSON.stringify(events, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
    }
  });
});

describe('ownBuffersOf: the join data moved with a file\'s outcome', () => {
  it('moves a typed array that is all of its buffer, in a field or a list, once; never a view of a larger buffer (it may be another\'s)', () => {
    const ids = new TextEncoder().encode('a\0b');
    const paid = new Float64Array(3);
    const shared = new Uint8Array(64);
    const small = Buffer.from('pooled');
    const moved = ownBuffersOf([
      { data: { kind: 'orders', ids: [ids, ['x\0y']], paidAt: paid, presale: shared.subarray(8, 16) } },
      { data: { again: paid, small, empty: new Uint8Array(0), text: 'no', rows: [{ nested: new Uint8Array(4) }] } },
      { data: null },
    ]);
    expect(moved).toEqual([ids.buffer, paid.buffer]);
  });
});
