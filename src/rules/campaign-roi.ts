import { textOf } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { nearestShape } from '../cells/grammar/families.js';
import { amountText, campaignModel, roiTooLow } from '../domain/campaign.js';
import { ratioText } from '../domain/money.js';
import type { Rule } from './types.js';

/** ROI = 目标GMV ÷ 推广投入 ≥ 3 (SOP 四.1: 推广投入15万元,目标GMV50万元,ROI=3.33), compared exactly. */
export const campaignRoi: Rule<{ min: number }, 'campaign', 'low' | 'noGoal' | 'noSpend' | 'sharesOnly'> = {
  id: 'campaign-roi',
  sheetKinds: ['campaign'],
  defaultSeverity: 'error',
  description: msg('rule.campaign-roi.description'),
  options: (s) => z.object({ min: z.number().default(s.campaign.minRoi) }).strict(),
  messages: {
    low: msg('rule.campaign-roi.low'),
    noGoal: msg('rule.campaign-roi.noGoal'),
    noSpend: msg('rule.campaign-roi.noSpend'),
    sharesOnly: msg('rule.campaign-roi.sharesOnly'),
  },
  create(ctx) {
    const { min } = ctx.options;
    return {
      row(row) {
        const goal = textOf(row.cells.get('goal'));
        const budget = textOf(row.cells.get('budget'));
        if (!goal || !budget) return;
        const f = row.model(campaignModel);
        if (f.gmvFen === undefined) { ctx.report({ row: row.row, field: 'goal', messageId: 'noGoal', value: goal, expected: `ROI ≥ ${min}` }); return; }
        if (f.promotionFen === undefined) {
          ctx.report({ row: row.row, field: 'budget', messageId: f.budgetProblem === 'shares-without-total' ? 'sharesOnly' : 'noSpend', data: { shape: nearestShape('Shares', budget, (s) => /万|元|¥|w/.test(s)) ?? '15万/9万/3万/3万' }, value: budget, expected: '15万/9万/3万/3万' });
          return;
        }
        if (roiTooLow(f, { minRoi: min })) {
          const roi = ratioText(f.gmvFen, f.promotionFen, min);
          ctx.report({ row: row.row, field: 'budget', messageId: 'low', data: { gmv: amountText(f.gmvYuan!), spend: amountText(f.promotionYuan!), roi, min }, value: Number(roi), expected: `≥ ${min}` });
        }
      },
    };
  },
};
