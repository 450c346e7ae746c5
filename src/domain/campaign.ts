import { inEvery, type Localized } from '../i18n/format.js';
import { t } from '../i18n/catalog.js';
import { textOf } from '../cells/parse.js';
import { findNumbers } from '../cells/number.js';
import { pastValues } from '../cells/grammar/read.js';
import { parseShares } from '../cells/lists.js';
import { goalFen, inSopOrder, parseBudget, ratioAtLeast, ratioText, type BudgetProblem } from './money.js';
import { rowModel } from './row-model.js';

/** The numbers of one campaign row, parsed as operators write them. */
export interface CampaignFigures {
  /** GMV target in yuan from the goal (`GMV50万元`, `销售额50万元`, `目标GMV:50万`), when stated */
  gmvYuan?: number;
  /** the same in fen, exact */
  gmvFen?: number;
  /** budget parts in yuan, in the SOP's order 推广/补贴/物料/备用金 when labelled */
  budget?: number[];
  /** promotion spend in yuan: the part labelled 推广 (or the first part of an unlabelled list) */
  promotionYuan?: number;
  promotionFen?: number;
  /** GMV ÷ promotion spend, two decimals (judged exactly: see roiText) */
  roi?: number;
  /** the ROI as shown: two decimals, more where rounding would cross the minimum */
  roiText?: string;
  /** why the budget gives no promotion spend or split */
  budgetProblem?: BudgetProblem;
  /** each budget part's share of the total, in percent with two decimals */
  budgetShares?: number[];
  /** channel shares in percent; undefined where a channel states none */
  channels?: Array<{ name: string; percent?: number }>;
  channelSum?: number;
}

export function campaignFigures(goal: string, budgetText: string, channelsText: string, minRoi = 3): CampaignFigures {
  const gmvFen = goalFen(goal);
  const budget = budgetText.trim() ? parseBudget(budgetText) : undefined;
  const ordered = budget ? inSopOrder(budget) : undefined;
  const amounts = ordered && ordered.length && ordered.every((p) => p.fen !== undefined) ? ordered.map((p) => p.fen! / 100) : undefined;
  const shares = ordered && ordered.length
    ? (ordered.every((p) => p.percent !== undefined) ? ordered.map((p) => p.percent!) : budget!.totalFen && budget!.problem !== 'total-mismatch' ? ordered.map((p) => ((p.fen ?? 0) / budget!.totalFen!) * 100) : undefined)
    : undefined;
  const promotionFen = budget?.promotionFen !== undefined && budget.promotionFen > 0 ? budget.promotionFen : undefined;
  const channels = channelsText.trim() ? parseShares(channelsText) : undefined;
  // the keys of version 1 first, in their order; what was added after them
  const out: CampaignFigures = {};
  if (gmvFen !== undefined) out.gmvYuan = gmvFen / 100;
  if (amounts) out.budget = amounts;
  if (promotionFen !== undefined) out.promotionYuan = promotionFen / 100;
  if (shares) out.budgetShares = shares.map((v) => Math.round(v * 100) / 100);
  if (gmvFen !== undefined && promotionFen !== undefined) out.roi = Math.round((gmvFen / promotionFen) * 100) / 100;
  if (channels) {
    out.channels = channels;
    out.channelSum = Math.round(channels.reduce((n, c) => n + (c.percent ?? 0), 0) * 100) / 100;
  }
  if (gmvFen !== undefined) out.gmvFen = gmvFen;
  if (promotionFen !== undefined) out.promotionFen = promotionFen;
  if (gmvFen !== undefined && promotionFen !== undefined) out.roiText = ratioText(gmvFen, promotionFen, minRoi);
  if (budget?.problem) out.budgetProblem = budget.problem;
  return out;
}

/** A SMART goal names at least one number (`GMV50万元`, `新客占比30%`, `GMV五十万`: the amount the ROI reads counts). */
export function isQuantified(goal: string): boolean {
  // a goal longer than the grammar reads is not said to have no number: what is past its bound is not read
  return findNumbers(goal).length > 0 || goalFen(goal) !== undefined || pastValues(goal);
}

/** The campaign figures of a row (goal, budget, channels), shared by the campaign rules and `ecsop roi`. */
export const campaignModel = rowModel<CampaignFigures>('campaign', (row, env) => {
  const t = (k: 'goal' | 'budget' | 'channels') => textOf(row.cells.get(k));
  return campaignFigures(t('goal'), t('budget'), t('channels'), env.settings.campaign.minRoi);
});

/** The campaign thresholds: the rules' options (campaign-roi, campaign-budget-split), so that `ecsop roi` judges as they do. */
export interface CampaignLimits {
  minRoi: number;
  split: readonly number[];
  tolerance: number;
}

/** ROI below the minimum (SOP: ROI ≥ 3), compared exactly: 2.9993 is below 3. */
export function roiTooLow(f: CampaignFigures, limits: Pick<CampaignLimits, 'minRoi'>): boolean {
  return f.gmvFen !== undefined && f.promotionFen !== undefined && !ratioAtLeast(f.gmvFen, f.promotionFen, limits.minRoi);
}

/** For each budget share, whether it strays from the SOP's split by more than the tolerance. */
export function sharesOff(f: CampaignFigures, limits: Pick<CampaignLimits, 'split' | 'tolerance'>): boolean[] {
  return (f.budgetShares ?? []).map((share, i) => Math.abs(share - (limits.split[i] ?? 0)) > limits.tolerance);
}

/**
 * An amount of yuan as every output writes it, the table of `ecsop roi` and the findings alike:
 * 4.5万 and 9000元 in Chinese, 45000 and 9000 in English (one style per language, issue #24).
 */
export function amountText(yuan: number): Localized {
  // the English text says the yuan (500000), the Chinese the 万 (50万)
  const amount = { wan: Number((yuan / 10000).toFixed(2)), yuan };
  return inEvery((lang) => (yuan >= 10000 ? t(lang, 'pick.wan', amount) : t(lang, 'pick.yuan', { yuan })));
}
