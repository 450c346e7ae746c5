import { parseMoneyFen } from '../cells/number.js';
import { cleanText } from '../cells/normalize.js';

/**
 * Campaign money as operators write it: the GMV goal in any of its phrasings, and budgets in the
 * layouts they use. Amounts are integer fen (exact); ratios are compared exactly and shown rounded
 * only where rounding cannot mislead.
 */

/** What the goal's amount is called: GMV, 销售额, 成交额 … */
const GOAL_WORDS = 'GMV|销售额|成交额|营业额|销售目标|成交目标|业绩|流水';
const AMOUNT = '(\\d[\\d,]*(?:\\.\\d+)?\\s*(?:万|亿|千|w|W|k|K)?)\\s*(?:元|块)?';
const GOAL = new RegExp(`(?:${GOAL_WORDS})\\s*(?:目标)?\\s*(?:要|需)?\\s*(?:达到|达|突破|超过|为|是|约|:)?\\s*(?:¥|RMB)?\\s*${AMOUNT}`, 'i');

/** The GMV goal in fen: `GMV50万元`, `销售额50万元`, `GMV达50万`, `目标GMV:50万`, `成交额 500,000元`. */
export function goalFen(goal: string): number | undefined {
  const m = GOAL.exec(cleanText(goal).replace(/￥/g, '¥'));
  if (!m) return undefined;
  const fen = parseMoneyFen(m[1].replace(/\s+/g, '').replace(/[wW]$/, '万').replace(/[kK]$/, '千'));
  return fen !== undefined && fen > 0 ? fen : undefined;
}

/** What a budget part is for, from its label. */
export type BudgetRole = 'promotion' | 'subsidy' | 'materials' | 'reserve';
export const BUDGET_ROLES: readonly BudgetRole[] = ['promotion', 'subsidy', 'materials', 'reserve'];

/** Labels operators give the four parts (SOP 四.1: 推广/补贴/物料/备用金). */
const ROLE_WORDS: Record<BudgetRole, RegExp> = {
  promotion: /推广|广告|投流|投放|直通车|引力魔方|万相台|千川|付费|营销/,
  subsidy: /补贴|优惠|红包|满减|券|让利|赠品|折扣/,
  materials: /物料|内容|设计|拍摄|素材|制作|达人|种草/,
  reserve: /备用|其他|其它|机动|预留|应急/,
};

export interface BudgetPart {
  /** the label as written (`推广`), when there is one */
  label?: string;
  role?: BudgetRole;
  fen?: number;
  /** a share written as a percentage (`50%`) */
  percent?: number;
}

/** Why a budget cannot give the promotion spend or the split. */
export type BudgetProblem = 'unreadable' | 'shares-without-total' | 'no-promotion' | 'mixed';

export interface Budget {
  parts: BudgetPart[];
  /** the total, stated (`总预算30万`) or summed */
  totalFen?: number;
  /** the promotion spend: the part labelled so, or the first of an unlabelled list */
  promotionFen?: number;
  problem?: BudgetProblem;
}

const PART = /([\u4e00-\u9fa5A-Za-z]+)?\s*:?\s*(\d[\d,]*(?:\.\d+)?)\s*(万|亿|千|w|W|k(?!g)|K)?\s*(?:元|块)?\s*(%)?\s*(?:\(([\u4e00-\u9fa5A-Za-z]+)\))?/g;
const SEPARATORS = /^[\s/|,;+、]*$/;
const TOTAL = /(?:总预算|预算总额|总计|合计|总额|总共|共计|共|总)\s*:?\s*(\d[\d,]*(?:\.\d+)?\s*(?:万|亿|千|w|W)?)\s*(?:元|块)?\s*[,;:]?/;

const roleOf = (label: string | undefined) => (label ? BUDGET_ROLES.find((r) => ROLE_WORDS[r].test(label)) : undefined);
const fenOf = (digits: string, unit: string | undefined) => parseMoneyFen(`${digits.replace(/,/g, '')}${unit ? unit.replace(/[wW]/, '万').replace(/[kK]/, '千') : ''}`);

/**
 * A budget as written: `15万/10万/3万/2万`; one unit at the end (`15/9/3/3万` is 15万+9万+3万+3万);
 * labelled (`推广15万/补贴9万/内容3万/其他3万`, `15万(推广)`); percentages (`50%/30%/10%/10%`) with
 * the total stated (`总预算30万:50%/…`) or not. What cannot be read is said, never guessed.
 */
export function parseBudget(text: string): Budget {
  let t = cleanText(text).replace(/／/g, '/').replace(/＋/g, '+');
  let totalFen: number | undefined;
  const total = TOTAL.exec(t);
  if (total) {
    totalFen = parseMoneyFen(total[1].replace(/\s+/g, '').replace(/[wW]$/, '万'));
    t = t.replace(total[0], ' ');
  }
  const raw: Array<{ label?: string; digits: string; unit?: string; percent: boolean }> = [];
  let last = 0;
  for (const m of t.matchAll(PART)) {
    if (!m[0].trim()) continue;
    if (!SEPARATORS.test(t.slice(last, m.index))) return { parts: [], totalFen, problem: 'unreadable' };
    raw.push({ label: m[1] ?? m[5], digits: m[2], unit: m[3], percent: Boolean(m[4]) });
    last = m.index! + m[0].length;
  }
  if (!raw.length || !SEPARATORS.test(t.slice(last))) return { parts: [], totalFen, problem: 'unreadable' };
  const percents = raw.filter((p) => p.percent).length;
  if (percents && percents !== raw.length) return { parts: [], totalFen, problem: 'mixed' };
  // one unit at the end applies to every part written without one
  const withUnit = raw.filter((p) => p.unit);
  const trailing = !percents && withUnit.length === 1 && raw[raw.length - 1].unit ? raw[raw.length - 1].unit : undefined;
  const parts: BudgetPart[] = raw.map((p) => {
    const role = roleOf(p.label);
    const part: BudgetPart = { ...(p.label ? { label: p.label } : {}), ...(role ? { role } : {}) };
    if (p.percent) part.percent = Number(p.digits);
    else part.fen = fenOf(p.digits, p.unit ?? trailing);
    return part;
  });
  if (percents) {
    if (totalFen === undefined) return { parts, problem: 'shares-without-total' };
    for (const p of parts) p.fen = Math.round((totalFen * p.percent!) / 100);
  } else {
    const sum = parts.reduce((n, p) => n + (p.fen ?? 0), 0);
    totalFen ??= sum;
  }
  const labelled = parts.some((p) => p.role);
  const promotion = labelled ? parts.find((p) => p.role === 'promotion') : parts[0];
  if (!promotion) return { parts, totalFen, problem: 'no-promotion' };
  return { parts, totalFen, promotionFen: promotion.fen };
}

/** The parts in the SOP's order (推广, 补贴, 物料, 备用金): by their labels, or as written when unlabelled. */
export function inSopOrder(budget: Budget): BudgetPart[] | undefined {
  if (!budget.parts.some((p) => p.role)) return budget.parts;
  const ordered = BUDGET_ROLES.map((r) => budget.parts.filter((p) => p.role === r));
  if (ordered.some((list) => list.length !== 1) || budget.parts.some((p) => !p.role)) return undefined;
  return ordered.map((list) => list[0]);
}

/** a ÷ b ≥ min, exactly (a and b integers, min a decimal such as 3 or 2.5). */
export function ratioAtLeast(a: number, b: number, min: number): boolean {
  const [int, frac = ''] = String(min).split('.');
  const scale = 10n ** BigInt(frac.length);
  return BigInt(a) * scale >= BigInt(`${int}${frac}`) * BigInt(b);
}

/**
 * a ÷ b as shown: two decimals, or as many more (up to six) as it takes for the shown value to
 * fall on the same side of `threshold` as the exact one (2.9993 is not "3.00" when 3 is the bar).
 */
export function ratioText(a: number, b: number, threshold?: number): string {
  const exact = a / b;
  const above = threshold === undefined ? undefined : ratioAtLeast(a, b, threshold);
  for (let d = 2; d <= 6; d++) {
    const shown = exact.toFixed(d);
    if (above === undefined || (Number(shown) >= threshold! ) === above) return shown;
  }
  // still on the wrong side at six decimals: cut, not round
  const f = 10 ** 6;
  return (Math.floor(exact * f) / f).toFixed(6);
}
