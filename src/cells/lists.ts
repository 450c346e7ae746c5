import { cleanText, splitReason } from './normalize.js';
import { findNumbers, parseNumber } from './number.js';

/** `直通车(30%)+抖音直播(40%)+短信触达(20%)`: each channel and its share in percent, when stated. */
export interface Share { name: string; percent?: number }

export function parseShares(input: string): Share[] {
  const text = cleanText(input);
  if (!text) return [];
  return text.split(/\s*(?:\+|、|,|;)\s*/).filter(Boolean).map((part) => {
    const { word, reason } = splitReason(part);
    const n = reason ? parseNumber(reason) : undefined;
    return n?.percent ? { name: word, percent: Math.round(n.value * 10000) / 100 } : { name: reason && !n ? `${word}(${reason})` : word };
  });
}

/** `a/b/c` lists (核心指标, 指标数值, 预算分配), trimmed, empty parts kept so counts stay honest. */
export function splitList(input: string): string[] {
  const text = cleanText(input);
  return text ? text.split('/').map((s) => s.trim()) : [];
}

/** A number with a change in brackets: `3.8万(+52%)` → { value: 38000, change: 0.52 }. */
export function parseValueWithChange(input: string | number): { value: number; change?: number } | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : undefined;
  const { word, reason } = splitReason(input);
  const value = parseNumber(word);
  if (!value || value.percent) return undefined;
  if (!reason) return { value: value.value };
  const change = parseNumber(reason);
  return change?.percent ? { value: value.value, change: change.value } : undefined;
}

/**
 * The sign of the change a text quotes: `搜索环比+32%` → +1, `环比-5%` or `同比下降5%` → −1,
 * none → 0. An explicit sign wins over words.
 */
export function changeSign(input: string): { sign: -1 | 0 | 1; percent?: number } {
  const text = cleanText(input);
  const signed = findNumbers(text).find((n) => /^[+-]/.test(n.text.trim()));
  if (signed) return { sign: signed.value < 0 ? -1 : signed.value > 0 ? 1 : 0, percent: signed.percent ? Math.abs(signed.value) : undefined };
  const pct = findNumbers(text).find((n) => n.percent);
  if (/下降|下滑|减少|降低|下跌|萎缩|回落/.test(text)) return { sign: -1, percent: pct?.value };
  if (/增长|上升|提升|增加|上涨|提高/.test(text)) return { sign: 1, percent: pct?.value };
  return { sign: 0 };
}
