import { cleanText } from './normalize.js';
import { decValue, type Dec } from './grammar/decimal.js';
import { readWith } from './grammar/read.js';
import { findNumbers } from './number.js';

/** One part of a split as the Shares grammar reads it: its name, and a percentage or an amount. */
export interface SharePart { label?: string; percent?: Dec; money?: Dec & { unit?: boolean } }
/** A split (budgets, channels): the total it names, if any, and its parts; or a total shared by a ratio (`总预算30万 按5:3:1:1分配`). */
export interface Split { total?: Dec; parts: SharePart[]; ratio?: Dec[]; labels?: string[] }

/** A budget or channel split as typed (see the Shares grammar in docs/values.md); undefined when it does not read. */
export function readSplit(input: string): Split | undefined {
  return readWith<Split>('Shares', input);
}

/** `直通车(30%)+抖音直播(40%)+短信触达(20%)`, `直通车30%＋抖音40%`: each channel and its share in percent, when stated. */
export interface Share { name: string; percent?: number }

/** The channels of a split and their shares; [] when the cell does not read as one. */
export function parseShares(input: string): Share[] {
  const split = readSplit(input);
  if (!split) return [];
  // shares as a ratio of named parts (直通车:抖音:小红书:短信=3:4:2:1)
  if (split.ratio) {
    const w = split.ratio.map((d) => decValue(d));
    const sum = w.reduce((a, b) => a + b, 0);
    return sum > 0 ? w.map((x, i) => ({ name: split.labels?.[i] ?? '', percent: Math.round((x / sum) * 10000) / 100 })) : [];
  }
  // shares written as fractions of one (直通车 0.3 / 抖音 0.4 / …) when every part is one and they make 1
  const fractions = split.parts.length > 1 && split.parts.every((p) => p.money && !p.money.unit && p.money.shift === 0 && decValue(p.money) > 0 && decValue(p.money) < 1)
    && Math.round(split.parts.reduce((n, p) => n + decValue(p.money!) * 1000, 0)) === 1000;
  return split.parts.map((p) => {
    const percent = p.percent ? { ...p.percent, shift: p.percent.shift + 2 } : fractions ? { ...p.money!, shift: p.money!.shift + 2 } : undefined;
    return percent ? { name: p.label ?? '', percent: Math.round(decValue(percent) * 100) / 100 } : { name: p.label ?? '' };
  });
}

/** `a/b/c` lists (核心指标, 指标数值), trimmed, empty parts kept so counts stay honest. */
export function splitList(input: string): string[] {
  const text = cleanText(input);
  return text ? text.split('/').map((s) => s.trim()) : [];
}

/** A number with a change in brackets (the ValueWithChange grammar): `3.8万(+52%)`, `3.8万 环比+52%` → { value: 38000, change: 0.52 }. */
export function parseValueWithChange(input: string | number): { value: number; change?: number } | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : undefined;
  const v = readWith<{ value: Dec & { unit?: string }; change?: Dec }>('ValueWithChange', input);
  if (!v || v.value.unit === '%') return undefined;
  return v.change ? { value: decValue(v.value), change: decValue(v.change) } : { value: decValue(v.value) };
}

/**
 * The sign of the change a text quotes: `搜索环比+32%` → +1, `环比-5%` or `同比下降5%` → −1,
 * none → 0. An explicit sign wins over words.
 */
export function changeSign(input: string): { sign: -1 | 0 | 1; percent?: number } {
  const text = cleanText(input);
  const numbers = findNumbers(text);
  const signed = numbers.find((n) => /^[+-]/.test(n.text.trim()));
  if (signed) return { sign: signed.value < 0 ? -1 : signed.value > 0 ? 1 : 0, percent: signed.percent ? Math.abs(signed.value) : undefined };
  const pct = numbers.find((n) => n.percent);
  if (/下降|下滑|减少|降低|下跌|萎缩|回落/.test(text)) return { sign: -1, percent: pct?.value };
  if (/增长|上升|提升|增加|上涨|提高/.test(text)) return { sign: 1, percent: pct?.value };
  return { sign: 0 };
}
