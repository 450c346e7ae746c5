import { describe, expect, it } from 'vitest';
import { FileAnnotation, LEVEL_FILL } from '../../src/annotate/file-annotation.js';
import type { Finding } from '../../src/rules/types.js';
import type { MapPatch } from '../../src/workbook/xlsx/sheet-patch.js';

const finding = (row: number, column: string, severity: Finding['severity'] = 'warning', ruleId = 'order-manual-review'): Finding => ({
  ruleId, severity, file: 'o.xlsx', sheet: '订单', row, column, cell: `${column}${row}`, message: `问题 ${row}`, expected: '应有值',
});
const summary = { path: 'o.xlsx', status: 'ok' as const, sheets: [{ name: '订单', kind: 'orders' as const, rows: 10 }] };
const texts = (rows: Iterable<Array<{ value: unknown } | undefined> | null>) => [...rows].flatMap((r) => (r ?? []).map((c) => String(c?.value ?? '')));

/** The copy's plan at the limits: every cell coloured, the listing and the notes capped and said so. */
describe('FileAnnotation', () => {
  it('colours every finding\'s cell, lists and notes only up to the limits, and says how many more there are', () => {
    const a = new FileAnnotation('zh', { listed: 5, notes: 3, perNote: 2 });
    for (let r = 2; r <= 11; r++) a.add(finding(r, 'A'));
    a.add(finding(2, 'A', 'error', 'order-duplicate'));
    const plan = a.build(summary);
    const patch = plan.sheets.get('订单') as MapPatch;
    for (let r = 2; r <= 11; r++) expect(patch.marksAt(r)).toEqual([{ column: 1, fill: r === 2 ? LEVEL_FILL.error : LEVEL_FILL.warning }]);
    expect(plan.notes.get('订单')).toHaveLength(3);
    const all = texts(plan.firstSheet!.rows);
    expect(all.filter((t) => t.startsWith('问题 '))).toHaveLength(5);
    expect(all.some((t) => t.includes('另有 6 条未逐条列出'))).toBe(true);
    expect(all.some((t) => t.includes('批注只加在前 3 个单元格上'))).toBe(true);
    expect(all).toContain('共 11 条问题:1 个错误、10 个警告、0 个提示');
  });

  it('several findings on one cell share one note, the worst level\'s colour, the rest counted', () => {
    const a = new FileAnnotation('en', { listed: 100, notes: 100, perNote: 2 });
    a.add(finding(3, 'D', 'info', 'r1'));
    a.add(finding(3, 'D', 'error', 'r2'));
    a.add(finding(3, 'D', 'warning', 'r3'));
    const plan = a.build(summary);
    expect((plan.sheets.get('订单') as MapPatch).marksAt(3)).toEqual([{ column: 4, fill: LEVEL_FILL.error }]);
    const [note] = plan.notes.get('订单')!;
    expect(note).toMatchObject({ row: 3, column: 4 });
    expect(note.text).toContain('[error]');
    expect(note.text).toContain('Rule: r2');
    expect(note.text).toContain('… 1 more');
  });

  it('a file without findings still gets a first sheet that says so', () => {
    const plan = new FileAnnotation('zh').build(summary);
    expect(texts(plan.firstSheet!.rows)).toContain('没有发现问题。');
    expect(plan.notes.size).toBe(0);
  });
});
