import { shortened } from '../report/layout.js';
import { xmlText } from '../encode/xml-text.js';
import type { CampaignLimits } from '../domain/campaign.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { BAR_W, BAR_X, CHART_CAPS, COLOURS, figure, label, LABEL, more, num, ROW, svg, threshold, type ChartLimits, type ChartPart } from '../report/charts.js';
import { RecordTaker } from '../report/records.js';
import { CAMPAIGNS, type CampaignResult } from './records.js';

/** The HTML report's charts of the campaigns: each budget split under the SOP's, each ROI against the minimum. */
export class CampaignCharts implements ChartPart {
  private readonly campaigns: CampaignResult[] = [];
  private campaignCount = 0;
  private readonly taker = new RecordTaker().on(CAMPAIGNS, (r) => { this.campaignCount++; if (this.campaigns.length < CHART_CAPS.campaigns) this.campaigns.push(r); });

  record(kind: string, r: unknown): void {
    this.taker.deliver(kind, r);
  }

  figures(lang: Lang, limits: ChartLimits): string[] {
    if (!this.campaignCount) return [];
    const after = more(lang, this.campaignCount, this.campaigns.length);
    return [
      figure(t(lang, 'chart.budget', { split: limits.campaign.split.join('/') }), budgetChart(this.campaigns, limits.campaign, lang), after),
      figure(t(lang, 'chart.roi', { min: limits.campaign.minRoi }), roiChart(this.campaigns, limits.campaign, lang), after),
    ];
  }
}

const PART_COLOURS = ['#1565c0', '#6a1b9a', '#00838f', '#8d6e63'];

/** One 100% bar of shares (budget parts), each part labelled with its percentage. */
function shareBar(shares: readonly number[], y: number, off: readonly boolean[] = []): string {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  let x = BAR_X;
  let out = '';
  shares.forEach((v, i) => {
    const w = (v / total) * BAR_W;
    out += `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${PART_COLOURS[i % PART_COLOURS.length]}"${off[i] ? ` stroke="${COLOURS.error}" stroke-width="2"` : ''}/>`;
    if (w > 26) out += `<text x="${(x + w / 2).toFixed(1)}" y="${y + 12}" text-anchor="middle" class="inside">${num(v)}%</text>`;
    x += w;
  });
  return out;
}

/** Each campaign's budget split (推广/补贴/物料/备用金) under the SOP's, parts that stray outlined red. */
function budgetChart(campaigns: CampaignResult[], limits: CampaignLimits, lang: Lang): string {
  const top = 8;
  let body = `<g class="reference" data-split="${limits.split.join('/')}">${label(t(lang, 'chart.sop-split'), LABEL, top + 15, lang)}${shareBar(limits.split, top + 3)}</g>`;
  campaigns.forEach((c, i) => {
    const y = top + (i + 1) * ROW + 6;
    const shares = c.budgetShares;
    body += `<g class="campaign" data-name="${xmlText(shortened(c.name, lang))}" data-shares="${shares ? shares.join('/') : ''}">${label(c.name || `#${c.row}`, LABEL, y + 15, lang)}`
      + (shares ? shareBar(shares, y + 3, c.sharesOff) : `<text x="${BAR_X}" y="${y + 15}" class="value">${xmlText(t(lang, 'chart.no-budget'))}</text>`)
      + '</g>';
  });
  const legend = t(lang, 'chart.budget-parts').split('|').map((p, i) => `<rect x="${BAR_X + i * 100}" y="${top + (campaigns.length + 1) * ROW + 16}" width="10" height="10" fill="${PART_COLOURS[i]}"/><text x="${BAR_X + i * 100 + 14}" y="${top + (campaigns.length + 1) * ROW + 25}" class="tick">${xmlText(p)}</text>`).join('');
  return svg(top + (campaigns.length + 1) * ROW + 36, body + legend, t(lang, 'chart.budget', { split: limits.split.join('/') }));
}

/** Each campaign's ROI (GMV target ÷ promotion spend) against the minimum, red below it. */
function roiChart(campaigns: CampaignResult[], limits: CampaignLimits, lang: Lang): string {
  const top = 24;
  const max = Math.max(limits.minRoi * 2, ...campaigns.map((c) => c.roi ?? 0)) * 1.05;
  const scale = (v: number) => BAR_X + (Math.max(0, v) / max) * BAR_W;
  let body = '';
  campaigns.forEach((c, i) => {
    const y = top + i * ROW;
    const low = c.roiLow;
    const w = c.roi === undefined ? 0 : scale(c.roi) - BAR_X;
    body += `<g class="roi" data-name="${xmlText(shortened(c.name, lang))}" data-roi="${c.roi ?? ''}" data-low="${low}">${label(c.name || `#${c.row}`, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${low ? COLOURS.error : COLOURS.ok}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${xmlText(c.roiText ?? t(lang, 'chart.no-roi'))}</text></g>`;
  });
  const bottom = top + campaigns.length * ROW;
  body += threshold(scale(limits.minRoi), top, bottom, `ROI ≥ ${num(limits.minRoi)}`, 'min-roi');
  return svg(bottom + 10, body, t(lang, 'chart.roi', { min: limits.minRoi }));
}
