import { z } from 'zod';
import { campaignModel, sharesOff } from '../domain/campaign.js';
import { parseBudget } from '../domain/money.js';

/** 300000 → 30万, 12345 → 12345元: an amount as the sheet writes it. */
const yuanText = (y: number) => (y >= 10_000 && y % 100 === 0 ? `${y / 10_000}万` : `${y}元`);
import type { Rule } from './types.js';

const PARTS = { zh: ['推广', '补贴', '物料', '备用金'], en: ['promotion', 'subsidy', 'materials', 'reserve'] };

/** 预算分配 推广50% / 补贴30% / 物料10% / 备用金10% (SOP 四.1), within a tolerance (ours: 2 points). */
export const campaignBudgetSplit: Rule<{ split: number[]; tolerance: number }> = {
  id: 'campaign-budget-split',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  description: { zh: '预算分配偏离 推广50%/补贴30%/物料10%/备用金10%', en: 'The budget departs from 50/30/10/10 (promotion/subsidy/materials/reserve)' },
  options: (s) => z.object({ split: z.array(z.number()).length(4).default(s.campaign.budgetSplit), tolerance: z.number().min(0).default(s.campaign.budgetTolerance) }).strict(),
  messages: {
    off: { zh: '预算分配为 {actual},SOP 为 {expected}(允许偏差 {tolerance} 个百分点)', en: 'The budget splits {actual}; the SOP has {expected} (±{tolerance} points)' },
    total: { zh: '预算分配“{value}”各项合计 {sum},与写明的合计 {total} 不符;请改正其中一个', en: 'The budget "{value}": its parts add up to {sum}, not the total written, {total}; correct one of them' },
    parts: { zh: '预算分配“{value}”读不出 推广/补贴/物料/备用金 四项;应写成 15万/10万/3万/2万、15/10/3/2万、推广15万/补贴10万/物料3万/备用金2万 或 50%/30%/10%/10%', en: 'The budget "{value}" does not read as four parts promotion/subsidy/materials/reserve; write 15万/10万/3万/2万, 15/10/3/2万, 推广15万/补贴10万/物料3万/备用金2万 or 50%/30%/10%/10%' },
  },
  create(ctx) {
    const { split, tolerance } = ctx.options;
    return {
      row(row) {
        const budget = row.cells.get('budget')?.text ?? '';
        if (!budget) return;
        const f = row.model(campaignModel);
        if (f.budgetProblem === 'total-mismatch') {
          const b = parseBudget(budget);
          ctx.report({ row: row.row, field: 'budget', messageId: 'total', data: { sum: yuanText(b.partsFen! / 100), total: yuanText(b.totalFen! / 100) }, value: budget, expected: yuanText(b.partsFen! / 100) });
          return;
        }
        if (!f.budgetShares || f.budgetShares.length !== 4) { ctx.report({ row: row.row, field: 'budget', messageId: 'parts', value: budget, expected: split.map((p) => `${p}%`).join('/') }); return; }
        if (sharesOff(f, { split, tolerance }).some(Boolean)) {
          const words = PARTS[ctx.lang];
          // 推广50% in Chinese, promotion 50% in English
          const gap = ctx.lang === 'en' ? ' ' : '';
          const parts = (shares: readonly number[]) => shares.map((s, i) => `${words[i]}${gap}${s}%`).join('/');
          ctx.report({ row: row.row, field: 'budget', messageId: 'off', data: { actual: parts(f.budgetShares), expected: parts(split), tolerance }, value: budget, expected: split.map((p) => `${p}%`).join('/') });
        }
      },
    };
  },
};
