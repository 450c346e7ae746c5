import { z } from 'zod';
import { isQuantified } from '../domain/campaign.js';
import type { Rule } from './types.js';

/** 目标设定遵循SMART原则,设定量化目标 (SOP 四.1): the goal names a number. */
export const campaignGoalQuantified: Rule<Record<string, never>> = {
  id: 'campaign-goal-quantified',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  description: { zh: '活动目标没有量化指标(SMART)', en: 'The campaign goal is not quantified (SMART)' },
  options: () => z.object({}).strict(),
  messages: { vague: { zh: '活动目标“{value}”没有数字;应量化,如 GMV50万元,新客占比30%', en: 'The goal "{value}" has no number; quantify it, e.g. GMV50万元,新客占比30%' } },
  create(ctx) {
    return {
      row(row) {
        const goal = row.cells.get('goal');
        if (goal && !goal.empty && !isQuantified(goal.text)) ctx.report({ row: row.row, field: 'goal', messageId: 'vague', data: { value: goal.text }, value: goal.text, expected: 'GMV50万元' });
      },
    };
  },
};
