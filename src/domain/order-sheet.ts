import { listKey } from '../cells/list-key.js';
import { toHalfWidth } from '../cells/normalize.js';
import type { CellResult } from '../cells/parse.js';
import { localized } from '../i18n/catalog.js';
import type { Localized } from '../i18n/format.js';
import { parseAddress, parseAddressAfter, type ParsedAddress } from './address.js';
import { afterSaleClass, isPlaceholder, statusClass, type AfterSaleClass, type StatusClass } from './order-status.js';
import { reviewOrder, type OrderDecision, type OrderInput, type OrderStatus } from './orders.js';
import { phoneOf } from './phone.js';
import { rowModel, type ParsedRow, type SheetModel } from './row-model.js';
import { SeenIds } from './seen-ids.js';
import { continuesRecord, type Continuation } from './continuation.js';

/** The address columns an export may split the address into, in reading order. */
export const SPLIT_ADDRESS = ['province', 'city', 'district', 'town', 'street'] as const;

/** An order's item line under its order, with nothing of an order's own: who it goes to, where, when it was paid (helper-63, helper-64). */
export const ORDER_LINES: Continuation = {
  key: 'orderId',
  own: ['recipient', 'phone', 'tel', 'address', ...SPLIT_ADDRESS, 'paidAt'],
  item: ['product', 'sku', 'quantity'],
};

/** The address as a row has it: the 收件地址 column, and the split columns it does not already hold (see addressModel). */
interface AddressParts {
  single: string | undefined;
  /** 省, 市, 区 joined, where the divisions are read */
  head: string | undefined;
  /** 镇 and 详细地址 joined */
  tail: string | undefined;
}

/** How many of SPLIT_ADDRESS name divisions (省, 市, 区): the head of a split address. */
const DIVISION_PARTS = 3;

const addressPartsModel = rowModel<AddressParts>('address-parts', (row) => {
  const single = row.cells.get('address')?.text;
  let head: string | undefined;
  let tail: string | undefined;
  for (let i = 0; i < SPLIT_ADDRESS.length; i++) {
    const part = row.cells.get(SPLIT_ADDRESS[i]);
    if (!part || (single && part.text && single.includes(part.text))) continue;
    if (i < DIVISION_PARTS) head = (head ?? '') + part.text;
    else tail = (tail ?? '') + part.text;
  }
  return { single, head, tail };
});

/**
 * A row's address: the 收件地址 column, or 省/市/区/详细地址 joined when the export splits it (both
 * may exist: the single column wins when it is filled). Undefined when the sheet has neither.
 */
export const addressModel = rowModel<string | undefined>('address', (row) => {
  const { single, head, tail } = row.model(addressPartsModel);
  const joined = head === undefined ? tail : tail === undefined ? head : head + tail;
  if (!single) return joined ?? single;
  // 省/市/区 in their own columns beside an 地址 that holds only the street: the parts the single
  // column lacks come first (an 地址 that holds them all is read alone). With no 省/市/区 of their own,
  // a 街道 or 详细地址 typed beside a filled 收件地址 (the SOP's sheet has both) comes after it: the
  // 收件地址 begins with its own province (outsider helper-100: 西溪街道浙江省… was "no province"), and
  // may stop at its district (helper-101: 浙江省杭州市西湖区 with 文三路90号 in 详细地址)
  if (!joined) return single;
  if (!head) return `${single}${tail}`;
  return `${joined}${single}`;
});

/**
 * A row's address read into province, city and district and the rest, once per row. A split
 * address's 省/市/区, which repeat down the sheet, are read once for all the rows that have them.
 */
export const parsedAddressModel = rowModel<ParsedAddress | undefined>('parsed-address', (row) => {
  const address = row.model(addressModel);
  if (address === undefined) return undefined;
  // the address begins with the head whenever there is one (addressModel)
  const { head } = row.model(addressPartsModel);
  return head ? parseAddressAfter(head, address) : parseAddress(address);
});

/** The status columns an order export may carry, in the order they are read. */
export const STATUS_COLUMNS = ['status', 'lineStatus', 'afterSale'] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

/**
 * One line's status, from its status columns (订单状态, 子订单状态, 售后状态, 退款金额): undefined
 * when the sheet has none (the SOP's own sheet: reviewed as before).
 */
export interface LineStatus {
  /** the class of the line's own status words (子订单状态, else 订单状态); undefined when they are empty (it takes its order's) */
  own?: StatusClass;
  /** the after-sale column's class */
  after?: AfterSaleClass;
  /** money asked back on the line (退款金额 > 0) */
  refunding?: boolean;
  /** the words read, for messages (`买家已付款,等待卖家发货 / 退款中`) */
  text: string;
  /** the cells whose words are not known, by column */
  unknown?: Array<{ column: StatusColumn; text: string }>;
}

/**
 * A line's class: its status, refined by its after-sale column. A refund done takes the line out
 * of the order (closed); one in progress, or money asked back, needs a person — unless the line
 * is already shipped, closed or unpaid (then there is nothing to stop).
 */
export function lineClass(own: StatusClass, after: AfterSaleClass | undefined, refunding: boolean | undefined): StatusClass {
  if (after === 'refunded') return 'closed';
  if ((after === 'after-sale' || refunding) && (own === 'paid' || own === 'hold' || own === 'partly-shipped')) return 'after-sale';
  return own;
}

/**
 * A row's status. The item line's own status (子订单状态) speaks for the line when it has one, else
 * the order's (订单状态); empty, it takes its order's from another line (or, on a sheet with no
 * status column at all, the line is paid: reviewed as before). An unknown word anywhere makes the
 * order unknown.
 */
export const lineStatusModel = rowModel<LineStatus | undefined>('line-status', (row) => {
  const c = row.cells;
  const hasStatus = c.get('status') !== undefined || c.get('lineStatus') !== undefined;
  const hasAfter = c.get('afterSale') !== undefined || c.get('refundAmount') !== undefined;
  if (!hasStatus && !hasAfter) return undefined;
  const read = (key: StatusColumn) => {
    const t = c.get(key)?.text;
    return t === undefined || isPlaceholder(t) ? undefined : t;
  };
  const order = read('status');
  const line = read('lineStatus');
  const afterText = read('afterSale');
  const refund = c.get('refundAmount')?.value;
  const refunding = typeof refund === 'number' && refund > 0;
  const unknown: Array<{ column: StatusColumn; text: string }> = [];
  const ownText = line ?? order;
  let own: StatusClass | undefined = hasStatus ? undefined : 'paid';
  if (ownText !== undefined) {
    own = statusClass(ownText);
    if (own === undefined) unknown.push({ column: line !== undefined ? 'lineStatus' : 'status', text: ownText });
  }
  // a line's own status is read; the order's, when both are there, must still be known words
  if (line !== undefined && order !== undefined && statusClass(order) === undefined) unknown.push({ column: 'status', text: order });
  let after: AfterSaleClass | undefined;
  if (afterText !== undefined) {
    after = afterSaleClass(afterText);
    if (after === undefined) unknown.push({ column: 'afterSale', text: afterText });
  }
  const text = [ownText, afterText, refunding ? `退款金额 ${(refund / 100).toFixed(2)}` : undefined].filter((t): t is string => t !== undefined).join(' / ');
  const status: LineStatus = { text };
  if (own) status.own = own;
  if (after) status.after = after;
  if (refunding) status.refunding = true;
  if (unknown.length) status.unknown = unknown;
  return status;
});

/** Presale in an item's title: 【预售】, 预售 (not 非预售, 无预售, 不是预售). */
const PRESALE_TITLE = /(?<![非无不没未]|不是|没有)预售/;

/** The columns an order's notes are in, in the order they are joined. */
const NOTE_COLUMNS = ['note', 'memo', 'remark'] as const;

/** Whether a line is of a presale order (presaleOf), worked out once a row: the review and ship-late both ask. */
export const presaleModel = rowModel<boolean>('presale', (row) => presaleOf(row));

/** A line's order number as the review reads it (orderNumberOf), worked out once a row: the review and ship-late both ask. */
export const orderNumberModel = rowModel<string>('order-number', (row) => orderNumberOf(row.cells.get('orderId')?.text));

/** Whether a line is of a presale order: 是否预售, or 预售 in its product's title or its 订单类型 (not 非预售). */
function presaleOf(row: ParsedRow): boolean {
  const c = row.cells;
  if (c.get('presale')?.value === true) return true;
  const product = c.get('product')?.text;
  if (product !== undefined && PRESALE_TITLE.test(product)) return true;
  const type = c.get('orderType')?.text;
  return type !== undefined && PRESALE_TITLE.test(type);
}

/** A row's order input, as the review needs it (one line of a multi-line order). */
export function orderInput(row: ParsedRow, duplicate: boolean): OrderInput {
  const c = row.cells;
  const amount = c.get('amount')?.value;
  const quantityCell = c.get('quantity');
  const quantity = quantityCell?.value;
  const stock = c.get('stock')?.value;
  // the notes that say something, joined by ';' (no list made: one row of a million)
  let note: string | undefined;
  for (const key of NOTE_COLUMNS) {
    const n = c.get(key)?.text;
    if (n && !isPlaceholder(n)) note = note === undefined ? n : `${note};${n}`;
  }
  const phone = c.get('phone');
  const tel = c.get('tel');
  return {
    // an amount merged down over the order's lines is the order's, on its first line: the others add nothing
    amountFen: row.covered?.('amount') ? 0 : typeof amount === 'number' ? amount : undefined,
    address: row.model(addressModel),
    parsed: row.model(parsedAddressModel),
    presale: row.model(presaleModel),
    note,
    quantity: typeof quantity === 'number' ? quantity : undefined,
    quantityUnread: quantityUnread(quantityCell, row.covered?.('quantity')),
    stock: typeof stock === 'number' ? stock : undefined,
    phone: phoneOf(phone?.text, tel?.text, phone !== undefined || tel !== undefined),
    duplicate,
  };
}

/**
 * 数量 as the cell shows it when the order's count cannot be told from it, so that no one approves
 * it unseen (reason quantity-unreadable); undefined when it is a count, or the cell is empty, or a
 * merged cell above covers it:
 * - no whole number of at least 1 as read (`x1`, `1"加急`, `0`, `-1`, `1.5`), or one past what is exact;
 * - a formula with no saved result or with an error (shown as its formula or error);
 * - a number with words beside it other than a count's unit (`1(加急)`, `约2`, `2以上`, `1kg`, `3件套`):
 *   the parser reads `1` there, and the note is the operator's.
 */
function quantityUnread(cell: CellResult | undefined, covered: boolean | undefined): string | undefined {
  if (!cell || covered) return undefined;
  if (cell.problem === 'formula-no-result' || cell.problem === 'formula-error') return cell.text.trim() || cell.detail || '=';
  const text = cell.text.trim();
  if (!text) return undefined;
  const v = cell.value;
  if (!(typeof v === 'number' && Number.isSafeInteger(v) && v >= 1)) return text;
  // the number as it is written plainly (a number cell, most text cells of an export): a count, read at once
  if (text === String(v)) return undefined;
  return COUNT_TEXT.test(toHalfWidth(text).replace(ANY_SPACE, '')) ? undefined : text;
}

/** Spaces of every kind (a no-break or thin space pasted from a web page, an ideographic space). */
const ANY_SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;
/** Words a count is written with: a unit after the number (2件, 两个, 3盒, 2pcs). */
const COUNT_UNITS = '件|个|盒|套|瓶|包|支|只|双|条|张|本|台|箱|袋|罐|份|把|副|块|组|对|片|枚|粒|桶|提|卷|根|颗|顶|听|串|扎|板|捆|pcs|pc|items|item';
/**
 * A count in Chinese numerals. Which runs of them are numbers the cell parser decides (its value is a
 * number only for a well-formed one: 十十 and 两十 are none, src/cells/grammar/values.peggy).
 */
const CN_COUNT = '[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+';
/** A count and nothing else, as typed (made half-width: full-width digits and ② are digits): 2, +1, 1.0, 1,000, 共2件, 两件, 二十个. */
const COUNT_TEXT = new RegExp(`^共?(?:\\+?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.0*)?|${CN_COUNT})(?:${COUNT_UNITS})?$`, 'i');

/** One order of an orders sheet, decided (SOP 五.1). */
export interface DecidedOrder {
  /** the Excel row of the order's (first) line */
  row: number;
  /** every line of an order written on several lines (one per product), when there are several */
  lines?: number[];
  orderId: string;
  /** the order's number as read to tell orders apart ('' for none: a placeholder, no number, one a spreadsheet rounded) */
  key: string;
  /** whether any line of it is presale (presaleOf), whatever its decision */
  presale: boolean;
  decision: OrderDecision;
  /** the order's status words, when the sheet has status columns */
  statusText?: string;
}

/** One line of an order being read. */
interface Line {
  row: number;
  input: OrderInput;
  status?: LineStatus;
  /** the line repeats another whole: a duplicate, not another product */
  repeated: boolean;
  /** the product's name, for naming a closed line */
  product?: string;
  /** the order-level amount (订单金额, 应付金额) as the line carries it */
  orderAmountFen?: number;
  /** the line's 金额 cell is there and empty (not merged over it): the line says no amount, where an unreadable one is missing */
  amountBlank?: boolean;
}

/**
 * The order number a cell holds, or '' for none: a placeholder (-, 无, /, null …; helper-63: orders numbered '-'
 * were approved, and duplicates of each other) and a text without a digit, or of zeros only (暂无, 同上, 待补,
 * #REF!, ?, x, 0; helper-66: each was approved as an order's number) are none — every platform's and ERP's
 * order number has digits.
 */
function orderNumberOf(text: string | undefined): string {
  if (!text || isPlaceholder(text) || !ANY_DIGIT.test(text) || ONLY_ZEROS.test(text) || ERROR_VALUE.test(text.trim())) return '';
  // one number however it was typed (outsider helper-94): full width as half width (an IME's ４４０１…, and then an export's
  // apostrophe before it, as before digits typed half-width), and a number a program wrote as a decimal (pandas:
  // 4401234567890.0) without its .0
  let id = toHalfWidth(text);
  if (id !== text && id.charCodeAt(0) === 39) id = id.slice(1);
  if (id.indexOf('.') >= 0 && DECIMAL_ZERO.test(id)) id = id.slice(0, id.indexOf('.'));
  return id;
}
/** digits and a decimal part of zeros */
const DECIMAL_ZERO = /^\d+\.0+$/;
const ANY_DIGIT = /[0-9０-９]/;
/** zeros, whatever separates them (0.00, -0, 0/0; helper-67) */
const ONLY_ZEROS = /^[\s.,，。\-－/／+]*(?:[0０][\s.,，。\-－/／+]*)+$/;
/** a spreadsheet's error value (#DIV/0!, #N/A, #NAME?), typed or computed */
const ERROR_VALUE = /^[#＃][A-Za-z0-9/／]+[!?！？]?$/;

/** Whether a line says an order amount (订单金额) other than the one on its order's first line (京东 repeats the same one on each line). */
function otherOrderAmount(row: ParsedRow, first: Line): boolean {
  const v = row.cells.get('orderAmount')?.value;
  return typeof v === 'number' && v !== first.orderAmountFen;
}

/** What tells two lines of one order apart: a line repeated whole is a duplicate, not another product. */
function lineSignature(row: ParsedRow): string {
  const c = row.cells;
  // a line of its own number (子订单编号) is itself; otherwise everything that tells products apart
  const own = c.get('lineId')?.text;
  if (own) return own;
  return listKey((['product', 'sku', 'quantity', 'amount', 'note', 'lineStatus', 'afterSale'] as const).map((k) => c.get(k)?.text));
}

/**
 * The order's status from its lines: closed lines leave it (named, when others are left); the
 * lines left decide: all unpaid, all shipped, or the one that must stop the shipping.
 */
/**
 * Each line's class; a line with no status words of its own is under the order's (written on its
 * first line only). Undefined when no line has status words.
 */
function classesOf(lines: readonly Line[]): StatusClass[] | undefined {
  const given = lines.find((l) => l.status?.own)?.status?.own;
  if (!given) return undefined;
  return lines.map((l) => lineClass(l.status?.own ?? given, l.status?.after, l.status?.refunding));
}

function orderStatus(lines: readonly Line[]): OrderStatus | undefined {
  if (lines.every((l) => !l.status)) return undefined;
  const unknown = [...new Set(lines.flatMap((l) => l.status?.unknown?.map((u) => u.text) ?? []))];
  if (unknown.length) return { cls: 'unknown', text: unknown.join('; ') };
  const classes = classesOf(lines);
  if (!classes) return { cls: 'blank', text: '' };
  const text = [...new Set(lines.map((l) => l.status?.text).filter(Boolean))].join('; ');
  const left = lines.filter((_, i) => classes[i] !== 'closed');
  const leftClasses = new Set(classes.filter((c) => c !== 'closed'));
  if (!left.length) return { cls: 'closed', text };
  // a closed line named by its product, and its row when products repeat
  const named = (l: Line): string | Localized => (l.product ? (lines.filter((x) => x.product === l.product).length > 1 ? localized('order.line-of-product', { product: l.product, row: l.row }) : l.product) : localized('order.line-row', { row: l.row }));
  const closedLines = left.length < lines.length ? lines.filter((_, i) => classes[i] === 'closed').map(named) : undefined;
  const status = (cls: OrderStatus['cls']): OrderStatus => (closedLines && cls !== 'unpaid' && cls !== 'shipped' ? { cls, text, closedLines } : { cls, text });
  if (leftClasses.size === 1) return status([...leftClasses][0]);
  for (const stop of ['after-sale', 'hold'] as const) if (leftClasses.has(stop)) return status(stop);
  if (leftClasses.has('shipped') || leftClasses.has('partly-shipped')) {
    return [...leftClasses].every((c) => c === 'shipped' || c === 'partly-shipped' || c === 'paid') ? status('partly-shipped') : status('mixed');
  }
  return status('mixed');
}

/** Sums a line amount over lines; undefined when one of them lacks it. */
function sum(lines: readonly Line[], get: (l: Line) => number | undefined): number | undefined {
  let total = 0;
  for (const l of lines) {
    const v = get(l);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/**
 * One order's lines, merged: the amounts of the lines left (closed and refunded lines leave, a line
 * repeated whole counts once: it is a duplicate, not another product); an order-level amount that
 * an export repeats on every line (京东's 应付金额) counted once; any presale line makes it presale;
 * notes joined; the order's status from its lines.
 */
function mergeLines(all: readonly Line[]): OrderInput {
  const status = orderStatus(all);
  if (all.length === 1) return withOrderAmount(all[0].input, all, status);
  const kept = all.map((l, i) => [l, i] as const).filter(([l]) => !l.repeated);
  const classes = classesOf(all);
  const lines = kept.map(([l]) => l);
  const open = kept.filter(([, i]) => classes?.[i] !== 'closed').map(([l]) => l);
  const counted = open.length ? open : lines;
  const inputs = counted.map((l) => l.input);
  const first = inputs[0];
  const notes = [...new Set(inputs.map((o) => o.note).filter((n): n is string => Boolean(n)))];
  const short = inputs.find((o) => o.stock !== undefined && o.quantity !== undefined && o.stock < o.quantity);
  const amount = linesAmount(counted);
  const merged: OrderInput = {
    ...first,
    amountFen: amount.fen,
    presale: inputs.some((o) => o.presale),
    note: notes.length ? notes.join(';') : first.note,
    // stock is per product: the line that is short speaks for the order
    quantity: short ? short.quantity : first.quantity,
    quantityUnread: inputs.find((o) => o.quantityUnread !== undefined)?.quantityUnread,
    stock: short ? short.stock : first.stock,
    duplicate: all.some((l) => l.input.duplicate),
  };
  return withOrderAmount(merged, lines, status, amount.blanks);
}

/**
 * The lines' amounts added up; lines whose 金额 is empty add nothing but are counted (`blanks`: the
 * order amount then decides, where there is one). An unreadable amount, or none on any line, is none.
 */
function linesAmount(lines: readonly Line[]): { fen: number | undefined; blanks: boolean } {
  let total = 0;
  let known = false;
  let blanks = false;
  for (const l of lines) {
    const v = l.input.amountFen;
    if (v !== undefined) { total += v; known = true; } else if (l.amountBlank) blanks = true;
    else return { fen: undefined, blanks: false };
  }
  return { fen: known ? total : undefined, blanks };
}

/**
 * The order-level amount, where the export has no line amount: once when every line repeats it
 * (京东), summed when the lines differ (then it was a line amount after all).
 */
function withOrderAmount(o: OrderInput, lines: readonly Line[], status: OrderStatus | undefined, blanks = false): OrderInput {
  const out = status ? { ...o, status } : o;
  // the lines that carry it: an order amount on the first line only is the order's (helper-64: amount-missing).
  // Lines without an amount of their own leave the order's total to it, however the lines were joined (helper-66:
  // 实付 100 and a line without one under 订单金额 600 was approved at 100 unmerged, sent to a person merged)
  const carried = lines.some((l) => l.orderAmountFen !== undefined);
  // lines without an amount and no order amount to fall back on: what the order comes to is not known (helper-67: it
  // was approved on the first line's amount, three items of unknown price under it)
  if (blanks && !carried) return { ...out, amountFen: undefined };
  if ((o.amountFen !== undefined && !blanks) || !carried) return out;
  const given = lines.filter((l) => l.orderAmountFen !== undefined);
  const values = new Set(given.map((l) => l.orderAmountFen));
  const total = values.size === 1 ? given[0].orderAmountFen : sum(given, (l) => l.orderAmountFen);
  // with lines of their own amounts too, the larger decides (the lines add up to more than the order says: a person sees it)
  return { ...out, amountFen: o.amountFen !== undefined && total !== undefined ? Math.max(o.amountFen, total) : total };
}

/**
 * The orders of a sheet as they stream by, each decided once: the rule `order-manual-review` and
 * `ecsop review` subscribe to the same run. An order written on several adjacent lines (one line
 * per product, the same 订单号, as platform exports write them) is one order: its status from its
 * lines, its amounts summed before the thresholds, decided once. A line repeated whole, or an
 * order number met again after other orders, is a duplicate. Duplicates are looked for within one
 * sheet (an export). An order number a spreadsheet has rounded (6.921E+18) is never taken for
 * another order's: each such line is an order of its own, for a person.
 */
export const orderModel: SheetModel<DecidedOrder> = {
  id: 'orders',
  start(env) {
    // a shared string's order number as a row's is read (an id kept by its index, asked for its text: see SeenIds)
    const shared = env.sharedStrings;
    const seen = new SeenIds(shared, (index) => {
      const cell = shared?.cellOf?.(index, 'orderId');
      return cell?.problem === 'lost-digits' ? '' : orderNumberOf(cell?.text);
    });
    const s = env.settings.orders;
    // the lines' signatures are made only when an order has a second line (most have one): the first line's row is kept till then
    // `sealed`: a row of totals or a group's title came after it (no item line below joins it)
    let open: { id: string; shown: string; lines: Line[]; first?: ParsedRow; signatures?: Set<string>; sealed?: boolean; damaged?: boolean } | undefined;
    /** `cutShort`: the sheet's reading stopped after the order's last line read */
    const flush = (emit: (o: DecidedOrder) => void, cutShort = false) => {
      if (!open) return;
      let input = mergeLines(open.lines);
      if (cutShort) input = { ...input, cutShort };
      const order: DecidedOrder = { row: open.lines[0].row, orderId: open.shown, key: open.damaged ? '' : open.id, presale: input.presale === true, decision: reviewOrder(input, s) };
      if (open.lines.length > 1) order.lines = open.lines.map((l) => l.row);
      if (input.status) order.statusText = input.status.text;
      emit(order);
      open = undefined;
    };
    const lineOf = (row: ParsedRow, duplicate: boolean, repeated: boolean): Line => {
      const orderAmount = row.cells.get('orderAmount')?.value;
      const amount = row.cells.get('amount');
      return { row: row.row, input: orderInput(row, duplicate), status: row.model(lineStatusModel), repeated, product: row.cells.get('product')?.text, orderAmountFen: typeof orderAmount === 'number' ? orderAmount : undefined, amountBlank: amount !== undefined && amount.empty && !row.covered?.('amount') };
    };
    return {
      row(row, emit) {
        const cell = row.cells.get('orderId');
        const damaged = cell?.problem === 'lost-digits';
        const id = row.model(orderNumberModel);
        // no number and nothing of an order's own: an item line (a merged export unmerged without filling down)
        const itemLine = id === '' && continuesRecord(ORDER_LINES, row);
        // a line of the order being read: its number merged down over the line (whatever the number: one a spreadsheet
        // rounded, a placeholder), the same number again, or an item line — helper-63: the first line was approved on its
        // own amount, the others were orders without numbers; helper-65: under a rounded number too — unless a row of
        // totals or a title came between, or it says another 订单金额 than the order's first line (another order's; helper-65)
        const mergedNumber = row.covered?.('orderId') === true;
        const itemOnly = itemLine && open !== undefined && !open.sealed && !otherOrderAmount(row, open.lines[0]);
        if (open && (mergedNumber || itemOnly || (id !== '' && id === open.id && !damaged))) {
          // another line of the order: a new product, or the same line twice — unless the export itself made it a line of
          // the order (its number merged down, or left to the first line): two alike are two items (helper-61)
          const merged = itemOnly || mergedNumber;
          const signature = merged ? '' : lineSignature(row);
          const signatures = (open.signatures ??= new Set([lineSignature(open.first!)]));
          open.first = undefined;
          const repeated = !merged && signatures.has(signature);
          if (!merged) signatures.add(signature);
          open.lines.push(lineOf(row, repeated, repeated));
          return;
        }
        flush(emit);
        // the index stands for the number only when it is the cell's text as it is (not made ASCII, not without its .0)
        const duplicate = id !== '' && !damaged && seen.add(id, id === cell!.text ? cell!.key : undefined);
        const line = lineOf(row, duplicate, false);
        if (damaged) line.input.damagedId = id;
        // an order without its number is never approved unseen (helper-62: a line under an empty merged cell, a number
        // left out; helper-63: a sheet without the 订单号 column, said once as sheet/missing-column)
        if (id === '') line.input.idMissing = true;
        // the number as the cell shows it, whatever it is (暂无, #REF!, a formula's text): a person sees what was there
        open = { id, shown: id || (cell?.text ?? ''), lines: [line], first: row, damaged };
        // a line without a number is an order alone, with the item lines under it (helper-64: they were orders of their own);
        // one a spreadsheet rounded stays open only for the lines its cell is merged over
        if (itemLine) flush(emit);
      },
      boundary() {
        if (open) open.sealed = true;
      },
      // lines of the last order may lie past where the reading stopped: it goes to a person (outsider helper-93: it was
      // neither approved nor listed)
      stopped(emit) {
        flush(emit, true);
      },
      end(emit) {
        flush(emit);
      },
    };
  },
};

