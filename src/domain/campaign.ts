import { findNumbers, parseNumber } from '../cells/number.js';
import { parseShares, splitList } from '../cells/lists.js';
import { rowModel } from './row-model.js';

/** The numbers of one campaign row, parsed from the SOP's own notation. */
export interface CampaignFigures {
  /** GMV target in yuan from `GMV50万元` / `目标GMV 50万`, when stated */
  gmvYuan?: number;
  /** budget parts in yuan: 推广/补贴/物料/备用金 from `15万/10万/3万/2万` */
  budget?: number[];
  /** promotion spend (the first budget part) */
  promotionYuan?: number;
  /** GMV ÷ promotion spend, two decimals */
  roi?: number;
  /** each budget part's share of the total, in percent with two decimals */
  budgetShares?: number[];
  /** channel shares in percent; undefined where a channel states none */
  channels?: Array<{ name: string; percent?: number }>;
  channelSum?: number;
}

const GMV = /GMV\s*(?:目标)?\s*[::]?\s*(\d[\d,.]*\s*[万亿千]?)\s*元?/i;
const GMV_AFTER = /目标\s*GMV\s*[::]?\s*(\d[\d,.]*\s*[万亿千]?)/i;

export function campaignFigures(goal: string, budgetText: string, channelsText: string): CampaignFigures {
  const out: CampaignFigures = {};
  const g = GMV.exec(goal) ?? GMV_AFTER.exec(goal);
  const gmv = g ? parseNumber(g[1].replace(/\s+/g, '')) : undefined;
  if (gmv && !gmv.percent) out.gmvYuan = gmv.value;
  const parts = splitList(budgetText).map((p) => parseNumber(p));
  if (parts.length && parts.every((p) => p && !p.percent)) {
    out.budget = parts.map((p) => p!.value);
    out.promotionYuan = out.budget[0];
    const total = out.budget.reduce((a, b) => a + b, 0);
    if (total > 0) out.budgetShares = out.budget.map((b) => Math.round((b / total) * 10000) / 100);
  }
  if (out.gmvYuan !== undefined && out.promotionYuan) out.roi = Math.round((out.gmvYuan / out.promotionYuan) * 100) / 100;
  if (channelsText.trim()) {
    out.channels = parseShares(channelsText);
    out.channelSum = Math.round(out.channels.reduce((n, c) => n + (c.percent ?? 0), 0) * 100) / 100;
  }
  return out;
}

/** A SMART goal names at least one number (`GMV50万元`, `新客占比30%`). */
export function isQuantified(goal: string): boolean {
  return findNumbers(goal).length > 0;
}

/** The campaign figures of a row (goal, budget, channels), shared by the campaign rules and `ecsop roi`. */
export const campaignModel = rowModel<CampaignFigures>('campaign', (row) => {
  const t = (k: string) => row.cells.get(k)?.text ?? '';
  return campaignFigures(t('goal'), t('budget'), t('channels'));
});

/** The campaign thresholds: the rules' options (campaign-roi, campaign-budget-split), so that `ecsop roi` judges as they do. */
export interface CampaignLimits {
  minRoi: number;
  split: readonly number[];
  tolerance: number;
}

/** ROI below the minimum (SOP: ROI ≥ 3). */
export function roiTooLow(f: CampaignFigures, limits: Pick<CampaignLimits, 'minRoi'>): boolean {
  return f.roi !== undefined && f.roi < limits.minRoi;
}

/** For each budget share, whether it strays from the SOP's split by more than the tolerance. */
export function sharesOff(f: CampaignFigures, limits: Pick<CampaignLimits, 'split' | 'tolerance'>): boolean[] {
  return (f.budgetShares ?? []).map((share, i) => Math.abs(share - (limits.split[i] ?? 0)) > limits.tolerance);
}
