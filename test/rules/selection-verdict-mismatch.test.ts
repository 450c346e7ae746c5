import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'selection-verdict-mismatch';
const row = (d: number, c: number, p: number, s: number, recommendation: unknown) => ({ product: '面膜', demand: d, competition: c, profit: p, supply: s, recommendation }) as unknown as Record<string, never>;

describe(rule, () => {
  it.each([
    [row(5, 4, 4, 5, '通过')],
    [row(4, 3, 3, 4, '待定(需优化成分浓度)')],
    [row(4, 3, 3, 4, '待定（需优化成分浓度）')],
    [row(3, 2, 3, 4, '淘汰')],
    [row(4, 4, 4, 4, '通过')], // exactly 4.00
    [row(3, 3, 3, 3, '待定')], // exactly 3.00
    [row(4, 4, 4, 3, ' 待定 ')], // 3.80
    [row(3, 3, 3, 3, null)],
  ])('valid %#', async (r) => {
    expect(await checkRows('selection', [r], { rule })).toEqual([]);
  });

  it.each([
    [row(4, 4, 4, 4, '待定'), '通过'],
    [row(3, 3, 3, 3, '淘汰'), '待定'],
    [row(3, 2, 3, 4, '待定(再看看)'), '淘汰'],
    [row(5, 5, 5, 5, '推荐'), '通过'],
  ])('invalid %#', async (r, expected) => {
    const [f, ...rest] = await checkRows('selection', [r], { rule });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cell: 'H2', expected, field: '选品建议' });
  });

  it('follows configured thresholds', async () => {
    expect(await checkRows('selection', [row(4, 3, 3, 4, '通过')], { rule, config: { sop: { selection: { pass: 3.5 } } } })).toEqual([]);
  });
});
