import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { parseWeightKg } from '../cells/number.js';
import { formatYuan, freightFee, type FreightResult } from '../domain/freight.js';
import { rowAddress } from '../review/order-row.js';
import type { ParsedRow, SheetInfo } from '../rules/types.js';
import { collect, exitCodeOf, render, setupCheck, withCheckFlags, type CheckFlags } from './check.js';
import { emit } from './common.js';
import { UsageError, useColor, type Io } from './io.js';

interface FreightFlags extends CheckFlags { to?: string; weight?: string }

/** One row's freight, as `ecsop freight --format json` reports it. */
export interface FreightRow {
  file: string;
  sheet: string;
  row: number;
  address: string;
  weightKg: number;
  /** computed fee in yuan */
  fee: number;
  /** the sheet's 运费 in yuan, or null */
  stated: number | null;
  breakdown: string;
}

export function registerFreight(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('freight').argument('[files...]', 'orders or shipments with 重量 and an address').description('freight from the SOP template / 运费计算'))
    .option('--to <address>', 'compute one fee: the destination, e.g. 新疆乌鲁木齐市')
    .option('--weight <kg>', 'with --to: the weight, e.g. 2.3 or 2300g')
    .action(async (files: string[], flags: FreightFlags) => {
      const setup = setupCheck(io, flags);
      const settings = setup.config.settings;
      if (flags.to !== undefined || flags.weight !== undefined) {
        const kg = flags.weight === undefined ? undefined : parseWeightKg(flags.weight);
        if (!flags.to || kg === undefined) throw new UsageError('--to ADDRESS and --weight KG go together, e.g. --to 新疆乌鲁木齐市 --weight 2.3');
        const fee: FreightResult = freightFee(flags.to, kg, settings);
        if (!fee.province) throw new UsageError(`no province found in "${flags.to}"`);
        io.stdout(setup.format === 'json' ? `${JSON.stringify({ version: 1, to: flags.to, weightKg: kg, fee: fee.fen / 100, ...fee }, null, 2)}\n` : `${fee.province} ${kg}kg: ${fee.breakdown}\n`);
        return;
      }
      if (!files.length) throw new UsageError('give files, or --to ADDRESS --weight KG');
      const rows: FreightRow[] = [];
      const report = await collect(io, files, flags, setup, {
        onlyKinds: ['orders', 'shipments'],
        onRow(sheet: SheetInfo, row: ParsedRow) {
          const weight = row.cells.get('weight')?.value;
          const address = rowAddress(row);
          if (typeof weight !== 'number' || !address) return;
          const fee = freightFee(address, weight, settings);
          if (!fee.province) return;
          const stated = row.cells.get('freight')?.value;
          rows.push({ file: sheet.file, sheet: sheet.name, row: row.row, address, weightKg: weight, fee: fee.fen / 100, stated: typeof stated === 'number' ? stated / 100 : null, breakdown: fee.breakdown });
        },
      });
      const c = new Chalk({ level: useColor(io, io.stdoutTTY) ? 1 : 0 });
      const zh = setup.lang === 'zh';
      const table = new Table({ head: (zh ? ['文件', '工作表', '行', '地址', '重量kg', '运费', '填写', '计算'] : ['file', 'sheet', 'row', 'address', 'kg', 'fee', 'stated', 'breakdown']).map((h) => c.dim(h)), style: { head: [], border: [], compact: true } });
      for (const r of rows) table.push([r.file, r.sheet, String(r.row), r.address, String(r.weightKg), formatYuan(Math.round(r.fee * 100)), r.stated === null ? '' : (r.stated === r.fee ? c.green : c.red)(String(r.stated)), r.breakdown]);
      const text = rows.length ? `${table.toString()}\n\n` : `${zh ? '没有同时含重量与地址的行' : 'no rows with both a weight and an address'}\n\n`;
      await emit(io, render(io, report, setup, { freight: rows }, text), flags.output);
      setExit(exitCodeOf(report, setup));
    });
}
