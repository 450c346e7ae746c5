import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel, markTitle, suggestTitle } from '../domain/listing.js';
import { cutToLength, platformLength } from '../domain/title.js';
import type { Rule } from './types.js';
import { inEvery } from '../i18n/format.js';

/**
 * A title within its platform's maximum, in platform units (汉字 and full-width = 2, ASCII = 1):
 * Taobao/Tmall 60 (30 汉字), Douyin 60, the SOP's ≤30个汉字 when no platform is known.
 */
export const titleMaxLength: Rule<{ max?: number }, 'listing', 'long'> = {
  id: 'title-max-length',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-max-length.description'),
  options: () => z.object({ max: z.number().int().positive().optional() }).strict(),
  messages: { long: msg('rule.title-max-length.long') },
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
          data: { length, hanzi: Math.ceil(length / 2), platform: inEvery((lang) => t(lang, 'pick.platform', profile)), max, maxHanzi: Math.floor(max / 2), marked: markTitle(title, [{ start: cutToLength(title, max).length, end: title.length }]) },
          value: title, expected: `≤ ${max}`, suggestion: max === profile.max ? l.suggestion : suggestTitle(title, l.category, { ...profile, max }, ctx.settings.listing, l.law),
        });
      },
    };
  },
};
