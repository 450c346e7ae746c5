import { decHundredths, decValue, type Dec } from '../cells/grammar/decimal.js';
import { readWith } from '../cells/grammar/read.js';
import { prepare } from '../cells/grammar/prepare.js';
import { readSplit } from '../cells/lists.js';

/**
 * Campaign money as operators write it: the GMV goal in any of its phrasings, and budgets in the
 * layouts they use. Amounts are integer fen (exact); ratios are compared exactly and shown rounded
 * only where rounding cannot mislead.
 */

/** An amount named as GMV in the goal's words, where it stands, and whether it is a range (30万~50万). */
interface GoalAmount { money: Dec & { unit?: boolean }; at: number; range: boolean }

/** Words before an amount that say it is not this campaign's goal: last year's, one day's, part of it, a floor. */
const NOT_THE_GOAL = /去年|上年|往年|前年|同期|上次|上期|上届|历史|参考|对比|单日|日均|每日|每天|首日|当日|当天|(?:^|[^节假])日(?:GMV|销售额|成交|销)|(?<!今)年目标|(?<!今)全年|(?<!今)年度|新客|老客|会员|其中|含|直播间?|店铺日常/i;
/** Words that say an amount is the goal itself. */
const THE_GOAL = /目标|总|活动期间|本次|今年|整体|全场|合计|整场/;

/**
 * The GMV goal in fen (the Goal grammar), somewhere in the goal's words: `GMV50万元`, `销售额50万元`,
 * `GMV达50万`, `目标GMV:50万`, `成交额 500,000元`, `冲刺GMV 50w`, `50万GMV`, `GMV五十万`, or the
 * amount alone. When several amounts are named, the goal is the one its words say is the goal
 * (`去年GMV 35万，今年目标50万` → 50万; `单日GMV 20万，活动总GMV 50万` → 50万); two goals
 * (`冲刺GMV 100万，保底GMV 50万`) or a range (`GMV 30万～50万`) are not one goal: undefined.
 */
export function goalFen(goal: string): number | undefined {
  const found = readWith<GoalAmount[]>('Goal', goal) ?? [];
  let chosen: GoalAmount | undefined;
  {
    const text = prepare(goal);
    // the words before an amount's phrase and the phrase's first words (日GMV, 年度GMV)
    const clause = (a: GoalAmount) => (text.slice(0, a.at).split(/[,;\n。]/).pop() ?? '') + text.slice(a.at, a.at + 4);
    // 日均GMV 10万 alone is a day's figure, not the campaign's goal
    const kept = found.filter((a) => !NOT_THE_GOAL.test(clause(a)));
    const marked = kept.filter((a) => THE_GOAL.test(clause(a)));
    const pool = marked.length ? marked : kept;
    const values = new Set(pool.map((a) => decHundredths(a.money)));
    if (values.size === 1) chosen = pool[0];
  }
  if (!chosen) {
    if (found.length) return undefined;
    const alone = readWith<Dec>('MoneyOnly', goal);
    return alone && decHundredths(alone) > 0 ? decHundredths(alone) : undefined;
  }
  if (chosen.range) return undefined;
  // GMV 50 with no unit: a goal of fifty yuan is a unit left out, not a goal
  if (!chosen.money.unit && chosen.money.shift === 0 && decHundredths(chosen.money) < 1_000_000) return undefined;
  const fen = decHundredths(chosen.money);
  return fen > 0 ? fen : undefined;
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
export type BudgetProblem = 'unreadable' | 'shares-without-total' | 'no-promotion' | 'mixed' | 'total-mismatch';

export interface Budget {
  parts: BudgetPart[];
  /** the total, stated (`总预算30万`) or summed */
  totalFen?: number;
  /** the promotion spend: the part labelled so, or the first of an unlabelled list */
  promotionFen?: number;
  problem?: BudgetProblem;
  /** what the parts add up to, when it is not the total written (total-mismatch) */
  partsFen?: number;
}

const roleOf = (label: string | undefined) => (label ? BUDGET_ROLES.find((r) => ROLE_WORDS[r].test(label)) : undefined);
/** A label that only says "budget" (预算15万/10万/…) names no part. */
const NOT_A_LABEL = /^(?:预算|总预算|预算分配)$/;

/**
 * A budget as written (the Shares grammar, docs/values.md): `15万/10万/3万/2万`; one unit at the
 * end (`15/9/3/3万` is 15万+9万+3万+3万); labelled before or after (`推广15万/补贴9万`,
 * `15万(推广)`, `推广:15万`); `￥150,000/￥90,000`; percentages with the total before or after
 * (`总预算30万:50%/…`, `总预算30万（推广50%、补贴30%…）`, `推广50%…（合计30万）`) or none. What
 * cannot be read is said, never guessed.
 */
export function parseBudget(text: string): Budget {
  const split = readSplit(text);
  if (!split) return { parts: [], problem: 'unreadable' };
  const totalFen = split.total ? decHundredths(split.total) : undefined;
  if (split.ratio) return byRatio(split.ratio, totalFen, split.labels);
  const raw = split.parts.filter((p) => p.money || p.percent);
  if (!raw.length || raw.length !== split.parts.length) return { parts: [], totalFen, problem: 'unreadable' };
  const percents = raw.filter((p) => p.percent).length;
  if (percents && percents !== raw.length) return { parts: [], totalFen, problem: 'mixed' };
  // one unit at the end applies to every part written without one (15/9/3/3万)
  const shifts = raw.map((p) => p.money?.shift ?? 0);
  let trailing = !percents && shifts.slice(0, -1).every((s) => s === 0) && shifts[shifts.length - 1] !== 0 ? shifts[shifts.length - 1] : 0;
  // the total's unit, when the parts are written without one and add up to it (30万(推广15/补贴9/物料3/备用3))
  if (!percents && !trailing && split.total && split.total.shift > 0 && raw.every((p) => p.money!.shift === 0 && !p.money!.unit)
    && raw.reduce((n, p) => n + decHundredths(p.money!), 0) * 10 ** split.total.shift === totalFen) trailing = split.total.shift;
  // a date is not a budget: 2024/05/20 would be three parts
  if (/^\s*(?:19|20)\d\d\s*[/.\-]\s*(?:0?[1-9]|1[0-2])\s*[/.\-]\s*(?:0?[1-9]|[12]\d|3[01])\s*$/.test(text)) return { parts: [], totalFen, problem: 'unreadable' };
  // a budget with no unit anywhere and parts under a thousand (15/9/3/3) left its unit out: 元 or 万 is unsure
  if (!percents && !trailing && raw.every((p) => p.money!.shift === 0 && !p.money!.unit && decHundredths(p.money!) < 100_000)) return { parts: [], totalFen, problem: 'unreadable' };
  // a part left without the unit the others carry (15万/9万/3万/3) is not read as yuan: which unit was meant is unsure
  if (!percents && !trailing && shifts.some((x) => x > 0) && raw.some((p) => p.money!.shift === 0 && !p.money!.unit && decHundredths(p.money!) * 1000 < Math.max(...raw.map((q) => decHundredths(q.money!))))) {
    return { parts: [], totalFen, problem: 'unreadable' };
  }
  const parts: BudgetPart[] = raw.map((p) => {
    const label = p.label && !NOT_A_LABEL.test(p.label) ? p.label : undefined;
    const role = roleOf(label);
    const part: BudgetPart = { ...(label ? { label } : {}), ...(role ? { role } : {}) };
    if (p.percent) part.percent = decValue({ ...p.percent, shift: p.percent.shift + 2 });
    else part.fen = decHundredths(p.money!.shift === 0 && trailing ? { ...p.money!, shift: trailing } : p.money!);
    return part;
  });
  if (percents) {
    if (totalFen === undefined) return { parts, problem: 'shares-without-total' };
    for (const p of parts) p.fen = Math.round((totalFen * p.percent!) / 100);
  }
  const sum = parts.reduce((n, p) => n + (p.fen ?? 0), 0);
  const total = totalFen ?? sum;
  const labelled = parts.some((p) => p.role);
  const promotion = labelled ? parts.find((p) => p.role === 'promotion') : parts[0];
  if (!promotion) return { parts, totalFen: total, problem: 'no-promotion' };
  // parts that add up to another total than the one written (…合计28万 over 30万 of parts): said, never one of them picked
  if (!percents && totalFen !== undefined && sum !== totalFen) return { parts, totalFen, promotionFen: promotion.fen, problem: 'total-mismatch', partsFen: sum };
  return { parts, totalFen: total, promotionFen: promotion.fen };
}

/**
 * A total shared by a ratio: 30万 at 5:3:1:1 is 15万/9万/3万/3万, in the SOP's order or by the
 * names given (推广/补贴/物料/备用=5:3:1:1); the last part takes what rounding leaves. Without a
 * total the parts are shares only.
 */
function byRatio(ratio: Dec[], totalFen: number | undefined, labels: readonly string[] | undefined): Budget {
  const weights = ratio.map((d) => decHundredths(d));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!sum || weights.some((w) => w <= 0)) return { parts: [], totalFen, problem: 'unreadable' };
  const parts: BudgetPart[] = weights.map((w, i) => {
    const label = labels?.[i];
    const role = roleOf(label);
    return { ...(label ? { label } : {}), ...(role ? { role } : {}), percent: Math.round((w / sum) * 10000) / 100, ...(totalFen !== undefined ? { fen: Math.round((totalFen * w) / sum) } : {}) };
  });
  if (totalFen === undefined) return { parts, problem: 'shares-without-total' };
  parts[parts.length - 1].fen = totalFen - parts.slice(0, -1).reduce((n, p) => n + p.fen!, 0);
  const promotion = labels ? parts.find((p) => p.role === 'promotion') : parts[0];
  return promotion ? { parts, totalFen, promotionFen: promotion.fen } : { parts, totalFen, problem: 'no-promotion' };
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
