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
