import type { ColumnDef, SheetKind } from './types.js';

/** Column shapes the SOP repeats across sheets: the person in charge, a date, a status. */
export const STATUS_OPTIONS = ['未开始', '进行中', '已完成'] as const;
/** The status word that means done. */
export const DONE = STATUS_OPTIONS[2];
export const YES_NO = ['是', '否'] as const;

export function person(key: string, header: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key, header, en, type: 'text', width: 10,
    prompt: { zh: '姓名,隐私可用*代替,如 *明', en: 'Name; mask with *, e.g. *明' },
    ...extra,
  };
}

export function day(key: string, header: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key, header, en, type: 'date', width: 12, numFmt: 'yyyy-mm-dd',
    prompt: { zh: '日期,如 2024-04-01', en: 'Date, e.g. 2024-04-01' },
    ...extra,
  };
}

export function status(extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key: 'status', header: '完成状态', en: 'Status', type: 'enum', options: STATUS_OPTIONS, width: 10,
    prompt: { zh: '从下拉选择:未开始/进行中/已完成', en: 'Pick: 未开始 (not started) / 进行中 (in progress) / 已完成 (done)' },
    ...extra,
  };
}

export function text(key: string, header: string, en: string, width: number, zh: string, enPrompt: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, en, type: 'text', width, prompt: { zh, en: enPrompt }, ...extra };
}

/** 重量 (kg), as orders and shipments both carry it for the freight template. */
export function weightColumn(): ColumnDef {
  return { key: 'weight', header: '重量', hint: 'kg', en: 'Weight', type: 'weight', width: 8, min: 0, aliases: ['包裹重量', '重量(千克)'], prompt: { zh: '千克,如 1.2 或 500g', en: 'kg, e.g. 1.2 or 500g' } };
}

/** 运费 (yuan), checked against the freight template (SOP 二.2). */
export function freightColumn(): ColumnDef {
  return { key: 'freight', header: '运费', en: 'Freight', type: 'money', width: 8, min: 0, numFmt: '0.00', aliases: ['邮费'], prompt: { zh: '元;江浙沪包邮,其他首重10元/续重5元,偏远地区加收15元', en: 'Yuan: free in 江浙沪, else 10 + 5/kg, remote +15' } };
}

/** The columns the template writes: the kind's own, without the ones only platform exports carry. */
export function templateColumns(kind: SheetKind): readonly ColumnDef[] {
  return kind.columns.filter((c) => !c.exportOnly);
}
