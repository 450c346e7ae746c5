import { describe, expect, it } from 'vitest';
import { RowReader, RowWriter, type RowFields } from '../../src/drive/index-rows.js';

const row = (over: Partial<RowFields> = {}): RowFields => ({
  path: '/mnt/共享盘/店铺A/05-订单处理与履约 (1).xlsx', display: '店铺A/05-订单处理与履约 (1).xlsx', hash: 'a'.repeat(64),
  size: 13_384, mtimeMs: 1_796_386_736_152.911, ctimeMs: 1_796_386_736_153.5, ino: 2 ** 40 + 7, checkedAt: 1_796_390_346_384,
  key: 0, build: 0, clock: -1, at: -1, v8: false, split: 140, length: 1060, eventsAt: 38, printKey: -1, printAt: 1060, tally: [], ...over,
});

/**
 * A cache's index rows (issue #26): every field of an entry comes back as it was written — names
 * in any script, times with fractions of a millisecond, inodes past 2^32, the optional clock, its
 * reading and the printed section with its tally — and a row cut short is refused, never read past.
 */
describe('the rows of a cache index', () => {
  it('read back every field as written, for entries with and without their optional parts', () => {
    const rows = [
      row(),
      row({ path: '/d/x.xlsx', display: 'x.xlsx', clock: 2, at: 3, v8: true, printKey: 1, printAt: 900, tally: ['order-manual-review', 0, 3, 0, '标题-极限词', 12, 0, 4_000_000_000] }),
      row({ path: `/d/${'很长的名字'.repeat(5000)}.xlsx`, display: '', size: 0, mtimeMs: -1.25, ino: 0, split: 0, length: 0, eventsAt: 0, printAt: 0 }),
      // a name UTF-8 cannot hold as it is (a Windows name may have a lone surrogate): back exactly, not as U+FFFD
      row({ path: 'C:\\共享\\a\ud800b.xlsx', display: 'a\udc00b.xlsx', tally: ['x\ud83d', 1, 0, 0] }),
    ];
    const writer = new RowWriter();
    for (const r of rows) writer.add(r);
    const bytes = writer.bytes();
    // at an odd offset in a larger buffer, as the rows sit in a cache file read whole
    const data = Buffer.concat([Buffer.from([1, 2, 3]), bytes, Buffer.from([9])]);
    const reader = new RowReader(data, 3, 3 + bytes.length);
    const back: RowFields[] = [];
    while (!reader.done) back.push(reader.next());
    expect(back).toEqual(rows);
  });

  it('a row cut short throws instead of reading what follows it', () => {
    const writer = new RowWriter();
    writer.add(row({ tally: ['ship-late', 1, 0, 0] }));
    const bytes = writer.bytes();
    for (const cut of [1, 2, 10, bytes.length - 1]) {
      const data = Buffer.concat([bytes.subarray(0, cut), Buffer.alloc(64, 0xff)]);
      expect(() => new RowReader(data, 0, cut).next(), String(cut)).toThrow(/runs past its end/);
    }
  });

  it('refuses to write what a row cannot hold', () => {
    expect(() => new RowWriter().add(row({ split: -1 }))).toThrow(RangeError);
    expect(() => new RowWriter().add(row({ length: 2 ** 32 }))).toThrow(RangeError);
  });
});
