import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { listingModel, markTitle } from '../domain/listing.js';
import { forbiddenChars } from '../domain/title.js';
import type { Rule } from './types.js';

const WHY = {
  control: msg('rule.title-forbidden-char.WHY.control'),
  angle: msg('rule.title-forbidden-char.WHY.angle'),
  emoji: msg('rule.title-forbidden-char.WHY.emoji'),
  invisible: msg('rule.title-forbidden-char.WHY.invisible'),
};

/** No tabs, line breaks, `<` `>` in titles; no emoji where the platform refuses them. */
export const titleForbiddenChar: Rule<Record<string, never>, 'listing', 'char'> = {
  id: 'title-forbidden-char',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-forbidden-char.description'),
  options: () => z.object({}).strict(),
  messages: { char: msg('rule.title-forbidden-char.char') },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title, profile } = l;
        for (const f of forbiddenChars(title, profile.noEmoji)) {
          const shown = f.why === 'control' || f.why === 'invisible' ? JSON.stringify(f.char) : f.char;
          ctx.report({ row: row.row, field: 'title', messageId: 'char', data: { why: WHY[f.why], marked: markTitle(title, [{ start: f.index, end: f.index + f.char.length }]) }, value: shown, expected: localized(profile.noEmoji ? 'expected.title-chars-emoji' : 'expected.title-chars') });
        }
      },
    };
  },
};
