import { textOf } from '../cells/parse.js';
import { z } from 'zod';
import { joined, localized, msg } from '../i18n/catalog.js';
import { nearestShape } from '../cells/grammar/families.js';
import { campaignModel } from '../domain/campaign.js';
import type { Rule } from './types.js';

/** 推广渠道 `直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%)` sums to 100% (SOP 四.1). */
export const campaignChannelShare: Rule<Record<string, never>, 'campaign', 'sum' | 'unreadable'> = {
  id: 'campaign-channel-share',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  description: msg('rule.campaign-channel-share.description'),
  options: () => z.object({}).strict(),
  messages: {
    sum: msg('rule.campaign-channel-share.sum'),
    unreadable: msg('rule.campaign-channel-share.unreadable'),
  },
  create(ctx) {
    return {
      row(row) {
        const text = textOf(row.cells.get('channels'));
        if (!text) return;
        const f = row.model(campaignModel);
        if (f.channels && !f.channels.length) { ctx.report({ row: row.row, field: 'channels', messageId: 'unreadable', data: { value: text, shape: nearestShape('Shares', text, (s) => /%|成|\/10/.test(s) && !/万|元|¥/.test(s)) ?? '直通车30%+抖音40%+小红书20%+其他10%' }, value: text, expected: '100%' }); return; }
        if (f.channelSum === undefined || f.channelSum === 100) return;
        const unstated = (f.channels ?? []).filter((c) => c.percent === undefined).map((c) => c.name);
        ctx.report({ row: row.row, field: 'channels', messageId: 'sum', data: { sum: f.channelSum, unstated: unstated.length ? localized('piece.unstated-shares', { names: joined(unstated) }) : '' }, value: text, expected: '100%' });
      },
    };
  },
};
