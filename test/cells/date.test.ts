import { describe, expect, it } from 'vitest';
import { formatDate, fromExcelSerial, isoWallClock, parseDate, toExcelSerial } from '../../src/cells/date.js';

const day = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh, mm));

describe('parseDate', () => {
  it.each([
    ['2024-04-01', day(2024, 4, 1)],
    ['2024/4/1', day(2024, 4, 1)],
    ['2024年4月1日', day(2024, 4, 1)],
    ['2024.4.1', day(2024, 4, 1)],
    ['20240401', day(2024, 4, 1)],
    ['２０２４－０４－０１', day(2024, 4, 1)],
    ['2024-05-20 14:30', day(2024, 5, 20, 14, 30)],
    ['2024-05-20T14:30:00', day(2024, 5, 20, 14, 30)],
    [45383, day(2024, 4, 1)],
    [45432.5, day(2024, 5, 20, 12)],
  ] as const)('%j', (input, expected) => expect(parseDate(input)).toEqual(expected));

  it('takes the year from context for 5.17', () => {
    expect(parseDate('5.17', { defaultYear: 2024 })).toEqual(day(2024, 5, 17));
    expect(parseDate('5月17日', { defaultYear: 2024 })).toEqual(day(2024, 5, 17));
    expect(parseDate(5.17, { defaultYear: 2024 })).toEqual(day(2024, 5, 17));
    expect(parseDate(5.1, { defaultYear: 2024 })).toEqual(day(2024, 5, 10));
    expect(parseDate('5.17')).toBeUndefined();
  });

  it('passes Date cells through', () => expect(parseDate(day(2024, 4, 1))).toEqual(day(2024, 4, 1)));

  it.each(['2024-02-30', '2024-13-01', 'tomorrow', '', '2024-04-01 25:00'])('rejects %j', (t) => expect(parseDate(t)).toBeUndefined());

  it('knows the 1904 date system', () => {
    expect(fromExcelSerial(43921, true)).toEqual(day(2024, 4, 1));
    expect(toExcelSerial(day(2024, 4, 1))).toBe(45383);
  });

  it('formats as the sheet shows it', () => {
    expect(formatDate(day(2024, 4, 1))).toBe('2024-04-01');
    expect(formatDate(day(2024, 5, 20, 9, 5))).toBe('2024-05-20 09:05');
  });
});

describe('times as operators and ERPs type them', () => {
  it.each([
    ['2024年5月20日 10时00分', day(2024, 5, 20, 10, 0)],
    ['2024年5月20日 10时30分15秒', new Date(Date.UTC(2024, 4, 20, 10, 30, 15))],
    ['2024/5/20 10:00:00', day(2024, 5, 20, 10, 0)],
    ['20240520100000', day(2024, 5, 20, 10, 0)],
    ['202405201030', day(2024, 5, 20, 10, 30)],
    ['5月20日 10:00', day(2024, 5, 20, 10, 0)],
    ['5-20 10:00', day(2024, 5, 20, 10, 0)],
    ['2024年5月20日 10点30', day(2024, 5, 20, 10, 30)],
    ['2024-05-20T14:30', day(2024, 5, 20, 14, 30)],
  ])('%s', (text, expected) => expect(parseDate(text, { defaultYear: 2024 })).toEqual(expected));

  it.each(['20241320', '2024年5月32日', '2024/5/20 25:00', '5月20日 10:61'])('%s is no time', (text) => expect(parseDate(text, { defaultYear: 2024 })).toBeUndefined());
});

describe('a zone no place on Earth has is no time (outsider helper-69: +08:60 and +99:99 were rolled over)', () => {
  const at = (hh: number, mm: number) => new Date(Date.UTC(2024, 4, 20, hh, mm));
  it.each(['2024-05-20T14:30:00+08:60', '2024-05-20T14:30:00+99:99', '2024-05-20T14:30:00+15:00', '2024-05-20T14:30:00-13:00', '2024-05-20 14:30+0875'])('%s is no time', (text) => {
    expect(parseDate(text)).toBeUndefined();
    expect(isoWallClock(text.replace(' ', 'T'))).toBeUndefined();
  });
  it.each([['2024-05-20T20:30:00+14:00', at(14, 30)], ['2024-05-19T18:30:00-12:00', at(14, 30)], ['2024-05-20T06:30:00z', at(14, 30)]] as const)('%s is the edge of the zones: %s', (text, when) => {
    expect(parseDate(text)).toEqual(when);
    expect(isoWallClock(text)).toEqual(when);
  });
});

describe('times as ERPs and platform APIs write them: shown and compared in China time', () => {
  const at = (hh: number, mm: number, ss = 0, ms = 0) => new Date(Date.UTC(2024, 4, 20, hh, mm, ss, ms));
  it.each([
    ['2024-05-20T06:30:00Z', at(14, 30)],
    ['2024-05-20T06:30:00.000Z', at(14, 30)],
    ['2024-05-20T14:30:00+08:00', at(14, 30)],
    ['2024-05-20T14:30:00.250+08:00', at(14, 30, 0, 250)],
    ['2024-05-20 14:30:00+0800', at(14, 30)],
    ['2024-05-19T22:30:00-08:00', at(14, 30)],
    ['2024-05-20T15:30:00+09:00', at(14, 30)],
    ['1716186600000', at(14, 30)],
    ['1716186600', at(14, 30)],
    [1716186600000, at(14, 30)],
    [1716186600, at(14, 30)],
    ['2024-05-20 下午1:00', at(13, 0)],
    ['2024/5/20 上午9:30', at(9, 30)],
    ['2024-05-20 下午12:15', at(12, 15)],
    ['2024-05-20 晚上8:00', at(20, 0)],
    ['2024-05-20 凌晨12:10', at(0, 10)],
    ['2024-05-20 1:00 PM', at(13, 0)],
    ['2024-05-20 12:30 AM', at(0, 30)],
    ['5月20日 下午3:05', at(15, 5)],
    // what Excel writes on an English system after a re-save: month/day/year
    ['5/20/2024 14:30', at(14, 30)],
    ['5/20/2024 2:30 PM', at(14, 30)],
  ] as const)('%s', (input, expected) => expect(parseDate(input, { defaultYear: 2024 })).toEqual(expected));

  it.each(['2024-05-20 下午13:00', '2024-05-20 上午 9:30 下午', '2024-05-20T14:30:00+25:00x', 12345678901234567])('%s is no time', (input) => expect(parseDate(input as string, { defaultYear: 2024 })).toBeUndefined());
});

describe('a month and day typed as a number reads two ways when both are days', () => {
  it.each([
    [5.1, ['2024-05-01', '2024-05-10']],
    [5.2, ['2024-05-02', '2024-05-20']],
    [5.3, ['2024-05-03', '2024-05-30']],
    [12.3, ['2024-12-03', '2024-12-30']],
  ])('%s → %j', async (n, both) => {
    const { ambiguousMonthDay } = await import('../../src/cells/date.js');
    expect(ambiguousMonthDay(n, { defaultYear: 2024 })!.map(formatDate)).toEqual(both);
  });
  it.each([5.4, 5.17, 2.3, 5, 13.1])('%s reads one way (or none)', async (n) => {
    const { ambiguousMonthDay } = await import('../../src/cells/date.js');
    expect(ambiguousMonthDay(n, { defaultYear: 2024 })).toBeUndefined();
  });
  it('in a date column it is a finding with both readings, not a guess', async () => {
    const { parseCell } = await import('../../src/cells/parse.js');
    const cell = parseCell({ value: 5.1 }, { type: 'date' }, { defaultYear: 2024 });
    expect(cell.problem).toBe('ambiguous');
    expect(cell.value).toBeUndefined();
    expect(cell.detail).toBe('2024-05-01 / 2024-05-10');
    expect(parseCell({ value: '5.1' }, { type: 'date' }, { defaultYear: 2024 }).value).toEqual(day(2024, 5, 1)); // typed as text: May 1st
    expect(parseCell({ value: 5.17 }, { type: 'date' }, { defaultYear: 2024 }).value).toEqual(day(2024, 5, 17));
  });
});
