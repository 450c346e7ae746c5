import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/cells/normalize.js';
import { afterSaleClass, isPlaceholder, statusClass, statusVocabulary, type StatusClass } from '../../src/domain/order-status.js';

/** Status words as the platforms' exports and APIs write them (docs/platform-exports.md), by class. */
const CASES: Array<[string, StatusClass | undefined]> = [
  // 千牛 (淘宝/天猫)
  ['等待买家付款', 'unpaid'], ['买家已付款，等待卖家发货', 'paid'], ['卖家已发货，等待买家确认', 'shipped'], ['交易成功', 'shipped'],
  ['交易关闭', 'closed'], ['付款以前，卖家或买家主动关闭交易', 'closed'], ['卖家部分发货', 'partly-shipped'],
  ['WAIT_BUYER_PAY', 'unpaid'], ['WAIT_SELLER_SEND_GOODS', 'paid'], ['TRADE_CLOSED_BY_TAOBAO', 'closed'], ['TRADE_FINISHED', 'shipped'],
  ['PAID_FORBID_CONSIGN', 'hold'],
  // 抖店
  ['待支付', 'unpaid'], ['待发货', 'paid'], ['备货中', 'paid'], ['已发货', 'shipped'], ['已完成', 'shipped'], ['已取消', 'closed'], ['已关闭', 'closed'],
  // 拼多多
  ['待付款', 'unpaid'], ['已发货，待收货', 'shipped'], ['已发货，待签收', 'shipped'], ['已签收', 'shipped'], ['已收货', 'shipped'], ['拼团中', 'hold'],
  ['未发货，退款成功', 'closed'], ['已取消，退款成功', 'closed'], ['未成交，退款成功', 'closed'], ['已签收，退款成功', 'closed'],
  // 快手 (API 10/30/40/50/70/80), 小红书 (API 1–10)
  ['已付款', 'paid'], ['订单成功', 'shipped'], ['订单失败', 'closed'], ['已下单待付款', 'unpaid'], ['已支付处理中', 'paid'], ['换货申请中', 'after-sale'],
  // 聚水潭, 旺店通
  ['WaitConfirm', 'paid'], ['已客审待财审', 'paid'], ['Sent', 'shipped'], ['Question', 'hold'], ['待尾款', 'unpaid'], ['异常发货', 'hold'],
  // 京东
  ['等待出库', 'paid'], ['等待确认收货', 'shipped'], ['完成', 'shipped'], ['锁定', 'hold'], ['WAIT_SELLER_STOCK_OUT', 'paid'], ['TRADE_CANCELED', 'closed'],
  // 快手, 小红书, ERP
  ['交易关闭', 'closed'], ['待出库', 'paid'], ['已删除', 'closed'], ['订单关闭', 'closed'], ['待审核', 'paid'], ['已付款待发货', 'paid'],
  // English, as ERPs and translated exports write them
  ['Awaiting Shipment', 'paid'], ['Cancelled', 'closed'], ['Pending Payment', 'unpaid'], ['Shipped', 'shipped'], ['Refunding', 'after-sale'],
  // written differently: spaces, full width, brackets
  [' 买家已付款 , 等待卖家发货 ', 'paid'], ['（待发货）', 'paid'],
  // not status words
  ['神秘状态', undefined], ['张三', undefined], ['2024-05-20', undefined],
];

describe('order status words', () => {
  it.each(CASES)('%s → %s', (word, cls) => expect(statusClass(word)).toBe(cls));

  it('every word of the vocabulary reads as its own class', () => {
    const { status, afterSale } = statusVocabulary();
    for (const [cls, words] of Object.entries(status)) for (const w of words) expect([w, statusClass(w)]).toEqual([w, cls]);
    for (const [cls, words] of Object.entries(afterSale)) for (const w of words) expect([w, afterSaleClass(w)]).toEqual([w, cls]);
  });

  it('a cell of two known parts: an end first, then what has left, then what stops the shipping', () => {
    expect(statusClass('未发货，退款成功')).toBe('closed'); // 拼多多
    expect(statusClass('已发货，退款成功')).toBe('closed');
    expect(statusClass('待发货，退款中')).toBe('after-sale');
    expect(statusClass('已发货，退款中')).toBe('shipped'); // nothing left to stop: after-sale handles it
    expect(statusClass('待发货/拼团中')).toBe('hold');
    expect(statusClass('待发货 神秘')).toBeUndefined();
  });

  it('京东\'s (删除) before a status: held for a person, unless the order has ended', () => {
    expect(statusClass('(删除)等待出库')).toBe('hold');
    expect(statusClass('（删除）锁定')).toBe('hold');
    expect(statusClass('(删除)等待确认收货')).toBe('shipped');
    expect(statusClass('(删除)已取消')).toBe('closed');
    expect(statusClass('(删除)神秘')).toBeUndefined();
  });
});

describe('after-sale and refund words', () => {
  it.each([
    ['无售后', 'none'], ['没有申请退款', 'none'], ['退款关闭', 'none'], ['售后关闭', 'none'], ['卖家拒绝退款', 'none'], ['-', 'none'], ['', 'none'],
    ['退款中', 'after-sale'], ['售后中', 'after-sale'], ['售后待处理', 'after-sale'], ['退款申请中', 'after-sale'], ['买家已经申请退款，等待卖家同意', 'after-sale'],
    ['WAIT_SELLER_AGREE', 'after-sale'], ['待商家处理', 'after-sale'],
    ['退款成功', 'refunded'], ['已退款', 'refunded'], ['SUCCESS', 'refunded'], ['退货成功', 'refunded'],
    // 拼多多's after-sale words, the refund and its stage in one cell
    ['无售后或售后取消', 'none'], ['买家申请退款，待商家处理', 'after-sale'], ['商家同意退款，退款中', 'after-sale'], ['平台拒绝退款，退款关闭', 'none'], ['部分退款成功', 'after-sale'],
    // 抖店
    ['待收退货', 'after-sale'], ['售后已拒绝', 'none'], ['换货成功', 'none'], ['–', 'none'],
    ['看不懂', undefined],
  ] as const)('%s → %s', (word, cls) => expect(afterSaleClass(word)).toBe(cls));
});

describe('placeholders', () => {
  it.each(['', '-', "'-", '--', '无', 'null', 'NULL', 'N/A', ' '])('%j holds nothing', (t) => expect(isPlaceholder(t)).toBe(true));
  it.each(['0', '13800138000', '无售后'])('%j holds something', (t) => expect(isPlaceholder(t)).toBe(false));

  it('any text, typed any way, is told as the pattern tells it after normalising (the quick answer for digits and Chinese changes nothing)', () => {
    const pattern = (t: string) => /^['"]?\s*(?:[-—–/\\.。*]+|无|空|null|none|n\/a|na|undefined|#N\/A)?\s*$/i.test(cleanText(t));
    const pieces = ['无', '空', '-', '—', '－', '。', '.', '*', '/', '\\', "'", '"', ' ', '\u3000', '\u00a0', '\t', 'null', 'NULL', 'n/a', 'N／A', '#N/A', 'none', 'na',
      'undefined', '0', '１', '①', '⑴', '㈠', '㊀', '豈', '售后', '不要放快递柜', '号', 'a', 'Ｎ', 'ｕｌｌ', '〜'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }), fc.string({ maxLength: 3 }), (parts, extra) => {
      for (const t of [parts.join(''), parts.join('') + extra, extra + parts.join('')]) expect(isPlaceholder(t)).toBe(pattern(t));
    }), { numRuns: 5000 });
  });
});
