import { describe, expect, it } from 'vitest';
import { headerKey } from '../../src/sheets/detect.js';
import { KINDS, STAGES } from '../../src/sheets/registry.js';

describe('sheet kind definitions', () => {
  it('define the eleven kinds of the SOP, in its order (a kind added later comes beside them)', () => {
    const sop = ['trend', 'competitor', 'selection', 'store-plan', 'store-config', 'listing', 'keyword', 'campaign', 'campaign-tasks', 'orders', 'shipments'];
    expect(KINDS.map((k) => k.id).filter((id) => sop.includes(id))).toEqual(sop);
  });

  it.each(KINDS.map((k) => [k.id, k] as const))('%s: keys and header forms are unique, examples name real columns', (_id, kind) => {
    const keys = kind.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const forms = kind.columns.flatMap((c) => [c.header, c.en, ...(c.aliases ?? [])].map(headerKey));
    expect(new Set(forms).size).toBe(forms.length);
    for (const row of kind.examples.rows) for (const key of Object.keys(row)) expect(keys).toContain(key);
    expect(kind.title).toBeTruthy();
    expect(kind.titleEn).toBeTruthy();
    for (const c of kind.columns) {
      // the input hint a template shows on the cell, in both languages
      expect(c.prompt.zh.trim(), `${kind.id}.${c.key} prompt`).not.toBe('');
      expect(c.prompt.en.trim(), `${kind.id}.${c.key} prompt`).not.toBe('');
      if (c.type === 'enum') expect(c.options?.length).toBeGreaterThan(0);
    }
  });

  it('every kind belongs to one init workbook', () => {
    for (const k of KINDS) expect(STAGES.map((s) => s.id)).toContain(k.stage);
  });
});

describe('the hot-path shortcut never accepts what the zod schema refuses', () => {
  it('agrees with zod on every numeric column for a spread of values', async () => {
    const { fastAccept, schemaOf } = await import('../../src/sheets/schema.js');
    const values = [-1, 0, 0.5, 1, 1.5, 5, 99, 100, 101, 29999, 50000.5, 1e9, Number.NaN, Infinity, '5', null];
    for (const kind of KINDS) {
      for (const col of kind.columns) {
        const fast = fastAccept(col);
        const schema = schemaOf(col);
        if (!fast || !schema) continue;
        for (const v of values) if (fast(v)) expect(schema.safeParse(v).success, `${kind.id}.${col.key} ${String(v)}`).toBe(true);
      }
    }
  });
});

describe('headers as people really lay them out', () => {
  const t = (cells: Array<string | undefined>) => cells;
  it('a two-row header: group cells over sub-headers, other headers merged down', async () => {
    const { detectKind } = await import('../../src/sheets/detect.js');
    // row 1: 订单号 … merged down; 收件信息 merged over 收件人/电话/收件地址 in row 2
    const rows = [
      { row: 1, texts: t([undefined, '订单号', '支付时间', '收件信息', undefined, undefined, '商品信息', undefined, '金额', '是否预售']) },
      { row: 2, texts: t([undefined, undefined, undefined, '收件人', '电话', '收件地址', '商品', '数量', undefined, undefined]) },
    ];
    const m = detectKind(rows)!;
    expect(m.kind.id).toBe('orders');
    expect(m.headerRow).toBe(2);
    expect(m.missing.map((c) => c.key)).toEqual([]);
    expect(Object.fromEntries(m.columns)).toMatchObject({ orderId: 1, paidAt: 2, recipient: 3, phone: 4, address: 5, product: 6, quantity: 7, amount: 8 });
  });

  it('a header far below the top (notes and a title first), and line breaks inside header cells', async () => {
    const { detectKind } = await import('../../src/sheets/detect.js');
    const notes = Array.from({ length: 40 }, (_, i) => ({ row: i + 1, texts: t([undefined, `说明第${i + 1}行`]) }));
    const m = detectKind([...notes, { row: 45, texts: t([undefined, '产品名称', '类目', '市场需求度\n(1-5分)', '竞争\n强度', '利润空间\r\n（1-5分）', '供应链难度', '综合\n得分', '选品建议']) }])!;
    expect(m.kind.id).toBe('selection');
    expect(m.headerRow).toBe(45);
    expect([...m.columns.keys()]).toEqual(['product', 'category', 'demand', 'competition', 'profit', 'supply', 'score', 'recommendation']);
  });

  it('a title row above a full header stays a one-row header', async () => {
    const { detectKind } = await import('../../src/sheets/detect.js');
    const m = detectKind([
      { row: 1, texts: t([undefined, '2024年5月 订单明细']) },
      { row: 2, texts: t([undefined, '订单号', '收件地址', '金额', '电话']) },
      { row: 3, texts: t([undefined, 'A1', '浙江省杭州市', '99', '13800138000']) },
    ])!;
    expect(m.headerRow).toBe(2);
    expect(m.kind.id).toBe('orders');
  });
});
