import type { Settings } from '../config/settings.js';
import { cleanText } from '../cells/normalize.js';
import { inRegions, parseAddress, type ParsedAddress } from './address.js';

/** Why an order needs a person (SOP 五.1), in the order the SOP gives them. */
export const ORDER_REASONS = [
  'amount-missing', 'amount-over-auto-limit', 'amount-large', 'remote-area', 'presale', 'address-vague',
  'note-urgent', 'stock-short', 'phone-invalid', 'duplicate-order',
] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];

export const REASON_TEXT: Record<OrderReason, { zh: string; en: string }> = {
  'amount-missing': { zh: '金额缺失或无法识别', en: 'amount missing or unreadable' },
  'amount-over-auto-limit': { zh: '金额超过自动审核上限 {limit} 元', en: 'amount over the auto-approve limit of {limit} yuan' },
  'amount-large': { zh: '大额订单(金额>{large}元)', en: 'large order (amount > {large} yuan)' },
  'remote-area': { zh: '偏远地区({province})', en: 'remote region ({province})' },
  presale: { zh: '预售商品', en: 'presale item' },
  'address-vague': { zh: '地址模糊({detail})', en: 'vague address ({detail})' },
  'note-urgent': { zh: '买家备注要求加急,优先打单', en: 'buyer asks for urgent shipping: print first' },
  'stock-short': { zh: '库存不足(库存 {stock} < 数量 {quantity}):转预售“预计{days}天内发货”或联系买家', en: 'stock short ({stock} < {quantity}): presale "ships within {days} days" or contact the buyer' },
  'phone-invalid': { zh: '电话不是11位手机号或 138****5678 形式', en: 'phone is not an 11-digit mobile or masked like 138****5678' },
  'duplicate-order': { zh: '订单号重复', en: 'duplicate order number' },
};

/** The words a copy of the orders sheet shows for a decision (审核结果). */
export const DECISION_WORDS = { auto: '自动审核通过', manual: '待人工审核' } as const;

export interface OrderInput {
  /** exact, in fen; undefined when missing or unreadable */
  amountFen?: number;
  address?: string;
  /** the address already read (the row's parsed-address model), to not read it twice */
  parsed?: ParsedAddress;
  presale?: boolean;
  note?: string;
  quantity?: number;
  stock?: number;
  /** undefined when the sheet has no phone column */
  phone?: string;
  duplicate?: boolean;
}

export interface OrderDecision {
  decision: 'auto' | 'manual';
  reasons: OrderReason[];
  /** 优先打单 */
  priority: boolean;
  /** the province's short name (`新疆`), when found */
  province?: string;
  /** placeholders for the reason texts */
  data: Record<string, unknown>;
  /** the reasons in words, once worked out (the rule and `ecsop review` both need them) */
  text?: Partial<Record<'zh' | 'en', string>>;
}

const STREET = /[0-9路街道巷弄号村组镇乡栋幢楼室单元大厦小区园区里坊屯]/;
const NEGATED = /(不|无需|无须|不用|别|没)(要|用)?(加急|急)/g;

const MOBILE = /^1[3-9]\d{9}$/;
const MASKED = /^1[3-9]\d\*{4}\d{4}$/;

export function isValidPhone(text: string): boolean {
  if (MOBILE.test(text) || MASKED.test(text)) return true;
  const t = cleanText(text).replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$|1\d{2}\*)/, '');
  return MOBILE.test(t) || MASKED.test(t);
}

/** What makes an address vague, in words; undefined when it is clear enough to ship. */
const WORDS_PATTERN = new WeakMap<readonly string[], RegExp>();

/** One case-insensitive pattern for a word list, built once per list. */
function wordsPattern(words: readonly string[]): RegExp {
  let re = WORDS_PATTERN.get(words);
  if (!re) {
    re = words.length ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i') : /$^/;
    WORDS_PATTERN.set(words, re);
  }
  return re;
}

export function vagueness(address: string, parsed: ParsedAddress, words: readonly string[]): string | undefined {
  const placeholder = wordsPattern(words).exec(address)?.[0];
  if (placeholder) return `“${placeholder}”`;
  if (!parsed.province) return '找不到省份 / no province';
  if (!parsed.city) return '找不到城市 / no city';
  if (!parsed.district) return '找不到区县 / no district';
  if (parsed.secondProvince) return `出现两个省份:${parsed.province.name}、${parsed.secondProvince}`;
  if (!parsed.rest || !STREET.test(parsed.rest)) return '缺少街道门牌 / no street-level detail';
  return undefined;
}

export function isUrgent(note: string, words: readonly string[]): boolean {
  if (!note) return false;
  const t = cleanText(note).replace(NEGATED, '');
  return wordsPattern(words).test(t);
}

/**
 * The SOP's review (五.1): auto-approve only when 金额 ≤ 500 AND not remote AND not presale AND
 * nothing else is wrong; every reason that applies is listed.
 */
export function reviewOrder(o: OrderInput, s: Settings['orders']): OrderDecision {
  const reasons: OrderReason[] = [];
  const data: Record<string, unknown> = baseData(s);
  if (o.amountFen === undefined) reasons.push('amount-missing');
  else {
    if (o.amountFen > Math.round(s.autoApproveMaxYuan * 100)) reasons.push('amount-over-auto-limit');
    if (o.amountFen > Math.round(s.largeAmountYuan * 100)) reasons.push('amount-large');
  }
  const parsed = o.address !== undefined ? o.parsed ?? parseAddress(o.address) : undefined;
  const province = parsed?.province;
  let own = data;
  const extend = (more: Record<string, unknown>) => { own = own === data ? { ...data, ...more } : Object.assign(own, more); };
  if (province && inRegions(province, s.remoteRegions)) {
    reasons.push('remote-area');
    extend({ province: province.short });
  }
  if (o.presale) reasons.push('presale');
  if (o.address !== undefined) {
    const vague = vagueness(o.address, parsed!, s.vagueWords);
    if (vague) { reasons.push('address-vague'); extend({ detail: vague }); }
  }
  const priority = o.note !== undefined && isUrgent(o.note, s.urgentWords);
  if (priority) reasons.push('note-urgent');
  if (o.stock !== undefined && o.quantity !== undefined && o.stock < o.quantity) {
    reasons.push('stock-short');
    extend({ stock: o.stock, quantity: o.quantity });
  }
  if (o.phone !== undefined && !isValidPhone(o.phone)) reasons.push('phone-invalid');
  if (o.duplicate) reasons.push('duplicate-order');
  const decision: OrderDecision = { decision: reasons.length ? 'manual' : 'auto', reasons, priority, data: own };
  if (province) decision.province = province.short;
  return decision;
}

const BASE_DATA = new WeakMap<Settings['orders'], Record<string, unknown>>();

/** The placeholders every decision shares, made once per settings object. */
function baseData(s: Settings['orders']): Record<string, unknown> {
  let d = BASE_DATA.get(s);
  if (!d) {
    d = Object.freeze({ limit: s.autoApproveMaxYuan, large: s.largeAmountYuan, days: s.presaleDays }) as Record<string, unknown>;
    BASE_DATA.set(s, d);
  }
  return d;
}

const TEXT_CACHE = new Map<string, string>();

/**
 * The reasons of a decision in words, joined (`偏远地区(新疆);买家备注要求加急,优先打单`). A million orders
 * share a few hundred distinct texts, so each is formatted once.
 */
export function reasonsText(d: OrderDecision, lang: 'zh' | 'en'): string {
  const known = d.text?.[lang];
  if (known !== undefined) return known;
  const key = `${lang}|${d.reasons.join()}|${d.data.province ?? ''}|${d.data.detail ?? ''}|${d.data.stock ?? ''}|${d.data.quantity ?? ''}|${d.data.limit}|${d.data.large}|${d.data.days}`;
  let text = TEXT_CACHE.get(key);
  if (text === undefined) {
    text = d.reasons.map((r) => REASON_TEXT[r][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in d.data ? String(d.data[k]) : m))).join(lang === 'zh' ? ';' : '; ');
    if (TEXT_CACHE.size < 10_000) TEXT_CACHE.set(key, text);
  }
  (d.text ??= {})[lang] = text;
  return text;
}
