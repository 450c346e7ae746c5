import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { listingModel, markTitle, stuffedWord } from '../domain/listing.js';
import type { Rule } from './types.js';

/** The same word three or more times in one title is keyword stuffing (platforms demote it). */
export const titleKeywordStuffing: Rule<{ count: number }, 'listing', 'stuffing'> = {
  id: 'title-keyword-stuffing',
  sheetKinds: ['listing'],
  defaultSeverity: 'warning',
  description: msg('rule.title-keyword-stuffing.description'),
  options: (s) => z.object({ count: z.number().int().min(2).default(s.listing.stuffingCount) }).strict(),
  messages: { stuffing: msg('rule.title-keyword-stuffing.stuffing') },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title } = l;
        const s = stuffedWord(l.text, ctx.options.count);
        if (!s) return;
        const spans: Array<{ start: number; end: number }> = [];
        for (let i = title.indexOf(s.word); i >= 0; i = title.indexOf(s.word, i + s.word.length)) spans.push({ start: i, end: i + s.word.length });
        ctx.report({ row: row.row, field: 'title', messageId: 'stuffing', data: { ...s, marked: markTitle(title, spans) }, value: title, expected: localized('expected.fewer-times', { count: ctx.options.count }) });
      },
    };
  },
};
