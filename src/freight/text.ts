import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import { compactTable, type TableLayout } from '../report/layout.js';
import { moreRows, type FirstRows } from '../report/kept.js';
import { formatYuan } from '../domain/freight.js';
import type { FreightRow } from './records.js';

/** `ecsop freight <files>`: each row's fee by the template beside the one it states. */
export function formatFreightText({ rows, more }: FirstRows<FreightRow>, opts: { lang: Lang; color: boolean; layout?: TableLayout }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  if (!rows.length) return `${t(opts.lang, 'freight.none')}\n\n`;
  const table = compactTable(list(opts.lang, 'freight.head').map((h) => c.dim(h)), rows.map((r) => [r.file, r.sheet, String(r.row), r.address, String(r.weightKg), r.fee === null ? '—' : formatYuan(Math.round(r.fee * 100)), r.stated === null ? '' : (r.stated === r.fee ? c.green : r.fee === null ? c.yellow : c.red)(String(r.stated)), r.breakdown]), opts.layout);
  return `${table}\n${moreRows(more, opts.lang, c.dim)}\n`;
}
