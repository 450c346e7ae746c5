import type { Command } from 'commander';
import { RecordTaker } from '../report/records.js';
import { roiCollector } from '../roi/collector.js';
import { formatRoiText } from '../roi/text.js';
import { maxRowsOf, setupCheck, withCheckFlags, withMaxRows, type CheckFlags } from './flags.js';
import { FirstRows } from '../report/kept.js';
import { tableLayout, useColor, type Io } from './io.js';
import { runReport } from './run-checks.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { CAMPAIGNS, type CampaignResult } from '../roi/records.js';

export function registerRoi(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withMaxRows(withCheckFlags(program.command('roi').argument('<files...>', t(lang, 'arg.campaign-files')).description(t(lang, 'cmd.roi')), lang, { annotate: true }), lang)
    .action(async (files: string[], flags: CheckFlags & { maxRows?: string }) => {
      const setup = setupCheck(io, flags);
      const campaigns = new FirstRows<CampaignResult>(maxRowsOf(flags));
      setExit(await runReport(io, files, flags, setup, {
        onlyKinds: ['campaign'],
        collect: [roiCollector.ask(setup.judged.campaign)],
        records: new RecordTaker().on(CAMPAIGNS, (r) => campaigns.add(r)),
        extras: [{ key: 'campaigns', records: CAMPAIGNS.name }],
        sections: () => formatRoiText(campaigns, setup.judged.campaign, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY), layout: tableLayout(io, flags.output) }),
      }));
    });
}
