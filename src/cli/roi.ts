import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Command } from 'commander';
import type { CampaignResult } from '../report/records.js';
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
      const c = new Chalk({ level: useColor(io, io.stdoutTTY) ? 1 : 0 });
      const zh = setup.lang === 'zh';
      const s = setup.config.settings.campaign;
      const wan = (v?: number) => (v === undefined ? '—' : v >= 10000 ? `${Number((v / 10000).toFixed(2))}万` : String(v));
      const table = new Table({
        head: (zh ? ['活动', '目标GMV', '推广投入', 'ROI', `预算分配(SOP ${s.budgetSplit.join('/')})`, '渠道占比合计'] : ['campaign', 'GMV target', 'promotion', 'ROI', `budget split (SOP ${s.budgetSplit.join('/')})`, 'channel shares']).map((h) => c.dim(h)),
        style: { head: [], border: [], compact: true },
      });
      for (const r of campaigns) {
        const roi = r.roi === undefined ? '—' : (r.roi >= s.minRoi ? c.green : c.red)(r.roi.toFixed(2));
        const split = r.budgetShares ? r.budgetShares.map((v, i) => (Math.abs(v - (s.budgetSplit[i] ?? 0)) > s.budgetTolerance ? c.red(`${v}%`) : `${v}%`)).join(' / ') : '—';
        const channels = r.channelSum === undefined ? '—' : (r.channelSum === 100 ? c.green : c.yellow)(`${r.channelSum}%`);
        table.push([r.name, wan(r.gmvYuan), wan(r.promotionYuan), roi, split, channels]);
      }
      const text = campaigns.length ? `${table.toString()}\n\n` : `${zh ? '没有找到营销活动方案表' : 'no campaign sheet found'}\n\n`;
      await emit(io, render(io, report, setup, { campaigns }, text), flags.output);
      setExit(exitCodeOf(report, setup));
    });
}
