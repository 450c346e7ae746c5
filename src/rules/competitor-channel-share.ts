import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { parseShares } from '../cells/lists.js';
import type { Rule } from './types.js';

/** 推广渠道 `直播(40%)+小红书(30%)`: the stated shares add up to at most 100%. */
export const competitorChannelShare: Rule<Record<string, never>, 'competitor', 'over'> = {
  id: 'competitor-channel-share',
  sheetKinds: ['competitor'],
  defaultSeverity: 'error',
  description: msg('rule.competitor-channel-share.description'),
  options: () => z.object({}).strict(),
  messages: { over: msg('rule.competitor-channel-share.over') },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('channels');
        if (!hasValue(cell)) return;
        const sum = Math.round(parseShares(cell.text).reduce((n, s) => n + (s.percent ?? 0), 0) * 100) / 100;
        if (sum > 100) ctx.report({ row: row.row, field: 'channels', messageId: 'over', data: { sum }, value: cell.text, expected: '≤ 100%' });
      },
    };
  },
};
