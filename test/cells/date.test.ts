import { describe, expect, it } from 'vitest';
import { formatDate, fromExcelSerial, parseDate, toExcelSerial } from '../../src/cells/date.js';

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
