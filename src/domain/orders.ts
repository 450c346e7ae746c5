import type { Settings } from '../config/settings.js';
import { joined, localized, t, msg } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import { ownString } from '../cells/own-string.js';
import { format, type Lang, type Localized } from '../i18n/format.js';
import { inRegions, outsideMainland, outsideName, parseAddress, type ParsedAddress } from './address.js';
import type { StatusClass } from './order-status.js';
import { isValidPhone } from './phone.js';

/** Why an order needs a person (SOP 五.1): its status first (issue #20), then the SOP's reasons in its order. */
export const ORDER_REASONS = [
  'status-after-sale', 'status-hold', 'status-partly-shipped', 'status-mixed', 'status-unknown', 'status-blank', 'lines-closed', 'order-cut-short', 'order-id-damaged', 'order-id-missing',
  'amount-missing', 'amount-over-auto-limit', 'amount-large', 'quantity-unreadable', 'remote-area', 'outside-mainland', 'presale', 'address-vague', 'address-masked',
  'note-urgent', 'note-address-change', 'stock-short', 'phone-missing', 'phone-invalid', 'duplicate-order',
] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];

export const REASON_TEXT: Record<OrderReason, Localized> = {
  'status-after-sale': msg('order.reason.status-after-sale'),
  'status-hold': msg('order.reason.status-hold'),
  'status-partly-shipped': msg('order.reason.status-partly-shipped'),
  'status-mixed': msg('order.reason.status-mixed'),
  'status-unknown': msg('order.reason.status-unknown'),
  'status-blank': msg('order.reason.status-blank'),
  'lines-closed': msg('order.reason.lines-closed'),
  'order-cut-short': msg('order.reason.order-cut-short'),
  'order-id-damaged': msg('order.reason.order-id-damaged'),
  'order-id-missing': msg('order.reason.order-id-missing'),
  'amount-missing': msg('order.reason.amount-missing'),
  'amount-over-auto-limit': msg('order.reason.amount-over-auto-limit'),
  'amount-large': msg('order.reason.amount-large'),
  'quantity-unreadable': msg('order.reason.quantity-unreadable'),
  'remote-area': msg('order.reason.remote-area'),
  'outside-mainland': msg('order.reason.outside-mainland'),
  presale: msg('order.reason.presale'),
  'address-vague': msg('order.reason.address-vague'),
  'address-masked': msg('order.reason.address-masked'),
  'note-urgent': msg('order.reason.note-urgent'),
  'note-address-change': msg('order.reason.note-address-change'),
  'stock-short': msg('order.reason.stock-short'),
  'phone-missing': msg('order.reason.phone-missing'),
  'phone-invalid': msg('order.reason.phone-invalid'),
  'duplicate-order': msg('order.reason.duplicate-order'),
};

/** Each reason in a few words, for counts and charts: no placeholder but the SOP's numbers ({limit}, {large}, {days}). */
export const REASON_LABEL: Record<OrderReason, Localized> = {
  'status-after-sale': msg('order.label.status-after-sale'),
  'status-hold': msg('order.label.status-hold'),
  'status-partly-shipped': msg('order.label.status-partly-shipped'),
  'status-mixed': msg('order.label.status-mixed'),
  'status-unknown': msg('order.label.status-unknown'),
  'status-blank': msg('order.label.status-blank'),
  'lines-closed': msg('order.label.lines-closed'),
  'order-cut-short': msg('order.label.order-cut-short'),
  'order-id-damaged': msg('order.label.order-id-damaged'),
  'order-id-missing': msg('order.label.order-id-missing'),
  'amount-missing': msg('order.label.amount-missing'),
  'amount-over-auto-limit': msg('order.label.amount-over-auto-limit'),
  'amount-large': msg('order.label.amount-large'),
  'quantity-unreadable': msg('order.label.quantity-unreadable'),
  'remote-area': msg('order.label.remote-area'),
  'outside-mainland': msg('order.label.outside-mainland'),
  presale: msg('order.label.presale'),
  'address-vague': msg('order.label.address-vague'),
  'address-masked': msg('order.label.address-masked'),
  'note-urgent': msg('order.label.note-urgent'),
  'note-address-change': msg('order.label.note-address-change'),
  'stock-short': msg('order.label.stock-short'),
  'phone-missing': msg('order.label.phone-missing'),
  'phone-invalid': msg('order.label.phone-invalid'),
  'duplicate-order': msg('order.label.duplicate-order'),
};

/** The status of an order, from its lines' status columns (see order-status.ts); absent when the sheet has none. */
export interface OrderStatus {
  /** `unknown`: a word ecsop does not know; `blank`: the status cells are empty; `mixed`: lines in classes that do not go together */
  cls: StatusClass | 'unknown' | 'blank' | 'mixed';
  /** the status words as read (distinct, joined) */
  text: string;
  /** the lines that left the order (closed or refunded), named by product or row, when others are left */
  closedLines?: Array<string | Localized>;
}

export interface OrderInput {
  /** exact, in fen; undefined when missing or unreadable */
  amountFen?: number;
  address?: string;
  /** the address already read (the row's parsed-address model), to not read it twice */
  parsed?: ParsedAddress;
  presale?: boolean;
  /** the buyer's remark and the seller's memo, joined */
  note?: string;
  quantity?: number;
  /** 数量 as the cell shows it, when it is no count (see quantityUnread in order-sheet.ts): how many to send cannot be told */
  quantityUnread?: string;
  stock?: number;
  /** undefined when the sheet has no phone column; '' when it has one and it is empty */
  phone?: string;
  duplicate?: boolean;
  status?: OrderStatus;
  /** the order number as the cell shows it when a spreadsheet has turned it into a rounded number */
  damagedId?: string;
  /** the sheet has an order number column and the order's cell is empty: which order it is cannot be told */
  idMissing?: boolean;
  /** the sheet's reading stopped after the order's last line read: lines of it may lie past the stop */
  cutShort?: boolean;
}

/** The decision: `skipped` for an order not to be reviewed (unpaid, closed, already shipped: see `status`). */
export type Decision = 'auto' | 'manual' | 'skipped';

export interface OrderDecision {
  decision: Decision;
  reasons: OrderReason[];
  /** 优先打单 */
  priority: boolean;
  /** the province's short name (`新疆`), when found */
  province?: string;
  /** the status class, when the sheet has a status column */
  status?: OrderStatus['cls'];
  /** placeholders for the reason texts */
  data: Record<string, unknown>;
  /** the reasons in words, once worked out (the rule and `ecsop review` both need them) */
  text?: Partial<Record<Lang, string>>;
}

const STREET = /[0-9路街道巷弄号村组镇乡栋幢楼室单元大厦小区园区里坊屯]/;

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

/** A platform's masking of an address (`文三路****`, `浙江省****`): two stars or more. */
const MASK = /[*＊]{2,}/;

/**
 * What makes an address vague, in words; undefined when it is clear enough to ship. A masked
 * address is not vague for being masked: what the mask hides is not asked of it (`masked`).
 */
export function vagueness(address: string, parsed: ParsedAddress, words: readonly string[]): Localized | string | undefined {
  const masked = MASK.test(address);
  const placeholder = wordsPattern(words).exec(masked ? address.replace(/[*＊]+/g, '') : address)?.[0];
  if (placeholder) return `“${placeholder}”`;
  if (masked) return undefined;
  if (!parsed.province) return localized('address.no-province');
  if (!parsed.city) return localized('address.no-city');
  if (!parsed.district) return localized('address.no-district');
  if (parsed.secondProvince) return localized('address.two-provinces', { first: parsed.province.name, second: parsed.secondProvince });
  if (!parsed.rest || !STREET.test(parsed.rest)) return localized('address.no-street');
  return undefined;
}

/** An address whose mask hides its province: whether it is remote cannot be told. */
export function maskHidesProvince(address: string, parsed: ParsedAddress | undefined): boolean {
  return MASK.test(address) && !parsed?.province;
}

/** Words that cancel the word right after them (within a few characters): 不急, 不用加急, 不是很急, 不用改地址. */
const NEGATION = '(?:不|无需|无须|不用|不需要|不必|别|没|没有|并不|不太|不是很|不怎么|不着|勿|未)';
const NEGATED = new WeakMap<readonly string[], RegExp>();

/**
 * What `mentioned` said of each note, per word list: buyers' notes repeat (周末送货, 不要放快递柜,
 * 加急), and every order asks twice (urgent, address change) — 130 ms of the checking thread at
 * 300,000 orders (issue #25). At most MENTIONED_KEPT notes a list: then it starts afresh.
 */
const MENTIONED = new WeakMap<readonly string[], Map<string, string | undefined>>();
const MENTIONED_KEPT = 4096;

/** The first of `words` a note says (not negated: 不急, 不用改地址), or undefined. */
export function mentioned(note: string | undefined, words: readonly string[]): string | undefined {
  if (!note) return undefined;
  let said = MENTIONED.get(words);
  if (!said) MENTIONED.set(words, (said = new Map()));
  const known = said.get(note);
  if (known !== undefined || said.has(note)) return known;
  const word = mentionedIn(note, words);
  if (said.size >= MENTIONED_KEPT) said.clear();
  // the note as a string of its own: a slice of a row's batch would keep the whole batch's text
  said.set(ownString(note), word);
  return word;
}

function mentionedIn(note: string, words: readonly string[]): string | undefined {
  let negated = NEGATED.get(words);
  if (!negated) {
    const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    negated = new RegExp(`${NEGATION}[\\u4e00-\\u9fa5]{0,2}?(?:${alternatives || '$^'})`, 'g');
    NEGATED.set(words, negated);
  }
  const t = cleanText(note).replace(negated, ' ');
  return wordsPattern(words).exec(t)?.[0];
}

export function isUrgent(note: string, words: readonly string[]): boolean {
  return mentioned(note, words) !== undefined;
}

/** Status classes that take an order out of the review: not paid, closed, or already shipped. */
const SKIPPED: ReadonlySet<OrderStatus['cls']> = new Set(['unpaid', 'closed', 'shipped']);
const STATUS_REASON: Partial<Record<OrderStatus['cls'], OrderReason>> = {
  'after-sale': 'status-after-sale', hold: 'status-hold', 'partly-shipped': 'status-partly-shipped', mixed: 'status-mixed', unknown: 'status-unknown', blank: 'status-blank',
};

/**
 * The SOP's review (五.1), after the order's status (issue #20): an unpaid, closed or shipped order
 * is skipped; an order in after-sale, held, partly shipped or of unknown status goes to a person.
 * Then auto-approve only when 金额 ≤ 500 AND not remote AND not presale AND nothing else is wrong;
 * every reason that applies is listed.
 */
export function reviewOrder(o: OrderInput, s: Settings['orders']): OrderDecision {
  const data: Record<string, unknown> = baseData(s);
  const parsed = o.address !== undefined ? o.parsed ?? parseAddress(o.address) : undefined;
  const province = parsed?.province;
  // an order cut short by the end of the reading is not skipped on the lines read (one below may be paid, not shipped)
  if (o.status && SKIPPED.has(o.status.cls) && !o.cutShort) {
    const skipped: OrderDecision = { decision: 'skipped', reasons: [], priority: false, data, status: o.status.cls };
    if (province) skipped.province = province.short;
    return skipped;
  }
  const reasons: OrderReason[] = [];
  let own = data;
  const statusReason = o.status && STATUS_REASON[o.status.cls];
  if (statusReason) { reasons.push(statusReason); own = withPlaceholder(own, 'status', o.status!.text); }
  if (o.status?.closedLines?.length) { reasons.push('lines-closed'); own = withPlaceholder(own, 'lines', joined(o.status.closedLines)); }
  if (o.cutShort) reasons.push('order-cut-short');
  if (o.damagedId !== undefined) { reasons.push('order-id-damaged'); own = withPlaceholder(own, 'detail', o.damagedId); }
  if (o.idMissing) reasons.push('order-id-missing');
  if (o.amountFen === undefined) reasons.push('amount-missing');
  else {
    if (o.amountFen > Math.round(s.autoApproveMaxYuan * 100)) reasons.push('amount-over-auto-limit');
    if (o.amountFen > Math.round(s.largeAmountYuan * 100)) reasons.push('amount-large');
  }
  if (o.quantityUnread !== undefined) { reasons.push('quantity-unreadable'); own = withPlaceholder(own, 'quantityText', o.quantityUnread); }
  if (province && inRegions(province, s.remoteRegions)) {
    reasons.push('remote-area');
    own = withPlaceholder(own, 'province', province.short);
  }
  const abroad = o.address !== undefined ? outsideMainland(o.address, parsed) : undefined;
  if (abroad) { reasons.push('outside-mainland'); own = withPlaceholder(own, 'region', outsideName(abroad)); }
  if (o.presale) reasons.push('presale');
  if (o.address !== undefined && !abroad) {
    if (maskHidesProvince(o.address, parsed)) reasons.push('address-masked');
    else {
      const vague = vagueness(o.address, parsed!, s.vagueWords);
      if (vague) { reasons.push('address-vague'); own = withPlaceholder(own, 'address', vague); }
    }
  }
  const priority = mentioned(o.note, s.urgentWords) !== undefined;
  if (priority) reasons.push('note-urgent');
  const change = mentioned(o.note, s.addressChangeWords);
  if (change) { reasons.push('note-address-change'); own = withPlaceholder(own, 'words', change); }
  if (o.stock !== undefined && o.quantity !== undefined && o.stock < o.quantity) {
    reasons.push('stock-short');
    own = withPlaceholder(own, 'stock', o.stock);
    own = withPlaceholder(own, 'quantity', o.quantity);
  }
  if (o.phone === '') reasons.push('phone-missing');
  else if (o.phone !== undefined && !isValidPhone(o.phone)) { reasons.push('phone-invalid'); own = withPlaceholder(own, 'phone', o.phone); }
  if (o.duplicate) reasons.push('duplicate-order');
  const decision: OrderDecision = { decision: reasons.length ? 'manual' : 'auto', reasons, priority, data: own };
  if (province) decision.province = province.short;
  // an address outside the mainland written without a province (Kowloon, Hong Kong): the queue names where it is, as the reason does
  else if (abroad) decision.province = outsideName(abroad).zh;
  // an order cut short whose lines read are unpaid, closed or shipped has no status class: the lines not read may say otherwise
  if (o.status && !(o.cutShort && SKIPPED.has(o.status.cls))) decision.status = o.status.cls;
  return decision;
}

const BASE_DATA = new WeakMap<Settings['orders'], Record<string, unknown>>();

/** Placeholders made once a value: the same remote province, status or note words are one object for every order. */
const WITH = new WeakMap<object, Map<string, Map<unknown, Record<string, unknown>>>>();
/** Values kept per placeholder (a phone or an order number is each order's own: past these, objects of their own). */
const WITH_VALUES = 4096;
/** Objects kept in all (placeholders added one after another multiply): past these, each order has its own. */
const WITH_OBJECTS = 65_536;
let withObjects = 0;

/**
 * `data` with one more placeholder. Frozen and shared by every order that adds the same values in the
 * same order (a decision's text is then found by its reasons: reasonsText), except past WITH_VALUES
 * values of a placeholder or WITH_OBJECTS objects, when the order has an object of its own. A value in
 * words (Localized: 缺少区县, made anew for each order) is the same value as another with the same words.
 */
function withPlaceholder(data: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (!Object.isFrozen(data)) { data[key] = value; return data; }
  let byKey = WITH.get(data);
  if (!byKey) WITH.set(data, (byKey = new Map()));
  let byValue = byKey.get(key);
  if (!byValue) byKey.set(key, (byValue = new Map()));
  const same = typeof value === 'object' && value !== null ? `\u0002${Object.values(value).join('\u0001')}` : value;
  let made = byValue.get(same);
  if (!made) {
    made = { ...data, [key]: value };
    if (byValue.size >= WITH_VALUES || withObjects >= WITH_OBJECTS) return made;
    withObjects++;
    byValue.set(same, Object.freeze(made));
  }
  return made;
}

/** The placeholders every decision shares, made once per settings object. */
function baseData(s: Settings['orders']): Record<string, unknown> {
  let d = BASE_DATA.get(s);
  if (!d) {
    d = Object.freeze({ limit: s.autoApproveMaxYuan, large: s.largeAmountYuan, days: s.presaleDays }) as Record<string, unknown>;
    BASE_DATA.set(s, d);
  }
  return d;
}

/** The settings a reason's answer depends on: the finding names them (issue #24). */
const REASON_SETTINGS: Partial<Record<OrderReason, string>> = {
  'amount-over-auto-limit': 'sop.orders.autoApproveMaxYuan',
  'amount-large': 'sop.orders.largeAmountYuan',
  'remote-area': 'sop.orders.remoteRegions',
  'address-vague': 'sop.orders.vagueWords',
  'note-urgent': 'sop.orders.urgentWords',
  'note-address-change': 'sop.orders.addressChangeWords',
  'stock-short': 'sop.orders.presaleDays',
};

/** The settings behind a decision's reasons, joined by `and` (the run's list words: `sop.orders.autoApproveMaxYuan、sop.orders.remoteRegions`); '' when none. */
export function reasonSettings(d: OrderDecision, and = ', '): string {
  let out = '';
  for (const r of d.reasons) {
    const s = REASON_SETTINGS[r];
    if (s && !out.includes(s)) out += out ? `${and}${s}` : s;
  }
  return out;
}

/** The texts of the orders that share their placeholders (one frozen object: baseData, withPlaceholder), by language and reasonsNumber. */
const SHARED_TEXTS = new WeakMap<object, Partial<Record<Lang, Map<number, string>>>>();
const REASON_PLACE = new Map<string, number>(ORDER_REASONS.map((r, i) => [r, i + 1]));

/** Reasons in their order as one number (five bits a reason), or undefined for more than ten. */
function reasonsNumber(reasons: readonly OrderReason[]): number | undefined {
  if (reasons.length > 10) return undefined;
  let n = 0;
  for (const r of reasons) n = n * 32 + REASON_PLACE.get(r)!;
  return n;
}

/**
 * The reasons of a decision in words, joined (`偏远地区(新疆);备注要求加急,优先打单`). A million orders
 * share a few hundred distinct texts, so each is formatted once: orders with the same placeholders share
 * one frozen object (the settings' own, a remote province added …), beside which the text is kept by the
 * reasons read as a number (a key string built and hashed for every order was a tenth of the queue's
 * checking thread, issue #25). An order with a placeholder of its own (past WITH_VALUES values) is
 * formatted on its own: its text is no other order's.
 */
export function reasonsText(d: OrderDecision, lang: Lang): string {
  const known = d.text?.[lang];
  if (known !== undefined) return known;
  if (d.decision === 'skipped') return ((d.text ??= {})[lang] = t(lang, `status.${d.status ?? 'unknown'}`));
  const seq = Object.isFrozen(d.data) ? reasonsNumber(d.reasons) : undefined;
  let shared: Map<number, string> | undefined;
  if (seq !== undefined) {
    const byLang = SHARED_TEXTS.get(d.data) ?? SHARED_TEXTS.set(d.data, {}).get(d.data)!;
    shared = byLang[lang] ??= new Map();
    const hit = shared.get(seq);
    if (hit !== undefined) return ((d.text ??= {})[lang] = hit);
  }
  const text = d.reasons.map((r) => format(REASON_TEXT[r][lang], d.data, lang)).join(t(lang, 'list.reasons'));
  if (shared && shared.size < 10_000) shared.set(seq!, text);
  (d.text ??= {})[lang] = text;
  return text;
}
