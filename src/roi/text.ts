import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import { compactTable, shownCell, type TableLayout } from '../report/layout.js';
import { moreRows, type FirstRows } from '../report/kept.js';
import { amountText, type CampaignLimits } from '../domain/campaign.js';
import type { CampaignResult } from './records.js';

/** An amount as the table and the rule campaign-roi both write it (amountText). */
function wan(v: number | undefined, lang: Lang): string {
  return v === undefined ? '—' : amountText(v)[lang];
}

/** `ecsop roi`: each campaign's ROI, budget split against the SOP's and channel shares, judged as the rules judge them. */
export function formatRoiText({ rows: campaigns, more }: FirstRows<CampaignResult>, limits: Pick<CampaignLimits, 'split'>, opts: { lang: Lang; color: boolean; layout?: TableLayout }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  if (!campaigns.length) return `${t(opts.lang, 'roi.none')}\n\n`;
  const split = limits.split.join('/');
  const rows = campaigns.map((r) => {
    const roi = r.roiText === undefined ? '—' : (r.roiLow ? c.red : c.green)(r.roiText);
    const off = r.sharesOff;
    const shares = r.budgetShares ? r.budgetShares.map((v, i) => (off[i] ? c.red(`${v}%`) : `${v}%`)).join(' / ') : '—';
    const channels = r.channelSum === undefined ? '—' : (r.channelSum === 100 ? c.green : c.yellow)(`${r.channelSum}%`);
    // what the sheet holds is shown inert and shortened, as the check's lines show it
    return [shownCell(r.name, opts.lang), wan(r.gmvYuan, opts.lang), wan(r.promotionYuan, opts.lang), roi, shares, channels];
  });
  const table = compactTable(list(opts.lang, 'roi.head', { split }).map((h) => c.dim(h)), rows, opts.layout, 0);
  return `${table}\n${moreRows(more, opts.lang, c.dim)}\n`;
}
