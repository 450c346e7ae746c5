import { msg } from '../i18n/catalog.js';
import type { ColumnDef, SheetKind } from './types.js';
import type { ColumnKey } from '../domain/column-keys.js';

/** Column shapes the SOP repeats across sheets: the person in charge, a date, a status. */
export const STATUS_OPTIONS = ['未开始', '进行中', '已完成'] as const;
/** The status word that means done. */
export const DONE = STATUS_OPTIONS[2];
export const YES_NO = ['是', '否'] as const;

export function person(key: ColumnKey, header: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key, header, en, type: 'text', width: 10,
    prompt: msg('sheet.column.person.prompt'),
    ...extra,
  };
}

export function day(key: ColumnKey, header: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key, header, en, type: 'date', width: 12, numFmt: 'yyyy-mm-dd',
    prompt: msg('sheet.column.day.prompt'),
    ...extra,
  };
}

export function status(extra: Partial<ColumnDef> = {}): ColumnDef {
  return {
    key: 'status', header: '完成状态', en: 'Status', type: 'enum', options: STATUS_OPTIONS, width: 10,
    prompt: msg('sheet.column.status.prompt'),
    ...extra,
  };
}

export function text(key: ColumnKey, header: string, en: string, width: number, zh: string, enPrompt: string, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, en, type: 'text', width, prompt: { zh, en: enPrompt }, ...extra };
}

/** 重量 (kg), as orders and shipments both carry it for the freight template. */
export function weightColumn(): ColumnDef {
  return { key: 'weight', header: '重量', hint: 'kg', en: 'Weight', type: 'weight', width: 8, min: 0, aliases: ['包裹重量', '重量(千克)'], prompt: msg('sheet.column.weight.prompt') };
}

/** 运费 (yuan), checked against the freight template (SOP 二.2). */
export function freightColumn(): ColumnDef {
  return { key: 'freight', header: '运费', en: 'Freight', type: 'money', width: 8, min: 0, numFmt: '0.00', aliases: ['邮费'], prompt: msg('sheet.column.freight.prompt') };
}

/** The columns the template writes: the kind's own, without the ones only platform exports carry. */
export function templateColumns(kind: SheetKind): readonly ColumnDef[] {
  return kind.columns.filter((c) => !c.exportOnly);
}
