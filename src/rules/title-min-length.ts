import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel } from '../domain/listing.js';
import { platformLength } from '../domain/title.js';
import type { Rule } from './types.js';
import { inEvery } from '../i18n/format.js';

/** A title at least as long as its platform asks: Douyin 16 units (8 汉字). */
export const titleMinLength: Rule<{ min?: number }, 'listing', 'short'> = {
  id: 'title-min-length',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-min-length.description'),
  options: () => z.object({ min: z.number().int().min(0).optional() }).strict(),
  messages: { short: msg('rule.title-min-length.short') },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title, profile } = l;
        const min = ctx.options.min ?? profile.min;
        const length = platformLength(title);
        if (length >= min) return;
        ctx.report({ row: row.row, field: 'title', messageId: 'short', data: { length, platform: inEvery((lang) => t(lang, 'pick.platform', profile)), min, minHanzi: Math.ceil(min / 2) }, value: title, expected: `≥ ${min}` });
      },
    };
  },
};
