import { describe, expect, it } from 'vitest';
import { parseCell, type CellResult, type CellSpec } from '../../src/cells/parse.js';
import { ParsedColumn } from '../../src/cells/parsed-column.js';
import type { RawCell } from '../../src/cells/raw.js';
import type { DateContext } from '../../src/cells/date.js';

/** Everything a rule can read of a cell. */
const seen = (c: CellResult) => ({ text: c.text, empty: c.empty, value: c.value, problem: c.problem, detail: c.detail, key: c.key });

/** Texts as exports write them, each a shared string of the workbook (its index is its place). */
const TEXTS = [
  '已付款', '待发货', '  广东省 ', '深圳市', '-', '无', 'null', '', ' ', '　', '是', '否', '预售', '129', '1,299.50', '¥59', '5.2万', '12%',
  '89-159元', '1-3kg', '500g', '2斤', '3.8万(+52%)', '2024.1-3', '5(搜索量高)', '="3756291048576123456"', "'138****8000", '6.921E+18',
  '12345678901234567890', '2024-05-20', '5.17', '2024年4月1日', '抖店', '淘宝', '天猫(旗舰店)', 'TRUE', '#N/A', '0', '-0', '1e3',
];

const COLUMNS: Record<string, CellSpec> = {
  text: { type: 'text' },
  ids: { type: 'text', keepDigits: true },
  integer: { type: 'integer' },
  number: { type: 'number' },
  money: { type: 'money' },
  score: { type: 'score' },
  enum: { type: 'enum', optionOf: (w) => ({ 抖店: '抖音', 抖音: '抖音', 淘宝: '淘宝', 天猫: '天猫' } as Record<string, string>)[w] },
  range: { type: 'range', units: ['元'] },
  period: { type: 'period' },
  boolean: { type: 'boolean' },
  weight: { type: 'weight' },
  change: { type: 'change' },
  date: { type: 'date' },
  datetime: { type: 'datetime' },
};

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** A cell as the sheet reader makes it: a shared string, and now and then an inline string, a number, a formula's error or an odd index. */
function rawCell(next: () => number): RawCell | undefined {
  const r = next();
  const i = Math.floor(next() * TEXTS.length);
  if (r < 0.03) return undefined;
  if (r < 0.06) return { value: TEXTS[i] };
  if (r < 0.09) return { value: i * 1.5 };
  if (r < 0.1) return { value: null, error: '#REF!' };
  if (r < 0.11) return { value: TEXTS[i], sst: i, error: '#VALUE!' };
  if (r < 0.12) return { value: TEXTS[i], sst: i, formula: 'A1&""' };
  if (r < 0.13) return { value: TEXTS[i], sst: i, covered: true };
  // a hostile file's index: not a whole number, negative, past the slots (the same slot as another)
  if (r < 0.14) return { value: TEXTS[i], sst: [-1, 1.5, i + 1024, i + 4096, NaN][Math.floor(next() * 5)] };
  return { value: TEXTS[i], sst: i };
}

describe('ParsedColumn: a column\'s cells, a shared string read once', () => {
  for (const [name, col] of Object.entries(COLUMNS)) {
    it(`reads every cell as parseCell does (${name})`, () => {
      const next = random(name.length * 7919);
      const column = new ParsedColumn(col);
      const ctx: DateContext = { defaultYear: 2024 };
      const shadow: DateContext = { defaultYear: 2024 };
      for (let k = 0; k < 20_000; k++) {
        // the date context changes as rows go by (a year taken from the row above)
        if (k % 97 === 0) ctx.defaultYear = shadow.defaultYear = 2020 + (k % 7);
        const raw = rawCell(next);
        expect(seen(column.parse(raw, ctx)), `cell ${k}: ${JSON.stringify(raw)}`).toEqual(seen(parseCell(raw, col, shadow)));
      }
    });
  }

  it('gives the same cell for a text repeated down a column, and a date column its reading of the year above', () => {
    const text = new ParsedColumn(COLUMNS.text);
    // a column keeps its cells once it has read a few hundred (a small sheet's make no table)
    for (let i = 0; i < 1000; i++) text.parse({ value: '广东省', sst: 3 }, {});
    const a = text.parse({ value: '广东省', sst: 3 }, {});
    expect(text.parse({ value: '广东省', sst: 3 }, {})).toBe(a);
    expect(text.parse({ value: '广东省', sst: 3 + 1024 }, {})).not.toBe(a);
    expect(text.parse({ value: '广东', sst: 3 }, {}).text).toBe('广东');

    const date = new ParsedColumn(COLUMNS.date);
    for (let i = 0; i < 1000; i++) date.parse({ value: '5.17', sst: 9 }, { defaultYear: 2022 });
    expect(date.parse({ value: '5.17', sst: 9 }, { defaultYear: 2023 }).value).toEqual(new Date(Date.UTC(2023, 4, 17)));
    expect(date.parse({ value: '5.17', sst: 9 }, { defaultYear: 2024 }).value).toEqual(new Date(Date.UTC(2024, 4, 17)));
  });

  it('stops keeping the cells of a column whose texts do not repeat, and reads it the same after', () => {
    const column = new ParsedColumn(COLUMNS.ids);
    for (let i = 0; i < 10_000; i++) {
      const raw = { value: String(20240501000000 + i), sst: i };
      expect(seen(column.parse(raw, {}))).toEqual(seen(parseCell(raw, COLUMNS.ids, {})));
    }
    // judged after its first lookups: one seen again is read again, not kept
    const again = { value: String(20240501009999), sst: 9999 };
    expect(column.parse(again, {})).not.toBe(column.parse(again, {}));
    expect(seen(column.parse(again, {}))).toEqual(seen(parseCell(again, COLUMNS.ids, {})));
  });
});
