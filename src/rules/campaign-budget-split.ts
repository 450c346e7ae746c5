import { textOf } from '../cells/parse.js';
import { list, msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { campaignModel, sharesOff } from '../domain/campaign.js';
import { parseBudget } from '../domain/money.js';

/** 300000 → 30万, 12345 → 12345元: an amount as the sheet writes it. */
const yuanText = (y: number) => (y >= 10_000 && y % 100 === 0 ? `${y / 10_000}万` : `${y}元`);
import type { Rule } from './types.js';


/** 预算分配 推广50% / 补贴30% / 物料10% / 备用金10% (SOP 四.1), within a tolerance (ours: 2 points). */
export const campaignBudgetSplit: Rule<{ split: number[]; tolerance: number }, 'campaign', 'off' | 'total' | 'parts'> = {
  id: 'campaign-budget-split',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  description: msg('rule.campaign-budget-split.description'),
  options: (s) => z.object({ split: z.array(z.number()).length(4).default(s.campaign.budgetSplit), tolerance: z.number().min(0).default(s.campaign.budgetTolerance) }).strict(),
  messages: {
    off: msg('rule.campaign-budget-split.off'),
    total: msg('rule.campaign-budget-split.total'),
    parts: msg('rule.campaign-budget-split.parts'),
  },
  create(ctx) {
    const { split, tolerance } = ctx.options;
    return {
      row(row) {
        const budget = textOf(row.cells.get('budget'));
        if (!budget) return;
        const f = row.model(campaignModel);
        if (f.budgetProblem === 'total-mismatch') {
          const b = parseBudget(budget);
          ctx.report({ row: row.row, field: 'budget', messageId: 'total', data: { sum: yuanText(b.partsFen! / 100), total: yuanText(b.totalFen! / 100) }, value: budget, expected: yuanText(b.partsFen! / 100) });
          return;
        }
        if (!f.budgetShares || f.budgetShares.length !== 4) { ctx.report({ row: row.row, field: 'budget', messageId: 'parts', value: budget, expected: split.map((p) => `${p}%`).join('/') }); return; }
        if (sharesOff(f, { split, tolerance }).some(Boolean)) {
          const words = list(ctx.lang, 'rule.campaign-budget-split.part-names');
          // 推广50% in Chinese, promotion 50% in English
          const parts = (shares: readonly number[]) => shares.map((share, i) => t(ctx.lang, 'rule.campaign-budget-split.part', { name: words[i], share })).join('/');
          ctx.report({ row: row.row, field: 'budget', messageId: 'off', data: { actual: parts(f.budgetShares), expected: parts(split), tolerance }, value: budget, expected: split.map((p) => `${p}%`).join('/') });
        }
      },
    };
  },
};
