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
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  const offset = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000 : 0;
  return chinaTime(wall.getTime() + ms - offset);
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
    // Excel's serials end at 2958465 (9999-12-31); Unix seconds and milliseconds are far above
    if (input >= 1e9 && input < 1e11 && Number.isInteger(input)) return chinaTime(input * 1000);
    if (input >= 1e11 && input < 1e14 && Number.isInteger(input)) return chinaTime(input);
    if (input > 2958466) return undefined;
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
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.endsWith('.000Z') ? iso.slice(11, 19) : iso.slice(11, 23)}`;
}

/**
 * An ISO 8601 date or date-time as a sheet stores it (XML Spreadsheet 2003's DateTime, an .xlsx
 * `t="d"` cell), as the wall-clock time it shows. A zone written after the time (`Z`, `+08:00`)
 * says where it was written, not a shift: Excel has no zones, and LibreOffice opens
 * `2024-05-01T09:30:05+08:00` as 09:30:05 (helper-49: read as UTC, a Chinese shop's pay times
 * were 8 hours early). Digits of a second past milliseconds are rounded. Undefined when it is no date.
 */
export function isoWallClock(text: string): WallClock | undefined {
  let bare = text.trim();
  const zone = /(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/.exec(bare);
  // a zone follows a time (`T09:30`), or a Z a date; a date's own `-01` is no zone
  if (zone && (/T\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/.test(bare.slice(0, zone.index)) || /^[zZ]$/.test(zone[0]))) bare = bare.slice(0, zone.index);
  let extra = 0;
  const fraction = /(\.\d{3})(\d+)$/.exec(bare);
  if (fraction) {
    extra = Math.round(Number(`0.${fraction[2]}`)); // the fourth digit on, rounded to a millisecond
    bare = bare.slice(0, fraction.index + fraction[1].length);
  }
  const d = new Date(`${bare}Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return extra ? new Date(d.getTime() + extra) : d;
}

/** Excel shows no date before 1900-03-01 as it is: before 1900 nothing, and its 1900 has a 29 February. */
const EXCEL_FIRST_TRUE_DAY = Date.UTC(1900, 2, 1);

/** Whether a new workbook can hold `date` as a date cell that Excel, WPS and openpyxl show as it is. */
export function excelShowsDate(date: WallClock): boolean {
  return date.getTime() >= EXCEL_FIRST_TRUE_DAY;
}

/** The number format that shows what exactDateText writes, for a date cell of a new workbook. */
export function exactDateFormat(date: WallClock): string {
  const text = exactDateText(date);
  return text.length === 10 ? 'yyyy-mm-dd' : text.length === 19 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd hh:mm:ss.000';
}

/** `2024-04-01` (or with ` HH:mm` when the time is not midnight). */
export function formatDate(date: WallClock): string {
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${two(h)}:${two(m)}`;
}
