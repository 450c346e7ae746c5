import { cleanText } from '../cells/normalize.js';
import { isPlaceholder } from './order-status.js';

const MOBILE = /^1[3-9]\d{9}$/;
/** a masked mobile (`138****5678`), also with an extension as platforms' privacy numbers carry (`170****5678-1234`) */
const MASKED = /^1[3-9]\d\*{4}\d{4}(?:(?:-|转|#|,|ext\.?|分机)\d{1,6})?$/i;
/** a platform privacy number: a mobile and its extension (`13800138000-1234`, `13800138000转1234`) */
const PRIVACY = /^1[3-9]\d{9}(?:-|转|#|,|ext\.?|分机)\d{1,6}$/i;
/** a landline with its area code, optionally an extension (`0571-88888888`, `(0571)8888 8888`, `010-12345678-123`) */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:(?:-|转|#|ext\.?|分机)\d{1,6})?$/i;
/** a masked landline (`0571-****8888`) */
const MASKED_LANDLINE = /^0[1-9]\d{1,2}-?(?=[\d*]*\*)[\d*]{7,8}$/;
/** a landline without its area code: 7–8 digits not starting with 0 or 1 */
const LOCAL = /^[2-9]\d{6,7}$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

/**
 * One phone number as shops, platforms and ERPs write it: a mobile (also masked `138****5678`, with
 * an extension `170****5678-1234`), a landline with area code, a 400/800 number, a privacy number
 * with an extension, with `+86`/`0086`, spaces, brackets or dashes.
 */
function isOnePhone(text: string): boolean {
  if (MOBILE.test(text) || MASKED.test(text)) return true;
  // 香港, 澳门 (8 digits) and 台湾 (9 digits after 886) numbers, with their codes
  if (/^(?:\+|00)?(?:852|853)-?[2-9]\d{3}-?\d{4}$|^(?:\+|00)?886-?0?9\d{8}$/.test(cleanText(text).replace(/[\s'()]/g, ''))) return true;
  let t = cleanText(text).replace(/^'/, '').replace(/[\s\u00a0]/g, '');
  // the country code, with or without +, before a mobile or an area code (whose 0 it drops: +86-571-…)
  const country = /^(?:\+86|0086|86(?=-|1[3-9]\d{9}$))-?/.exec(t);
  if (country) {
    t = t.slice(country[0].length);
    if (/^[1-9]\d{1,2}-/.test(t) && !/^1[3-9]\d/.test(t)) t = `0${t}`;
    else if (/^[2-9]\d{8,10}$/.test(t) || /^10[2-9]\d{7}$/.test(t)) t = `0${t}`;
  }
  if (/^1\d{2}-\d{4}-\d{4}$/.test(t) && MOBILE.test(t.replace(/-/g, ''))) return true; // 138-0013-8000
  t = t.replace(/^\((0\d{2,3})\)-?/, '$1-').replace(/^(0\d{2,3})-(\d{3,4})-(\d{4})$/, '$1-$2$3');
  const plain = t.replace(/(?<=\d)-(?=\d{4}$)/, '');
  return MOBILE.test(t) || MASKED.test(t) || PRIVACY.test(t) || LANDLINE.test(t) || LANDLINE.test(plain) || MASKED_LANDLINE.test(t) || SERVICE.test(t) || LOCAL.test(t);
}

/** Where one cell holds several numbers: `13800138000/13900139000`, `138…;0571-…`, `138… 139…`. */
const SEPARATORS = /\s*[/,;、|]\s*|\s+(?=[+(\d])/;

/**
 * A phone cell: one number or several (`13800138000/13900139000`); valid when every number in it
 * is. An empty cell is not a number at all (`isNoPhone`), not an invalid one.
 */
export function isValidPhone(text: string): boolean {
  // a mobile as typed, the most of an export's phones: nothing to clean (ASCII digits alone), valid as it is
  if (MOBILE.test(text)) return true;
  const t = cleanText(text).replace(/^'/, '');
  if (!t) return false;
  if (isOnePhone(t)) return true;
  const parts = t.split(SEPARATORS).filter(Boolean);
  return parts.length > 1 && parts.every(isOnePhone);
}

/** A phone cell that holds no number: empty, `-`, `'-`, `无`, `null`. */
export function isNoPhone(text: string | undefined): boolean {
  return text === undefined || isPlaceholder(text);
}

/**
 * The number an order is reached on: the mobile (手机) when it holds one, else the other phone
 * (联系电话, a landline); `''` when the sheet has a phone column but every one is empty, undefined
 * when it has none.
 */
export function phoneOf(mobile: string | undefined, other: string | undefined, hasColumn: boolean): string | undefined {
  if (!isNoPhone(mobile)) return mobile;
  if (!isNoPhone(other)) return other;
  return hasColumn ? '' : undefined;
}
