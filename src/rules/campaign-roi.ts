import { z } from 'zod';
import { nearestShape } from '../cells/grammar/families.js';
import { campaignModel, roiTooLow } from '../domain/campaign.js';
import { ratioText } from '../domain/money.js';
import type { Rule } from './types.js';

/** ROI = 目标GMV ÷ 推广投入 ≥ 3 (SOP 四.1: 推广投入15万元,目标GMV50万元,ROI=3.33), compared exactly. */
export const campaignRoi: Rule<{ min: number }> = {
  id: 'campaign-roi',
  sheetKinds: ['campaign'],
  defaultSeverity: 'error',
  description: { zh: 'ROI(目标GMV÷推广投入)低于3', en: 'ROI (GMV target ÷ promotion spend) below 3' },
  options: (s) => z.object({ min: z.number().default(s.campaign.minRoi) }).strict(),
  messages: {
    low: { zh: 'ROI = 目标GMV {gmv}元 ÷ 推广投入 {spend}元 = {roi},低于 {min}', en: 'ROI = GMV target {gmv} ÷ promotion {spend} = {roi}, below {min}' },
    noGoal: { zh: '无法计算 ROI:活动目标中没有 GMV 金额;应写明,如 GMV50万元、销售额50万元、目标GMV:50万', en: 'Cannot compute the ROI: the goal names no GMV amount; write it, e.g. GMV50万元, 销售额50万元, 目标GMV:50万' },
    noSpend: { zh: '无法计算 ROI:预算分配“{value}”读不出推广投入;应写成 15万/10万/3万/2万 或 推广15万/补贴10万/物料3万/备用金2万;最接近的写法:{shape}', en: 'Cannot compute the ROI: no promotion spend can be read from the budget "{value}"; write 15万/10万/3万/2万 or 推广15万/补贴10万/物料3万/备用金2万; the nearest accepted shape: {shape}' },
    sharesOnly: { zh: '无法计算 ROI:预算分配只有百分比,没有金额;请写明总预算,如 总预算30万:50%/30%/10%/10%', en: 'Cannot compute the ROI: the budget gives shares but no amount; state the total, e.g. 总预算30万:50%/30%/10%/10%' },
  },
  create(ctx) {
    const { min } = ctx.options;
    return {
      row(row) {
        const goal = row.cells.get('goal')?.text ?? '';
        const budget = row.cells.get('budget')?.text ?? '';
        if (!goal || !budget) return;
        const f = row.model(campaignModel);
        if (f.gmvFen === undefined) { ctx.report({ row: row.row, field: 'goal', messageId: 'noGoal', value: goal, expected: `ROI ≥ ${min}` }); return; }
        if (f.promotionFen === undefined) {
          ctx.report({ row: row.row, field: 'budget', messageId: f.budgetProblem === 'shares-without-total' ? 'sharesOnly' : 'noSpend', data: { shape: nearestShape('Shares', budget, (s) => /万|元|¥|w/.test(s)) ?? '15万/10万/3万/2万' }, value: budget, expected: '15万/10万/3万/2万' });
          return;
        }
        if (roiTooLow(f, { minRoi: min })) {
          const roi = ratioText(f.gmvFen, f.promotionFen, min);
          ctx.report({ row: row.row, field: 'budget', messageId: 'low', data: { gmv: f.gmvYuan, spend: f.promotionYuan, roi, min }, value: Number(roi), expected: `≥ ${min}` });
        }
      },
    };
  },
};
