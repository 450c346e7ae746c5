import { z } from 'zod';
import { listingModel, markTitle, suggestTitle } from '../domain/listing.js';
import { cutToLength, platformLength } from '../domain/title.js';
import type { Rule } from './types.js';

/**
 * A title within its platform's maximum, in platform units (汉字 and full-width = 2, ASCII = 1):
 * Taobao/Tmall 60 (30 汉字), Douyin 60, the SOP's ≤30个汉字 when no platform is known.
 */
export const titleMaxLength: Rule<{ max?: number }> = {
  id: 'title-max-length',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题超过平台字数上限(汉字计2,英文数字计1)', en: 'The title is over the platform’s limit (汉字 count 2, ASCII 1)' },
  options: () => z.object({ max: z.number().int().positive().optional() }).strict(),
  messages: { long: { zh: '标题 {length} 字符(约 {hanzi} 个汉字),超过{platform}上限 {max} 字符({maxHanzi} 个汉字):{marked}', en: 'The title is {length} units (~{hanzi} hanzi), over the {platform} limit of {max} ({maxHanzi} hanzi): {marked}' } },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title, profile } = l;
        const max = ctx.options.max ?? profile.max;
        const length = platformLength(title);
        if (length <= max) return;
        ctx.report({
          row: row.row, field: 'title', messageId: 'long',
          // the part past the limit is marked: 【…】
          data: { length, hanzi: Math.ceil(length / 2), platform: { zh: profile.name, en: profile.en }, max, maxHanzi: Math.floor(max / 2), marked: markTitle(title, [{ start: cutToLength(title, max).length, end: title.length }]) },
          value: title, expected: `≤ ${max}`, suggestion: max === profile.max ? l.suggestion : suggestTitle(title, l.category, { ...profile, max }, ctx.settings.listing, l.law),
        });
      },
    };
  },
};
