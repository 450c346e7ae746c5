import type { Settings } from '../config/settings.js';
import { localized } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import { format, type Localized } from '../i18n/format.js';
import { inRegions, parseAddress, type ParsedAddress } from './address.js';

/** Why an order needs a person (SOP 五.1), in the order the SOP gives them. */
export const ORDER_REASONS = [
  'amount-missing', 'amount-over-auto-limit', 'amount-large', 'remote-area', 'outside-mainland', 'presale', 'address-vague',
  'note-urgent', 'stock-short', 'phone-invalid', 'duplicate-order',
] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];

export const REASON_TEXT: Record<OrderReason, { zh: string; en: string }> = {
  'amount-missing': { zh: '金额缺失或无法识别', en: 'amount missing or unreadable' },
  'amount-over-auto-limit': { zh: '金额超过自动审核上限 {limit} 元', en: 'amount over the auto-approve limit of {limit} yuan' },
  'amount-large': { zh: '大额订单(金额>{large}元)', en: 'large order (amount > {large} yuan)' },
  'remote-area': { zh: '偏远地区({province})', en: 'remote region ({province})' },
  'outside-mainland': { zh: '收件地址在{region},不适用国内运费模板,需人工确认', en: 'the address is in {region}, outside the domestic freight template: check it by hand' },
  presale: { zh: '预售商品', en: 'presale item' },
  'address-vague': { zh: '地址模糊({detail})', en: 'vague address ({detail})' },
  'note-urgent': { zh: '买家备注要求加急,优先打单', en: 'buyer asks for urgent shipping: print first' },
  'stock-short': { zh: '库存不足(库存 {stock} < 数量 {quantity}):转预售“预计{days}天内发货”或联系买家', en: 'stock short ({stock} < {quantity}): presale "ships within {days} days" or contact the buyer' },
  'phone-invalid': { zh: '电话不是有效号码(手机、138****5678、座机如 0571-88888888、400/800 号码或带分机号的隐私号)', en: 'phone is not a valid number (mobile, 138****5678, landline such as 0571-88888888, 400/800, or a privacy number with an extension)' },
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

const MOBILE = /^1[3-9]\d{9}$/;
const MASKED = /^1[3-9]\d\*{4}\d{4}$/;
/** a platform privacy number: a mobile and its extension (`13800138000-1234`, `13800138000转1234`) */
const PRIVACY = /^1[3-9]\d{9}(?:-|转|#|,|ext\.?|分机)\d{1,6}$/i;
/** a landline with its area code, optionally an extension (`0571-88888888`, `(0571)8888 8888`, `010-12345678-123`) */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:(?:-|转|#|ext\.?|分机)\d{1,6})?$/i;
/** a landline without its area code: 7–8 digits not starting with 0 or 1 */
const LOCAL = /^[2-9]\d{6,7}$/;
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

/**
 * A phone as shops, platforms and ERPs write it: a mobile (also masked `138****5678`), a landline
 * with area code, a 400/800 number, a privacy number with an extension, with `+86`/`0086`, spaces,
 * brackets or dashes.
 */
export function isValidPhone(text: string): boolean {
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
  return MOBILE.test(t) || MASKED.test(t) || PRIVACY.test(t) || LANDLINE.test(t) || LANDLINE.test(plain) || SERVICE.test(t) || LOCAL.test(t);
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

export function vagueness(address: string, parsed: ParsedAddress, words: readonly string[]): Localized | string | undefined {
  const placeholder = wordsPattern(words).exec(address)?.[0];
  if (placeholder) return `“${placeholder}”`;
  if (!parsed.province) return localized('address.no-province');
  if (!parsed.city) return localized('address.no-city');
  if (!parsed.district) return localized('address.no-district');
  if (parsed.secondProvince) return localized('address.two-provinces', { first: parsed.province.name, second: parsed.secondProvince });
  if (!parsed.rest || !STREET.test(parsed.rest)) return localized('address.no-street');
  return undefined;
}

/** Words that cancel the urgency word right after them (within a few characters): 不急, 不用加急, 不是很急. */
const NEGATION = '(?:不|无需|无须|不用|不需要|不必|别|没|没有|并不|不太|不是很|不怎么|不着)';
const URGENT_NEGATED = new WeakMap<readonly string[], RegExp>();

export function isUrgent(note: string, words: readonly string[]): boolean {
  if (!note) return false;
  let negated = URGENT_NEGATED.get(words);
  if (!negated) {
    const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    negated = new RegExp(`${NEGATION}[\\u4e00-\\u9fa5]{0,2}?(?:${alternatives || '$^'})`, 'g');
    URGENT_NEGATED.set(words, negated);
  }
  const t = cleanText(note).replace(negated, ' ');
  return wordsPattern(words).test(t);
}

/** Where an address is outside the mainland (香港, 澳门, 台湾, abroad), in words; undefined when it is not. */
const OVERSEAS = /(海外|国外|境外|美国|加拿大|英国|法国|德国|意大利|西班牙|荷兰|日本|韩国|新加坡|马来西亚|泰国|越南|菲律宾|印度尼西亚|澳大利亚|新西兰|俄罗斯|阿联酋|迪拜)|\b(USA|United States|Canada|UK|United Kingdom|Japan|Korea|Singapore|Malaysia|Thailand|Australia|Germany|France)\b/i;
const SAR = /(香港|澳门|澳門|台湾|臺灣|台灣)|\b(Hong\s*Kong|Macau|Macao|Taiwan)\b/i;

export function outsideMainland(address: string, parsed: ParsedAddress | undefined): string | undefined {
  const code = parsed?.province?.code.slice(0, 2);
  if (code === '71') return '台湾';
  if (code === '81') return '香港';
  if (code === '82') return '澳门';
  const sar = SAR.exec(address);
  if (sar && !parsed?.province) return /台|Taiwan/i.test(sar[0]) ? '台湾' : /港|Hong/i.test(sar[0]) ? '香港' : '澳门';
  const abroad = OVERSEAS.exec(address);
  if (abroad && !parsed?.province) return `海外(${abroad[0]})`;
  // an address in Latin letters with no province found is abroad too
  if (!parsed?.province && /[A-Za-z]{3,}/.test(address) && !/[\u4e00-\u9fa5]/.test(address)) return '海外';
  return undefined;
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
  const abroad = o.address !== undefined ? outsideMainland(o.address, parsed) : undefined;
  if (abroad) { reasons.push('outside-mainland'); extend({ region: abroad }); }
  if (o.presale) reasons.push('presale');
  if (o.address !== undefined && !abroad) {
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
  const detail = d.data.detail;
  const key = `${lang}|${d.reasons.join()}|${d.data.province ?? ''}|${d.data.region ?? ''}|${typeof detail === 'object' && detail ? (detail as Localized)[lang] : detail ?? ''}|${d.data.stock ?? ''}|${d.data.quantity ?? ''}|${d.data.limit}|${d.data.large}|${d.data.days}`;
  let text = TEXT_CACHE.get(key);
  if (text === undefined) {
    text = d.reasons.map((r) => format(REASON_TEXT[r][lang], d.data, lang)).join(lang === 'zh' ? ';' : '; ');
    if (TEXT_CACHE.size < 10_000) TEXT_CACHE.set(key, text);
  }
  (d.text ??= {})[lang] = text;
  return text;
}
