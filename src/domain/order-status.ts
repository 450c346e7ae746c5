import { cleanText } from '../cells/normalize.js';

/**
 * What an order's status words mean for the review (issue #20), from the platforms' exports and
 * open APIs. Where each word was learned is on docs/platform-exports.md; this table is the data.
 *
 * - `unpaid`: not paid yet; not reviewed, not queued.
 * - `closed`: closed, cancelled, deleted, or refunded in full; skipped.
 * - `paid`: paid and waiting for shipment; reviewed by the SOP's rules.
 * - `hold`: paid but the platform holds it (拼团中, 锁定, 暂停): a person decides.
 * - `after-sale`: a refund or after-sale in progress: a person decides.
 * - `partly-shipped`: some of it shipped: a person decides what is left.
 * - `shipped`: shipped, received or finished; never queued again.
 */
export type StatusClass = 'unpaid' | 'closed' | 'paid' | 'hold' | 'after-sale' | 'partly-shipped' | 'shipped';

export const STATUS_CLASSES: readonly StatusClass[] = ['unpaid', 'closed', 'paid', 'hold', 'after-sale', 'partly-shipped', 'shipped'];

/** An after-sale/refund column: nothing going on, in progress, or refunded (the line leaves the order). */
export type AfterSaleClass = 'none' | 'after-sale' | 'refunded';

/**
 * Order and item-line status words (订单状态, 交易状态, 子订单状态, 商品状态 …), by class. Chinese as the
 * exports write them, the open APIs' enum names, and the English an ERP or a translated export uses.
 */
const STATUS_WORDS: Record<StatusClass, readonly string[]> = {
  unpaid: [
    // 千牛, 抖店, 拼多多, 快手, 小红书, 京东
    '等待买家付款', '待付款', '待支付', '等待付款', '已下单待付款', '待确认', '未付款', '未支付', '待买家付款', '买家未付款',
    // presale deposits and ERPs (旺店通 待尾款/等未付, 聚水潭 WaitPay)
    '部分支付', '待付尾款', '待尾款', '待支付尾款', '尾款待支付', '定金已付尾款未付', '定金未付尾款未付', '等未付', '付款确认中', '没有创建支付宝交易', '未成交',
    'TRADE_NO_CREATE_PAY', 'WAIT_BUYER_PAY', 'PAY_PENDING', 'WAIT_PRE_AUTH_CONFIRM', 'ALL_WAIT_PAY', 'NOT_PAY', 'WaitPay',
    'unpaid', 'not paid', 'pending payment', 'awaiting payment', 'waiting for payment', 'payment pending',
  ],
  closed: [
    '交易关闭', '已取消', '订单关闭', '已删除', '已关闭', '取消', '关闭', '订单取消', '交易取消', '已作废', '作废', '无效订单',
    '付款以前,卖家或买家主动关闭交易', '付款以后用户退款成功,交易自动关闭', '交易被淘宝关闭', '交易自动关闭', '订单失败', '已关闭订单',
    // 拼多多: the status and the refund in one cell
    '退款成功', '已退款', '全额退款', '未发货,退款成功', '已发货,退款成功', '已取消,退款成功', '未成交,退款成功', '已收货,退款成功', '已签收,退款成功',
    // ERPs: replaced by another order (聚水潭 Merged/Split, 旺店通 被合并)
    '拼团失败', '团失败', '被合并', '被拆分',
    'TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO', 'ALL_CLOSED', 'TRADE_CANCELED', 'TRADE_CANCELLED', 'Cancelled', 'Delete', 'Disabled', 'SentCancelled', 'Merged', 'Split',
    'canceled', 'closed', 'deleted', 'void', 'voided', 'refunded',
  ],
  paid: [
    '买家已付款,等待卖家发货', '买家已付款', '等待卖家发货', '已付款待发货', '已支付待发货', '已成团待发货', '等待卖家发货,即:买家已付款', '待发货', '未发货', '已支付', '已付款', '备货中', '已支付处理中', '清关中',
    '等待出库', '待出库', '等待发货', '等待境内发货', '等待境外出库', '已成团', '待商家发货',
    // ERPs (聚水潭, 旺店通): paid and in the warehouse's hands, not shipped yet
    '已付款待审核', '已客审待财审', '待审核', '已审核', '待客审', '待财审', '延时审核', '待选仓', '待抢单', '预订单', '预订单前处理', '前处理',
    '待递交仓库', '递交仓库中', '已递交仓库', '已确认', '发货中', '待打单', '已打单', '待配货', '配货中', '待拣货', '拣货中', '等供销商发货', '外仓发货',
    'WAIT_SELLER_SEND_GOODS', 'WAIT_SELLER_STOCK_OUT', 'WAIT_SELLER_DELIVERY', 'WAIT_SEND_CODE', 'SELLER_READY_GOODS', 'PAID_DEALING', 'CLEAR_CUSTOMS',
    'WaitConfirm', 'WaitFConfirm', 'Delivering', 'WaitOuterSent', 'WaitDeliver', 'WaitOuterDeliver',
    'paid', 'awaiting shipment', 'awaiting fulfillment', 'to ship', 'to be shipped', 'ready to ship', 'unshipped', 'not shipped',
  ],
  hold: [
    '拼团中', '待成团', '已付款但禁止发货', '锁定', '已锁定', '锁定订单', '暂停', '暂停订单', '已暂停', 'POP暂停', '挂起', '已挂起', '冻结', '已冻结',
    '异常', '异常订单', '异常发货', '风控中', '风控审核中',
    'PAID_FORBID_CONSIGN', 'LOCKED', 'PAUSE', 'POP_ORDER_PAUSE', 'Question', 'Lock',
    'on hold', 'held', 'locked', 'paused', 'frozen',
  ],
  'after-sale': [
    '退款中', '售后中', '售后待处理', '退款申请中', '申请退款中', '售后处理中', '退货退款中', '换货申请中', '配送退货', '部分退款', '申请退款',
    'TRADE_RETURNING', 'DELIVERY_RETURN', 'RF_STATUS_REFUNDING',
    'refunding', 'refund requested', 'refund pending', 'refund in progress', 'return requested', 'after-sale', 'after sale', 'in dispute',
  ],
  'partly-shipped': [
    '部分发货', '卖家部分发货', '部分已发货', '部分出库', '已部分发货',
    'SELLER_CONSIGNED_PART', 'PART_SHIPPED', 'PARTIALLY_SHIPPED',
    'partially shipped', 'partly shipped', 'partially fulfilled',
  ],
  shipped: [
    '卖家已发货,等待买家确认', '卖家已发货', '已发货', '已发货,待收货', '已发货,待签收', '已发货待签收', '待收货', '等待买家确认收货', '等待确认收货',
    '交易成功', '交易成功订单', '已完成', '完成', '已签收', '买家已签收', '已收货', '订单成功', '已出库', '发往配送中心', '配送中心已收货',
    '收款确认', '收款确认(服务完成)', '部分打款', '待揽收', '已揽收', '运输中', '派送中', '配送中', '待签收', '已送达', '交易完成', '订单完成', '已妥投', '已确认收货',
    '待评价', '已评价',
    'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_BUYER_SIGNED', 'TRADE_FINISHED', 'FINISHED_L', 'WAIT_GOODS_RECEIVE_CONFIRM', 'SEND_TO_DISTRIBUTION_CENER',
    'DISTRIBUTION_CENTER_RECEIVED', 'RECEIPTS_CONFIRM', 'Sent', 'OuterSent', 'Delivered', 'OuterDelivered', 'Finished',
    'shipped', 'delivered', 'completed', 'complete', 'received', 'fulfilled', 'in transit', 'signed',
  ],
};

/**
 * After-sale and refund column words (售后状态, 退款状态 …): nothing going on (none, or an after-sale
 * that ended without money back), in progress, or refunded (the line leaves the order).
 */
const AFTER_SALE_WORDS: Record<AfterSaleClass, readonly string[]> = {
  none: [
    '无售后', '没有申请退款', '没有退款', '无退款', '未申请退款', '无', '否', '正常', '无售后或售后取消', '无售后或售后关闭', '无售后/取消售后',
    '售后关闭', '退款关闭', '卖家拒绝退款', '拒绝退款', '售后拒绝', '售后已拒绝', '售后取消', '售后失败', '商家二次拒绝', '退款失败', '取消退款',
    '买家撤销', '已撤销', '撤销退款', '平台拒绝退款,退款关闭', '商家拒绝退款,退款关闭', '买家逾期未处理,退款失败', '买家逾期,超过有效期',
    '换货成功', '补寄成功', '换货补寄成功', '换货补寄失败', '换货/补寄/维修成功', '维修成功', '维修关闭',
    'NO_REFUND', 'SELLER_REFUSE_BUYER', 'CLOSED',
    'none', 'no refund', 'refund closed', 'refund refused', 'refund rejected', 'refund failed',
  ],
  'after-sale': [
    '退款中', '售后中', '售后待处理', '退款申请中', '售后处理中', '退货退款中', '退货中', '换货中', '待退款', '部分退款', '部分退款成功', '已申请退款', '申请退款',
    '待商家处理', '待商家同意', '待商家二次同意', '商家一次拒绝', '待买家退货', '待收退货', '待退货', '待商家收货', '待商家发货', '平台介入中', '平台处理中',
    '买家已经申请退款,等待卖家同意', '卖家已经同意退款,等待买家退货', '买家已经退货,等待卖家确认收货',
    '买家申请退款,待商家处理', '退货退款,待商家处理', '商家同意退款,退款中', '平台同意退款,退款中', '驳回退款,待用户处理', '已同意退货退款,待用户发货',
    '退货完成,待退款', '换货补寄待用户确认完成', '待商家同意维修', '待用户确认发货', '待用户确认收货', '已同意拒收退款,待用户拒收', '补寄待商家发货',
    '换货/补寄/维修待买家收货', '等待退货', '等待收货',
    'WAIT_SELLER_AGREE', 'WAIT_BUYER_RETURN_GOODS', 'WAIT_SELLER_CONFIRM_GOODS', 'RF_STATUS_REFUNDING',
    'refunding', 'refund requested', 'refund pending', 'refund in progress', 'return requested', 'returning', 'in progress', 'in dispute',
  ],
  refunded: [
    '退款成功', '已退款', '退款完成', '退货成功', '退货退款成功', '售后完成', '售后成功', '全额退款', '全部退款', '未发货,退款成功', '已发货,退款成功',
    '未付款关闭', '未付款关闭或手工关闭',
    'SUCCESS', 'REFUND_SUCCESS', 'REFUNDED',
    'refunded', 'refund succeeded', 'refund completed',
  ],
};

/** The comparable form of a status word: half-width, no spaces or punctuation, lower case. */
export function statusKey(text: string): string {
  return cleanText(text).replace(/[\s,;:.、。!！?？'"“”‘’()[\]{}<>《》【】_\-—/\\|·]+/g, '').toLowerCase();
}

function table<C extends string>(words: Record<C, readonly string[]>): Map<string, C> {
  const map = new Map<string, C>();
  for (const [c, list] of Object.entries(words) as Array<[C, readonly string[]]>) {
    for (const w of list) if (!map.has(statusKey(w))) map.set(statusKey(w), c);
  }
  return map;
}

const STATUS = table(STATUS_WORDS);
const AFTER_SALE = table(AFTER_SALE_WORDS);

/**
 * Which class wins when the parts of one cell disagree: an end (closed: `未发货,退款成功`) over
 * everything, then not paid, then what has already left (`已发货,退款中`: nothing to stop), then
 * what stops the shipping (after-sale, a hold) over plain paid.
 */
const STATUS_WEIGHT: Record<StatusClass, number> = { closed: 8, unpaid: 7, 'partly-shipped': 6, shipped: 5, 'after-sale': 4, hold: 3, paid: 1 };

/** Cells that say "nothing here": `-`, `无`, `null`. */
export function isPlaceholder(text: string): boolean {
  // what no placeholder holds, told at once: a digit (a phone, an order number) or a Chinese character
  // other than 无 and 空 (a note); normalising keeps both, so the answer is the pattern's
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0x4e00 && c <= 0x9fff && c !== 0x65e0 && c !== 0x7a7a)) return false;
  }
  return PLACEHOLDER.test(cleanText(text));
}

/** A cell that says "nothing here" (after cleanText): a dash or dots, 无, 空, null, N/A …, quoted or not. */
const PLACEHOLDER = /^['"]?\s*(?:[-—–/\\.。*]+|无|空|null|none|n\/a|na|undefined|#N\/A)?\s*$/i;

function classify<C extends string>(text: string, map: Map<string, C>, weight?: Record<string, number>): C | undefined {
  const whole = map.get(statusKey(text));
  if (whole !== undefined) return whole;
  // `买家已付款,等待卖家发货`, `已发货(部分退款)`: each part known, and the weightiest decides
  const parts = cleanText(text).split(/[,;、/|()[\]]+|\s+/).map(statusKey).filter(Boolean);
  if (parts.length < 2) return undefined;
  let best: C | undefined;
  for (const p of parts) {
    const c = map.get(p);
    if (c === undefined) return undefined;
    if (best === undefined || (weight && weight[c] > weight[best])) best = c;
  }
  return best;
}

/** 京东's `(删除)` before a status: the buyer deleted or hid the order, or it was split. */
const DELETED = /^\s*[(（]删除[)）]\s*/;

/**
 * The class of an order or item-line status; undefined when the words are not known. A status
 * under 京东's `(删除)` is held for a person unless it is an end already (closed, shipped, unpaid).
 */
export function statusClass(text: string): StatusClass | undefined {
  if (DELETED.test(text)) {
    const rest = classify(text.replace(DELETED, ''), STATUS, STATUS_WEIGHT);
    return rest === undefined || rest === 'closed' || rest === 'shipped' || rest === 'unpaid' ? rest : 'hold';
  }
  return classify(text, STATUS, STATUS_WEIGHT);
}

const AFTER_SALE_WEIGHT: Record<AfterSaleClass, number> = { none: 1, 'after-sale': 2, refunded: 3 };

/** The class of an after-sale/refund status; undefined when the words are not known. Empty and `-` are `none`. */
export function afterSaleClass(text: string): AfterSaleClass | undefined {
  if (isPlaceholder(text)) return 'none';
  return classify(text, AFTER_SALE, AFTER_SALE_WEIGHT);
}

/** Every status word and its class, for docs and tests. */
export function statusVocabulary(): { status: Record<StatusClass, readonly string[]>; afterSale: Record<AfterSaleClass, readonly string[]> } {
  return { status: STATUS_WORDS, afterSale: AFTER_SALE_WORDS };
}
