import { z } from 'zod';
import { listingModel } from '../domain/listing.js';
import { platformLength } from '../domain/title.js';
import type { Rule } from './types.js';

/** A title at least as long as its platform asks: Douyin 16 units (8 汉字). */
export const titleMinLength: Rule<{ min?: number }> = {
  id: 'title-min-length',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题短于平台字数下限(如抖音至少16字符/8个汉字)', en: 'The title is shorter than the platform’s minimum (Douyin: 16 units / 8 hanzi)' },
  options: () => z.object({ min: z.number().int().min(0).optional() }).strict(),
  messages: { short: { zh: '标题 {length} 字符,短于{platform}下限 {min} 字符({minHanzi} 个汉字)', en: 'The title is {length} units, under the {platform} minimum of {min} ({minHanzi} hanzi)' } },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title, profile } = l;
        const min = ctx.options.min ?? profile.min;
        const length = platformLength(title);
        if (length >= min) return;
        ctx.report({ row: row.row, field: 'title', messageId: 'short', data: { length, platform: { zh: profile.name, en: profile.en }, min, minHanzi: Math.ceil(min / 2) }, value: title, expected: `≥ ${min}` });
      },
    };
  },
};
