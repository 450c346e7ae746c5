import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import { compactTable } from '../report/layout.js';
import { moreRows, type FirstRows } from '../report/kept.js';
import type { CampaignLimits } from '../domain/campaign.js';
import type { CampaignResult } from './records.js';

const wan = (v?: number) => (v === undefined ? '—' : v >= 10000 ? `${Number((v / 10000).toFixed(2))}万` : String(v));

/** `ecsop roi`: each campaign's ROI, budget split against the SOP's and channel shares, judged as the rules judge them. */
export function formatRoiText({ rows: campaigns, more }: FirstRows<CampaignResult>, limits: Pick<CampaignLimits, 'split'>, opts: { lang: Lang; color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  if (!campaigns.length) return `${t(opts.lang, 'roi.none')}\n\n`;
  const split = limits.split.join('/');
  const rows = campaigns.map((r) => {
    const roi = r.roiText === undefined ? '—' : (r.roiLow ? c.red : c.green)(r.roiText);
    const off = r.sharesOff;
    const shares = r.budgetShares ? r.budgetShares.map((v, i) => (off[i] ? c.red(`${v}%`) : `${v}%`)).join(' / ') : '—';
    const channels = r.channelSum === undefined ? '—' : (r.channelSum === 100 ? c.green : c.yellow)(`${r.channelSum}%`);
    return [r.name, wan(r.gmvYuan), wan(r.promotionYuan), roi, shares, channels];
  });
  const table = compactTable(list(opts.lang, 'roi.head', { split }).map((h) => c.dim(h)), rows);
  return `${table}\n${moreRows(more, opts.lang, c.dim)}\n`;
}
