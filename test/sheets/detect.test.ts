import { describe, expect, it } from 'vitest';
import { detectKind, headerFormsOf, isPlainHeaderText, matchHeader } from '../../src/sheets/detect.js';
import { kindById } from '../../src/sheets/registry.js';

const at = (texts: string[], row = 1) => ({ row, texts: [undefined, ...texts] });

describe('detectKind', () => {
  it('recognises the SOP header exactly as printed', () => {
    const m = detectKind([at(['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议', '评估人', '评估日期'])]);
    expect(m?.kind.id).toBe('selection');
    expect(m?.missing).toEqual([]);
    expect(m?.columns.get('demand')).toBe(3);
  });

  it('accepts headers retyped by hand: full-width brackets, no hints, spaces, shuffled', () => {
    const m = detectKind([at([' 选品建议 ', '综合得分', '供应链难度（1－5分）', '利润空间', '竞争强度 (1-5分)', '市场需求度', '产品 名称', '备注列'])]);
    expect(m?.kind.id).toBe('selection');
    expect(m?.columns.get('product')).toBe(7);
    expect(m?.columns.get('supply')).toBe(3);
    expect(m?.extra).toEqual([8]);
  });

  it('accepts English names and the `--lang en` two-line header', () => {
    const m = detectKind([at(['Product', 'Demand', 'Competition', 'Profit', 'Supply chain', 'Total score', 'Verdict'])]);
    expect(m?.kind.id).toBe('selection');
    const two = detectKind([at(['产品名称\nProduct', '市场需求度(1-5分)\nDemand', '竞争强度(1-5分)\nCompetition', '利润空间(1-5分)\nProfit', '供应链难度(1-5分)\nSupply chain'])]);
    expect(two?.kind.id).toBe('selection');
    expect(two?.missing).toEqual([]);
  });

  it('finds the header below a title row', () => {
    const m = detectKind([at(['选品评估矩阵表'], 1), at([], 2), at(['产品名称', '市场需求度', '竞争强度', '利润空间', '供应链难度', '综合得分'], 3)]);
    expect(m?.headerRow).toBe(3);
  });

  it('names a missing required column', () => {
    const m = detectKind([at(['产品名称', '类目', '市场需求度', '竞争强度', '利润空间', '综合得分', '选品建议'])]);
    expect(m?.kind.id).toBe('selection');
    expect(m?.missing.map((c) => c.header)).toEqual(['供应链难度']);
  });

  it('tells shipments from orders', () => {
    expect(detectKind([at(['订单号', '收件人(*先生/女士)', '收件地址(省市)', '商品名称', '数量', '物流公司', '物流单号', '发货时间', '预计到达时间', '发货人', '备注(是否加急/易碎品)'])])?.kind.id).toBe('shipments');
    expect(detectKind([at(['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注'])])?.kind.id).toBe('orders');
    expect(detectKind([at(['订单编号', '实付金额', '省', '市', '区', '详细地址', '手机号'])])?.kind.id).toBe('orders');
  });

  it('recognises every kind from its own headers', () => {
    for (const id of ['trend', 'competitor', 'store-plan', 'store-config', 'listing', 'keyword', 'campaign', 'campaign-tasks'] as const) {
      const kind = kindById(id);
      expect(detectKind([at(kind.columns.map((c) => (c.hint ? `${c.header}(${c.hint})` : c.header)))])?.kind.id).toBe(id);
    }
  });

  it('leaves unrelated sheets alone', () => {
    expect(detectKind([at(['姓名', '部门', '工号'])])).toBeUndefined();
    expect(detectKind([at(['备注'])])).toBeUndefined();
    expect(detectKind([])).toBeUndefined();
  });

  it('keeps the first of two columns with the same header', () => {
    const m = matchHeader(kindById('orders'), [undefined, '订单号', '金额', '金额'], 1);
    expect(m.columns.get('amount')).toBe(2);
    expect(m.extra).toEqual([3]);
  });
});

describe('a header row read again (remembered by its texts, issue #25)', () => {
  const HEADER = ['订单号', '买家昵称', '收货人', '联系电话', '收货地址', '商品名称', '数量', '实付金额', '下单时间', '付款时间', '订单状态', '买家留言'];
  it('is found at its own row in each sheet, with the same columns', () => {
    const first = detectKind([at(HEADER, 1)]);
    const lower = detectKind([at(['2024年5月订单'], 1), at(HEADER, 3)]);
    const again = detectKind([at(HEADER, 1)]);
    expect(first?.kind.id).toBe('orders');
    expect([first?.headerRow, lower?.headerRow, again?.headerRow]).toEqual([1, 3, 1]);
    expect(lower?.columns).toEqual(first?.columns);
    expect(again?.columns).toEqual(first?.columns);
  });
  it('one column more, less or moved is matched as it is, not as the row read before', () => {
    const before = detectKind([at(HEADER)]);
    const moved = detectKind([at([HEADER[1], HEADER[0], ...HEADER.slice(2)])]);
    expect(moved?.columns.get('orderId')).toBe(2);
    expect(before?.columns.get('orderId')).toBe(1);
    const fewer = detectKind([at(HEADER.slice(0, 8))]);
    expect(fewer?.columns.size).toBeLessThan(before!.columns.size);
    const empty = detectKind([at(['', ...HEADER])]);
    expect(empty?.columns.get('orderId')).toBe(2);
  });
});

describe('header rows told apart when a cell holds a NUL (outsider helper-38)', () => {
  it('two headers that a NUL join makes one are read each as it is', () => {
    const base = ['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '买家备注'];
    // 电话\0收件地址 in one cell, then 收件人\0电话: joined by NUL the rows are the same text
    const first = [...base.slice(0, 3), `${base[3]}\u0000${base[4]}`, ...base.slice(5)];
    const second = [base[0], base[1], `${base[2]}\u0000${base[3]}`, ...base.slice(4)];
    expect(first.join('\u0000')).toBe(second.join('\u0000'));
    const a = detectKind([at(first)]);
    const b = detectKind([at(second)]);
    expect(a?.columns.get('address')).toBeUndefined();
    expect(b?.columns.get('address')).toBe(4);
  });
});

describe('headers pasted from another system with characters no one sees (outsider helper-45)', () => {
  it.each([['U+0085', '\u0085'], ['U+0080', '\u0080'], ['DEL', '\u007f'], ['a zero-width space', '\u200b'], ['a BOM', '\ufeff'], ['a soft hyphen', '\u00ad'], ['a direction mark', '\u200e']])('a header with %s in it is still its column', (_, c) => {
    const m = detectKind([at(['订单号', `${c}支付时间`, `收${c}件人`, '电话', '收件地址', '商品', '数量', '金额', `买家备注${c}`])]);
    expect(m?.kind.id).toBe('orders');
    expect(m?.columns.get('paidAt')).toBe(2);
    expect(m?.columns.get('recipient')).toBe(3);
    expect(m?.columns.get('note')).toBe(9);
    expect(m?.extra).toEqual([]);
  });
});

describe("a cell's text looked up as it is (issue #25)", () => {
  // every character the plain test lets through, and some it must not: the ones normalisation, case, brackets or lines change
  const plain = [...'订单号收件人详细地址科技园南路号一丁龥abcxyz0123456789_-/.:#%&+=,;!?@$'];
  const changed = [...'ABZ (（）*　\u00a0\t\n\r，：；！？－＋＝\u200b\u2028\ufeff\u0085\u007f①㈱【】〔〕〜—–。\uff21\uff41'];

  it('is a text its forms are only itself, whatever the plain characters (10,000 random texts)', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let i = 0; i < 10_000; i++) {
      const t = Array.from({ length: 1 + rnd(12) }, () => plain[rnd(plain.length)]).join('');
      expect(isPlainHeaderText(t), t).toBe(true);
      expect(headerFormsOf(t), t).toEqual([t]);
    }
  });

  it('is not a text with a character that changes its forms, wherever it stands', () => {
    for (const c of changed) for (const t of [`${c}订单号`, `订单${c}号`, `订单号${c}`]) expect(isPlainHeaderText(t), JSON.stringify(t)).toBe(false);
    // each of them does change the forms of some text (the list is of characters that matter)
    for (const c of changed) expect(headerFormsOf(`订单${c}号`), JSON.stringify(c)).not.toEqual([`订单${c}号`]);
    // a closing bracket alone changes nothing, and is looked up by its forms all the same
    expect(isPlainHeaderText('订单)号')).toBe(false);
  });

  it('finds the header below rows of such data the same as by its forms', () => {
    const data = (i: number) => at([`${100000 + i}`, '张三', '13800138000', '广东省', '深圳市', `科技园南路${i}号`, '128.5']);
    const head = at(['订单号', '收件人', '电话', '省', '市', '详细地址', '金额']);
    const rows = [at(['店铺订单导出'], 1), ...Array.from({ length: 5 }, (_, i) => ({ ...data(i), row: 2 + i })), { ...head, row: 7 }, ...Array.from({ length: 20 }, (_, i) => ({ ...data(i), row: 8 + i }))];
    const m = detectKind(rows);
    expect(m?.kind.id).toBe('orders');
    expect(m?.headerRow).toBe(7);
    expect(m?.columns.get('orderId')).toBe(1);
  });
});
