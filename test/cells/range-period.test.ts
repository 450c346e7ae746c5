import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/cells/period.js';
import { parseRange, parseRatio } from '../../src/cells/range.js';

describe('parseRange', () => {
  it.each([
    ['89-159元', 89, 159],
    ['199-299元', 199, 299],
    ['89元-159元', 89, 159],
    ['89~159', 89, 159],
    ['89～159元', 89, 159],
    ['89至159元', 89, 159],
    ['¥89-¥159', 89, 159],
    ['１５９-８９元', 159, 89], // parsed as typed; competitor-price-range reports low > high
    ['99元', 99, 99],
  ] as const)('%s', (t, low, high) => {
    expect(parseRange(t)).toMatchObject({ low, high });
  });
  it.each(['', 'abc', '89-', '-', '1-2-3'])('rejects %j', (t) => expect(parseRange(t)).toBeUndefined());
});

describe('parseRatio', () => {
  it.each([['1:3', 1, 3], ['1：3', 1, 3], [' 2 : 5 ', 2, 5]] as const)('%s', (t, l, r) => expect(parseRatio(t)).toEqual({ left: l, right: r }));
  it('reads 1比3 as people type it; rejects text', () => {
    expect(parseRatio('1比3')).toEqual({ left: 1, right: 3 });
    expect(parseRatio('一些')).toBeUndefined();
    expect(parseRatio('ROI≥3')).toBeUndefined(); // a target, not a ratio
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2024.1-3', 3],
    ['2023.10-2024.3', 6],
    ['2024年1-3月', 3],
    ['2024.01-2024.03', 3],
    ['2024/1-2024/12', 12],
    ['2023.1-2024.3', 15],
    ['近6个月', 6],
    ['近3月', 3],
    ['近1年', 12],
    ['2024.5-5', 1],
  ] as const)('%s covers %s months', (t, months) => expect(parsePeriod(t)?.months).toBe(months));
  it('keeps start and end', () => {
    expect(parsePeriod('2023.10-2024.3')).toEqual({ start: { year: 2023, month: 10 }, end: { year: 2024, month: 3 }, months: 6 });
  });
  it.each(['', '2024.3-1', '2024.13-14', 'Q1', '近0个月'])('rejects %j', (t) => expect(parsePeriod(t)).toBeUndefined());
  it('a year alone is that year', () => expect(parsePeriod('2024')).toEqual({ start: { year: 2024, month: 1 }, end: { year: 2024, month: 12 }, months: 12 }));
});
