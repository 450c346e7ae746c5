import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatYuan } from '../domain/freight.js';
import type { FreightRow } from './records.js';

/** `ecsop freight <files>`: each row's fee by the template beside the one it states. */
export function formatFreightText(rows: FreightRow[], opts: { lang: 'zh' | 'en'; color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const zh = opts.lang === 'zh';
  if (!rows.length) return `${zh ? '没有同时含重量与地址的行' : 'no rows with both a weight and an address'}\n\n`;
  const table = new Table({ head: (zh ? ['文件', '工作表', '行', '地址', '重量kg', '运费', '填写', '计算'] : ['file', 'sheet', 'row', 'address', 'kg', 'fee', 'stated', 'breakdown']).map((h) => c.dim(h)), style: { head: [], border: [], compact: true } });
  for (const r of rows) table.push([r.file, r.sheet, String(r.row), r.address, String(r.weightKg), formatYuan(Math.round(r.fee * 100)), r.stated === null ? '' : (r.stated === r.fee ? c.green : c.red)(String(r.stated)), r.breakdown]);
  return `${table.toString()}\n\n`;
}
