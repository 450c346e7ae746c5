import type { Command } from 'commander';
import type { CampaignResult } from '../report/records.js';
import { formatRoiText } from '../report/roi-text.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { useColor, type Io } from './io.js';
import { runReport } from './run-checks.js';
import { intFlag } from './common.js';
import { t } from '../i18n/catalog.js';

export function registerRoi(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? 'zh';
  withCheckFlags(program.command('roi').argument('<files...>', t(lang, 'arg.campaign-files')).description(t(lang, 'cmd.roi')), lang, { annotate: true })
    .option('--max-rows <n>', t(lang, 'opt.max-rows-table'), '200')
    .action(async (files: string[], flags: CheckFlags & { maxRows?: string }) => {
      const setup = setupCheck(io, flags);
      // the thresholds the rules campaign-roi and campaign-budget-split use, so the table agrees with their findings
      const roiRule = setup.config.rules.get('campaign-roi')?.options as { min: number };
      const splitRule = setup.config.rules.get('campaign-budget-split')?.options as { split: number[]; tolerance: number };
      const maxRows = intFlag(flags.maxRows, '--max-rows', 200);
      const campaigns: CampaignResult[] = [];
      let more = 0;
      setExit(await runReport(io, files, flags, setup, {
        onlyKinds: ['campaign'],
        collect: { campaigns: true },
        take: (kind, r) => { if (kind === 'campaigns') { if (campaigns.length < maxRows) campaigns.push(r as CampaignResult); else more++; } },
        extras: [{ key: 'campaigns', records: 'campaigns' }],
        sections: () => formatRoiText(campaigns, more, { minRoi: roiRule.min, split: splitRule.split, tolerance: splitRule.tolerance }, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY) }),
      }));
    });
}
