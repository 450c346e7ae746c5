import type { Command } from 'commander';
import type { CampaignResult } from '../report/records.js';
import { formatRoiText } from '../report/roi-text.js';
import { emit } from './common.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { useColor, type Io } from './io.js';
import { collect, exitCodeOf, render } from './run-checks.js';

export function registerRoi(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('roi').argument('<files...>', 'workbooks with a 营销活动方案表').description('campaign ROI, budget split and channel shares / 活动ROI'))
    .action(async (files: string[], flags: CheckFlags) => {
      const setup = setupCheck(io, flags);
      const { report, records } = await collect(io, files, flags, setup, { onlyKinds: ['campaign'], collect: { campaigns: true } });
      const campaigns = (records.campaigns ?? []) as CampaignResult[];
      // the thresholds the rules campaign-roi and campaign-budget-split use, so the table agrees with their findings
      const roiRule = setup.config.rules.get('campaign-roi')?.options as { min: number };
      const splitRule = setup.config.rules.get('campaign-budget-split')?.options as { split: number[]; tolerance: number };
      const text = formatRoiText(campaigns, { minRoi: roiRule.min, split: splitRule.split, tolerance: splitRule.tolerance }, { lang: setup.lang, color: useColor(io, io.stdoutTTY) });
      await emit(io, render(io, report, setup, { campaigns }, text), flags.output);
      setExit(exitCodeOf(report, setup));
    });
}
