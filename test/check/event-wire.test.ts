import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fromWire, toWire, transferOf, type EventWire, ownBuffersOf } from '../../src/check/event-wire.js';
import type { WorkerEvent } from '../../src/check/worker.js';
import type { Finding } from '../../src/rules/types.js';

const finding = (row: number, over: Partial<Finding> = {}): Finding => ({
  ruleId: 'order-manual-review', severity: 'warning', file: '店铺A/订单.xlsx', sheet: '订单', row, column: 'A', cell: `A${row}`,
  message: `需要人工审核：金额超过自动审核上限 500 元 #${row}`, ...over,
} as Finding);

/** A batch through a real message port, as the worker sends it: moved, not copied, and read back on the other side. */
async function across(events: WorkerEvent[]): Promise<{ events: WorkerEvent[]; moved: boolean }> {
  const { port1, port2 } = new MessageChannel();
  const msg: { wire?: EventWire; events?: WorkerEvent[] } = toWire(events);
  const got = new Promise<{ wire?: EventWire; events?: WorkerEvent[] }>((resolve) => port2.once('message', resolve));
  port1.postMessage(msg, transferOf(msg));
  const received = await got;
  port1.close();
  port2.close();
  // the sender's bytes were moved: its view of them is empty now
  return { events: fromWire(received)!, moved: msg.wire !== undefined && msg.wire.bytes.byteLength === 0 };
}

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

  it('what the codec cannot hold (a class\'s instance, a `__proto__` key, an array with holes) goes as it is', async () => {
    class Money { constructor(readonly fen: bigint) {} }
    const holes: unknown[] = [1];
    holes[3] = 4;
    const proto = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    for (const odd of [new Money(5n), proto, holes, 10n]) {
      const events: WorkerEvent[] = [['finding', finding(2)], ['record', 'order', { odd }]];
      const wired = toWire(events);
      expect('events' in wired).toBe(true);
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
