import { z } from 'zod';
import { campaignModel, roiTooLow } from '../domain/campaign.js';
import type { Rule } from './types.js';

/** ROI = 目标GMV ÷ 推广投入 ≥ 3 (SOP 四.1: 推广投入15万元,目标GMV50万元,ROI=3.33). */
export const campaignRoi: Rule<{ min: number }> = {
  id: 'campaign-roi',
  sheetKinds: ['campaign'],
  defaultSeverity: 'error',
  description: { zh: 'ROI(目标GMV÷推广投入)低于3', en: 'ROI (GMV target ÷ promotion spend) below 3' },
  options: (s) => z.object({ min: z.number().default(s.campaign.minRoi) }).strict(),
  messages: {
    low: { zh: 'ROI = 目标GMV {gmv}元 ÷ 推广投入 {spend}元 = {roi},低于 {min}', en: 'ROI = GMV target {gmv} ÷ promotion {spend} = {roi}, below {min}' },
    unknown: { zh: '无法计算 ROI:活动目标中没有 GMV 金额(如 GMV50万元),或预算分配不是 推广/补贴/物料/备用金', en: 'Cannot compute the ROI: no GMV amount in the goal (GMV50万元) or no 推广/补贴/物料/备用金 budget' },
  },
  create(ctx) {
    return {
      row(row) {
        const goal = row.cells.get('goal')?.text ?? '';
        const budget = row.cells.get('budget')?.text ?? '';
        if (!goal || !budget) return;
        const f = row.model(campaignModel);
        if (f.roi === undefined) { ctx.report({ row: row.row, field: 'goal', messageId: 'unknown', value: goal, expected: `ROI ≥ ${ctx.options.min}` }); return; }
        if (roiTooLow(f, { minRoi: ctx.options.min })) ctx.report({ row: row.row, field: 'budget', messageId: 'low', data: { gmv: f.gmvYuan, spend: f.promotionYuan, roi: f.roi.toFixed(2), min: ctx.options.min }, value: f.roi, expected: `≥ ${ctx.options.min}` });
      },
    };
  },
};
