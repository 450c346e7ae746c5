import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../../src/workbook/open.js';

/**
 * A CSV is read in pieces of 64 KB (so that a batch of rows dies young, issue #25: in pieces of 1 MB
 * every row of a large export lived long enough to be moved to V8's old generation, and an annotated
 * copy of one peaked at ~400 MB whatever its size). Every piece's edge falls somewhere: inside a
 * Chinese character of UTF-8 or GBK, inside a quoted cell that holds commas, quotes and line breaks.
 */
describe('a CSV of many pieces', () => {
  const rows = Array.from({ length: 6_000 }, (_, i) => [
    `2024${String(i).padStart(8, '0')}`,
    i % 7 ? `新疆维吾尔自治区乌鲁木齐市天山区解放北路${i}号` : `"浙江省杭州市西湖区, 文三路 ""${i}"" 号\n3 楼"`,
    String(100 + (i % 900)),
    i % 5 ? '' : `加急！请尽快发货😀 第${i}单`,
  ]);
  const text = `订单号,收货地址,实付金额,买家留言\n${rows.map((r) => r.join(',')).join('\n')}\n`;
  const expected = rows.map((r) => r.map((v) => (v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v)));

  it.each([['utf-8', Buffer.from(text, 'utf8')], ['gbk', iconv.encode(text.replace(/😀/g, ''), 'gbk')]] as const)('%s: every row and cell as written', async (name, bytes) => {
    expect(bytes.length).toBeGreaterThan(5 * 64 * 1024);
    const dir = tempDir();
    const path = join(dir, `orders-${name}.csv`);
    writeFileSync(path, bytes);
    const wb = await openWorkbook(path);
    const got: string[][] = [];
    for await (const sheet of wb.sheets()) {
      for await (const batch of sheet.batches()) for (const row of batch) got.push([1, 2, 3, 4].map((i) => { const c = row.cells[i]; return c?.value === undefined || c?.value === null ? '' : String(c.value); }));
    }
    const want = name === 'gbk' ? expected.map((r) => r.map((v) => v.replace(/😀/g, ''))) : expected;
    expect(got.length).toBe(want.length + 1);
    expect(got.slice(1)).toEqual(want);
  });
});
