import type { Command } from 'commander';
import { parseWeightKg } from '../cells/number.js';
import { freightBreakdown, freightFee, MAX_PARCEL_KG } from '../domain/freight.js';
import { formatFreightText } from '../freight/text.js';
import { RecordTaker } from '../report/records.js';
import { freightCollector } from '../freight/collector.js';
import { maxRowsOf, setupCheck, withCheckFlags, withMaxRows, type CheckFlags } from './flags.js';
import { FirstRows } from '../report/kept.js';
import { UsageError, tableLayout, useColor, type Io } from './io.js';
import { runReport } from './run-checks.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { FREIGHT, type FreightRow } from '../freight/records.js';

interface FreightFlags extends CheckFlags { to?: string; weight?: string; maxRows?: string }

export function registerFreight(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withMaxRows(withCheckFlags(program.command('freight').argument('[files...]', t(lang, 'arg.freight-files')).description(t(lang, 'cmd.freight')), lang, { annotate: true })
    .option('--to <address>', t(lang, 'opt.to'))
    .option('--weight <kg>', t(lang, 'opt.weight')), lang)
    .action(async (files: string[], flags: FreightFlags) => {
      const setup = setupCheck(io, flags);
      const settings = setup.config.settings;
      if (flags.to !== undefined || flags.weight !== undefined) {
        if (!flags.to || flags.weight === undefined) throw new UsageError('error.to-weight');
        // one fee, said on the screen: files, copies, a report file or a format other than text and JSON would be silently ignored
        const extra = files.length ? files[0] : flags.annotate !== undefined ? '--annotate' : flags.annotateDir !== undefined ? '--annotate-dir' : flags.output !== undefined ? '--output' : setup.format !== 'text' && setup.format !== 'json' ? `--format ${setup.format}` : undefined;
        if (extra !== undefined) throw new UsageError('error.to-alone', { extra });
        const kg = parseWeightKg(flags.weight);
        // a weight a parcel can have: above 0, at most a tonne
        if (kg === undefined || !(kg > 0) || kg > MAX_PARCEL_KG) throw new UsageError('error.weight', { value: flags.weight });
        const fee = freightFee(flags.to, kg, settings);
        const outside = 'fen' in fee ? undefined : fee.outside;
        if (!fee.province && !outside) throw new UsageError('error.no-province', { value: flags.to });
        // 香港, 澳门, 台湾 and abroad: the same answer review gives, no domestic fee
        const breakdown = freightBreakdown(fee, setup.lang);
        io.stdout(setup.format === 'json'
          ? `${JSON.stringify({ version: 1, to: flags.to, weightKg: kg, fee: 'fen' in fee ? fee.fen / 100 : null, ...fee, breakdown }, null, 2)}\n`
          : outside ? `${breakdown} (${kg}kg)\n` : `${fee.province} ${kg}kg: ${breakdown}\n`);
        return;
      }
      if (!files.length) throw new UsageError('error.freight-input');
      const rows = new FirstRows<FreightRow>(maxRowsOf(flags));
      setExit(await runReport(io, files, flags, setup, {
        onlyKinds: ['orders', 'shipments'],
        collect: [freightCollector.ask()],
        // the text table shows the first rows; JSON streams every one
        records: new RecordTaker().on(FREIGHT, (r) => rows.add(r)),
        extras: [{ key: 'freight', records: FREIGHT.name }],
        sections: () => formatFreightText(rows, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY), layout: tableLayout(io, flags.output) }),
      }));
    });
}
