import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { isQuantified } from '../domain/campaign.js';
import type { Rule } from './types.js';

/** 目标设定遵循SMART原则,设定量化目标 (SOP 四.1): the goal names a number. */
export const campaignGoalQuantified: Rule<Record<string, never>, 'campaign', 'vague'> = {
  id: 'campaign-goal-quantified',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  description: msg('rule.campaign-goal-quantified.description'),
  options: () => z.object({}).strict(),
  messages: { vague: msg('rule.campaign-goal-quantified.vague') },
  create(ctx) {
    return {
      row(row) {
        const goal = row.cells.get('goal');
        if (hasValue(goal) && !isQuantified(goal.text)) ctx.report({ row: row.row, field: 'goal', messageId: 'vague', data: { value: goal.text }, value: goal.text, expected: 'GMV50万元' });
      },
    };
  },
};
