import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterSaleClass, STATUS_CLASSES, statusClass, type StatusClass } from '../../src/domain/order-status.js';
import { matchHeader } from '../../src/sheets/detect.js';
import { orders } from '../../src/sheets/kinds/orders.js';

/**
 * docs/platform-exports.md is what ecsop reads: every header on it is read as the column it names,
 * every status word as the class it names. A change to the recognition that the page does not
 * follow (or the reverse) fails here.
 */
const page = readFileSync(join(__dirname, '../../docs/platform-exports.md'), 'utf8');

function tables(kind: 'columns' | 'words'): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  const re = new RegExp(`<!-- platform: (\\S+) ${kind} -->\\n((?:\\|.*\\n)+)`, 'g');
  for (const m of page.matchAll(re)) {
    for (const line of m[2].trim().split('\n').slice(2)) {
      const [a, b] = line.split('|').slice(1, 3).map((c) => c.trim());
      out.push([m[1], a, b]);
    }
  }
  return out;
}

const columns = tables('columns');
const words = tables('words');

describe('docs/platform-exports.md matches the recognition', () => {
  it('covers the six platforms and the ERPs', () => {
    expect(new Set(columns.map(([p]) => p))).toEqual(new Set(['taobao', 'douyin', 'pdd', 'jd', 'kuaishou', 'xiaohongshu', 'erp']));
    expect(new Set(words.map(([p]) => p))).toEqual(new Set(['taobao', 'douyin', 'pdd', 'jd', 'kuaishou', 'xiaohongshu', 'erp']));
  });

  it.each(columns)('%s: %s is read as %s', (_, header, key) => {
    expect(orders.columns.some((c) => c.key === key), `${key} is a column of the orders sheet`).toBe(true);
    expect(matchHeader(orders, [undefined, header], 1).columns.get(key)).toBe(1);
  });

  it.each(words)('%s: %s is %s', (_, word, cls) => {
    if ((STATUS_CLASSES as readonly string[]).includes(cls)) {
      const asStatus = statusClass(word);
      expect(asStatus === cls || (cls === 'after-sale' && afterSaleClass(word) === 'after-sale'), `${word}: ${asStatus}`).toBe(true);
    } else {
      expect(afterSaleClass(word)).toBe(cls as StatusClass);
    }
  });
});
