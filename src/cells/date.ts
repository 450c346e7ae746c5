import { cleanText } from './normalize.js';

/**
 * Dates and times are carried as JS Dates whose UTC fields hold the wall-clock time the sheet
 * shows (Excel has no time zones). exceljs reads date cells the same way, so the two agree.
 */
export type WallClock = Date;

/** Excel's day 0 in the 1900 system is 1899-12-30 (the 1900 leap-year bug folded in). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/**
 * The first serial past Excel's last day, 9999-12-31 (its time 23:59:59.999 included), in the 1900
 * date system; the 1904 system's days start 1,462 later, so its serials end 1,462 sooner.
 */
export const PAST_LAST_SERIAL = 2958466;
const DAYS_1900_TO_1904 = 1462;

/**
 * Whether a number in a cell formatted as a date is a day Excel shows: from 0 up to its last day in the
 * workbook's date system. Any other (negative, past 9999-12-31, not finite) Excel shows as ####: it is no
 * date, and is read as the number it is (RawCell.noDay).
 */
export function isDateSerial(n: number, date1904 = false): boolean {
  return n >= 0 && n < (date1904 ? PAST_LAST_SERIAL - DAYS_1900_TO_1904 : PAST_LAST_SERIAL);
}

export function fromExcelSerial(serial: number, date1904 = false): WallClock {
  const ms = Math.round(serial * DAY_MS);
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + ms);
}

export function toExcelSerial(date: WallClock, date1904 = false): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}

export interface DateContext {
  /** year for dates typed without one (`5.17`); usually from other cells of the workbook */
  defaultYear?: number;
  date1904?: boolean;
}

function make(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): WallClock | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
  if (y < 100) date.setUTCFullYear(y, m - 1, d); // Date.UTC reads 0–99 as 1900–1999
  return date.getUTCDate() === d ? date : undefined; // rejects 2024-02-30
}

/**
 * A time as typed after a day: `10:00`, `10:00:00`, `10时00分`, `10点30`, with milliseconds
 * (`10:00:00.123`), a half of the day (`下午1:00`, `上午9:30`, `1:00 PM`) and a zone (`Z`, `+08:00`).
 */
const HALF = '(上午|下午|中午|晚上|凌晨|早上|AM|PM|am|pm)';
const TIME = `(?:\\s*[T ]\\s*|\\s*)${HALF}?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})\\s*分?(?:\\s*[:]?\\s*(\\d{1,2})(?:[.,](\\d{1,9}))?\\s*秒?)?\\s*${HALF}?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?`;
const FULL = new RegExp(`^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:${TIME})?$`, 'i');
/** `20240520`, `202405201000`, `20240520100000` (ERP exports) */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
const MONTH_DAY = new RegExp(`^(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:${TIME})?$`, 'i');
/** What Excel writes on an English (US) system: month/day/year (`5/20/2024 10:00`); Chinese systems write the year first. */
const US = new RegExp(`^(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})(?:${TIME})?$`, 'i');
/** Unix time from an API or ERP dump: seconds (10 digits) or milliseconds (13 digits). */
const EPOCH = /^(\d{10}|\d{13})$/;

/** China's offset from UTC: times with a zone are shown and compared in China time. */
const CHINA_MS = 8 * 3_600_000;

/** A UTC instant as the wall clock in China. */
function chinaTime(utcMs: number): WallClock | undefined {
  const d = new Date(utcMs + CHINA_MS);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The hour on a 24-hour clock, from a 12-hour one with its half of the day. */
function hour24(h: number, half: string | undefined): number | undefined {
  if (!half) return h;
  const pm = /^(下午|晚上|pm)$/i.test(half);
  const noon = half === '中午';
  if (h > 12) return pm || noon ? undefined : h; // 下午13:00 is not a time; 上午13:00 is read as 13:00 by no one
  if (pm) return h === 12 ? 12 : h + 12;
  if (noon) return h < 6 ? h + 12 : h; // 中午1点 is 13:00, 中午12点 is 12:00
  return h === 12 && /^(am|凌晨)$/i.test(half) ? 0 : h;
}

/** A day and a time matched by FULL or MONTH_DAY (groups from `at`): the wall clock, in China time when a zone is given. */
function dayAndTime(y: number, m: number, d: number, g: RegExpExecArray, at: number): WallClock | undefined {
  const [before, hh, mm, ss, frac, after, zone] = g.slice(at, at + 7);
  if (before && after) return undefined;
  if (hh === undefined) return make(y, m, d);
  const h = hour24(+hh, before ?? after);
  if (h === undefined) return undefined;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = make(y, m, d, h, +mm, +(ss ?? 0));
  if (!wall) return undefined;
  if (!zone) return ms ? new Date(wall.getTime() + ms) : wall;
  const offset = zoneOffset(zone);
  return offset === undefined ? undefined : chinaTime(wall.getTime() + ms - offset);
}

/**
 * A zone's offset from UTC in milliseconds (`Z` 0, `+08:00` and `+0800` and `+08` eight hours), or
 * undefined for no zone on Earth: minutes past 59, or beyond −12:00 … +14:00 (`+08:60`, `+99:99` were
 * rolled over: outsider helper-69).
 */
function zoneOffset(zone: string): number | undefined {
  if (/^z$/i.test(zone)) return 0;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!z) return undefined;
  const minutes = Number(z[2]) * 60 + Number(z[3] ?? 0);
  if (Number(z[3] ?? 0) > 59 || (z[1] === '-' ? minutes > 12 * 60 : minutes > 14 * 60)) return undefined;
  return (z[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/**
 * Reads a date: a Date cell, an Excel serial, `2024-04-01`, `2024/4/1`, `2024年4月1日`,
 * `2024.4.1`, `20240401`, `2024-05-20 14:30`, `2024-05-20 下午1:00`, ISO 8601 with milliseconds and
 * a zone (`2024-05-20T06:30:00.000Z` is 14:30 in China), Unix time in seconds or milliseconds
 * (as text or as a number), or `5.17` with the year from context.
 */
export function parseDate(input: string | number | Date, ctx: DateContext = {}): WallClock | undefined {
  // (not date-fns isValid here: it builds a new Date per call, on a million cells that shows)
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? undefined : input;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    // A typed `5.17` in a date column arrives as the number 5.17, not as a serial from 1900.
    if (input < 3654) return monthDayNumber(input, ctx);
    // Excel's serials end before 2958466 (past 9999-12-31); Unix seconds and milliseconds are far above
    if (input >= 1e9 && input < 1e11 && Number.isInteger(input)) return chinaTime(input * 1000);
    if (input >= 1e11 && input < 1e14 && Number.isInteger(input)) return chinaTime(input);
    if (!isDateSerial(input, ctx.date1904)) return undefined;
    return fromExcelSerial(input, ctx.date1904);
  }
  const text = cleanText(input);
  let m = FULL.exec(text);
  if (m) return dayAndTime(+m[1], +m[2], +m[3], m, 4);
  m = COMPACT.exec(text);
  if (m) return make(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = US.exec(text);
  if (m) return dayAndTime(+m[3], +m[1], +m[2], m, 4);
  m = EPOCH.exec(text);
  if (m) return chinaTime(m[1].length === 10 ? Number(m[1]) * 1000 : Number(m[1]));
  m = MONTH_DAY.exec(text);
  if (m && ctx.defaultYear) return dayAndTime(ctx.defaultYear, +m[1], +m[2], m, 3);
  return undefined;
}

/**
 * A month and day typed as a number that reads two ways: Excel stores `5.1` (五一) and `5.10`
 * (5月10日, its zero lost) as the same number. Both readings when both are days, else undefined.
 */
export function ambiguousMonthDay(n: number, ctx: DateContext = {}): [WallClock, WallClock] | undefined {
  if (!(n > 0 && n < 13) || !ctx.defaultYear) return undefined;
  const [m, d = ''] = String(n).split('.');
  if (d.length !== 1 || d === '0') return undefined;
  const a = make(ctx.defaultYear, Number(m), Number(d));
  const b = make(ctx.defaultYear, Number(m), Number(d) * 10);
  return a && b ? [a, b] : undefined;
}

function monthDayNumber(n: number, ctx: DateContext): WallClock | undefined {
  if (!ctx.defaultYear) return undefined;
  const [m, d = ''] = String(n).split('.');
  // 5.1 is May 10th when typed as a date (`5.10` loses its zero in a number cell).
  const day = d.length === 1 ? Number(d) * 10 : Number(d);
  return make(ctx.defaultYear, Number(m), day);
}

/**
 * A date as text that keeps all of it: `2024-05-01` at midnight, else `2024-05-01 09:30:05`, with
 * `.250` when it has milliseconds (a copy as CSV of an export's date cells; formatDate drops seconds).
 */
export function exactDateText(date: WallClock): string {
  const iso = date.toISOString();
  // the day is what comes before T (`+010000-01-01` beyond year 9999)
  const t = iso.indexOf('T');
  const day = iso.slice(0, t);
  const time = iso.slice(t + 1, -1);
  if (time === '00:00:00.000') return day;
  return `${day} ${time.endsWith('.000') ? time.slice(0, 8) : time}`;
}

/** ISO 8601 as a sheet stores a date-time: `2024-05-01`, `2024-05-01T09:30`, `…:05.250`, `…Z`, `…+08:00` (nothing looser: V8's own parser read `1` as 2001 and 2024-02-30 as 1 March). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time as a sheet stores it (XML Spreadsheet 2003's DateTime, an .xlsx
 * `t="d"` cell), as the wall-clock time it shows: without a zone, the time written (Excel has no
 * zones); with one, that instant in China time, as parseDate reads typed text (`+08:00` is the time
 * written; helper-49 saw `09:30:05+08:00` read as 01:30, UTC). Fractions of a second are rounded to
 * the millisecond. Undefined when it is no date (`2024-02-30`, `1`, `May 1 2024`): the cell stays text.
 */
export function isoWallClock(text: string): WallClock | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const wall = make(+y, +mo, +d, +(hh ?? 0), +(mi ?? 0), +(ss ?? 0));
  if (!wall) return undefined;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  // a zone goes with a time: a day alone is that day
  if (!zone || hh === undefined) return ms ? new Date(wall.getTime() + ms) : wall;
  const offset = zoneOffset(zone);
  return offset === undefined ? undefined : chinaTime(wall.getTime() + ms - offset);
}

/**
 * The offset from UTC, in minutes, of the wall clock isoWallClock reads from `text`: China's (+480)
 * when the text names a zone (it is read as that instant in China time), undefined when it names none
 * (the wall clock written, in whatever zone its reader is).
 */
export function isoWallClockOffset(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text.trim());
  return m && m[8] && m[4] !== undefined ? CHINA_MS / 60_000 : undefined;
}

/** Excel shows no date before 1900-03-01 as it is (before 1900 nothing, and its 1900 has a 29 February), nor one after 9999. */
const EXCEL_FIRST_TRUE_DAY = Date.UTC(1900, 2, 1);
const EXCEL_PAST_LAST_DAY = Date.UTC(10000, 0, 1);

/** Whether a new workbook can hold `date` as a date cell that Excel, WPS and openpyxl show as it is. */
export function excelShowsDate(date: WallClock): boolean {
  const t = date.getTime();
  return t >= EXCEL_FIRST_TRUE_DAY && t < EXCEL_PAST_LAST_DAY;
}

/** The number format that shows what exactDateText writes, for a date cell of a new workbook. */
export function exactDateFormat(date: WallClock): string {
  const text = exactDateText(date);
  return text.length === 10 ? 'yyyy-mm-dd' : text.length === 19 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm:ss.000';
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A wall clock to the minute, midnight included (`2024-05-21 12:00`): when a run was made, as `--now`
 * and the clock it stands for read it (nowOf). A wall clock's fields are its UTC ones; read with the
 * machine's own zone it came out 8 hours late on a computer in China (the HTML report's time, the
 * trend's runs).
 */
export function wallClockMinute(date: WallClock): string {
  return `${formatDay(date)} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
}

/** `2024-04-01` (or with ` HH:mm` when the time is not midnight). */
export function formatDate(date: WallClock): string {
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  return h === 0 && m === 0 ? formatDay(date) : wallClockMinute(date);
}

function formatDay(date: WallClock): string {
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}
