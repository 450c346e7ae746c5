import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

const CATEGORY = {
  superlative: msg('rule.title-banned-word.CATEGORY.superlative'), 'first-unique': msg('rule.title-banned-word.CATEGORY.first-unique'), grade: msg('rule.title-banned-word.CATEGORY.grade'),
  'first-home-national': msg('rule.title-banned-word.CATEGORY.first-home-national'), 'brand-prestige': msg('rule.title-banned-word.CATEGORY.brand-prestige'),
  'absolute-claim': msg('rule.title-banned-word.CATEGORY.absolute-claim'), authority: msg('rule.title-banned-word.CATEGORY.authority'),
  inducement: msg('rule.title-banned-word.CATEGORY.inducement'), urgency: msg('rule.title-banned-word.CATEGORY.urgency'),
  superstition: msg('rule.title-banned-word.CATEGORY.superstition'),
  'education-guarantee': msg('rule.title-banned-word.CATEGORY.education-guarantee'), 'agri-guarantee': msg('rule.title-banned-word.CATEGORY.agri-guarantee'), alcohol: msg('rule.title-banned-word.CATEGORY.alcohol'),
} as const;

/**
 * Words of 《广告法》第九条 and what stands beside it: absolute terms (第(三)项 and SAMR's 2023
 * guide: 最, 第一, 首屈一指, TOP1 …), state symbols and bodies (第(一)(二)项: 国家级, 国宴, 人民大会
 * 堂, 军工级, 特供), 驰名商标 (《商标法》第十四条), superstition (第(八)项) and pressure selling.
 * The words are data in src/domain/title-law/words/, each with its basis, the products it is
 * forbidden for and its lawful uses (最佳赏味期, 五常大米一级, 最大承重150kg, 本店最…); matched
 * once per title over normalised text, so `最 佳`, `第*一`, `頂級` are caught. Each entry carries
 * its own severity: the finding takes the stricter of it and the rule's configured level.
 */
export const titleBannedWord: Rule<Record<string, never>, 'listing', 'word' | 'spec' | 'granted'> = {
  id: 'title-banned-word',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-banned-word.description'),
  options: () => z.object({}).strict(),
  messages: {
    word: msg('rule.title-banned-word.word'),
    spec: msg('rule.title-banned-word.spec'),
    granted: msg('rule.title-banned-word.granted'),
  },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        for (const f of l.lawFor('title-banned-word')) {
          const w = wordFinding(l.title, f);
          const code = f.entry.code as keyof typeof CATEGORY;
          ctx.report({
            row: row.row, field: 'title', messageId: f.context ?? 'word', severity: f.severity,
            data: { ...w.data, category: CATEGORY[code] ?? CATEGORY['absolute-claim'] },
            value: w.value, expected: w.expected, suggestion: f.context ? undefined : l.suggestion, reasons: f.context ? [f.entry.code, f.context] : [f.entry.code],
          });
        }
      },
    };
  },
};
