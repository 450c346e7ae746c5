import { z } from 'zod';
import { localized } from '../i18n/catalog.js';
import { listingModel, markTitle } from '../domain/listing.js';
import { forbiddenChars } from '../domain/title.js';
import type { Rule } from './types.js';

const WHY = {
  control: { zh: '制表符、换行等控制字符', en: 'a tab, line break or other control character' },
  angle: { zh: '尖括号 < >', en: 'an angle bracket < >' },
  emoji: { zh: '表情符号', en: 'an emoji' },
  invisible: { zh: '看不见的零宽字符(可能藏着被拆开的词)', en: 'an invisible zero-width character (it may hide a word split in two)' },
};

/** No tabs, line breaks, `<` `>` in titles; no emoji where the platform refuses them. */
export const titleForbiddenChar: Rule<Record<string, never>> = {
  id: 'title-forbidden-char',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题含禁用字符(制表符、换行、< >,以及平台不允许的表情符号)', en: 'Forbidden characters in the title (tabs, line breaks, < >, emoji where banned)' },
  options: () => z.object({}).strict(),
  messages: { char: { zh: '标题含{why}:{marked}', en: 'The title holds {why}: {marked}' } },
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
