import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

const CATEGORY = {
  superlative: { zh: '最字类', en: 'superlative' }, 'first-unique': { zh: '第一/唯一类', en: 'first/unique' }, grade: { zh: '级/极类', en: 'grade' },
  'first-home-national': { zh: '首/领先类', en: 'first/leading' }, 'brand-prestige': { zh: '品牌夸大', en: 'brand prestige' },
  'absolute-claim': { zh: '绝对化/虚假承诺', en: 'absolute or false claim' }, authority: { zh: '国家机关/特供', en: 'state body or special supply' },
  inducement: { zh: '诱导/施压', en: 'inducement' }, urgency: { zh: '未写明期限的紧迫用语', en: 'urgency without a stated time' },
  superstition: { zh: '迷信', en: 'superstition' },
  'education-guarantee': { zh: '教育培训保证', en: 'education guarantee' }, 'agri-guarantee': { zh: '农药兽药种子保证', en: 'farm-input guarantee' }, alcohol: { zh: '酒类劝饮', en: 'urging to drink' },
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
export const titleBannedWord: Rule<Record<string, never>> = {
  id: 'title-banned-word',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题含广告法禁用词/极限词(最、第一、首屈一指、国家级、国宴、特供、驰名商标等)', en: 'Banned advertising words in the title (最, 第一, 首屈一指, 国家级, 国宴, 特供, 驰名商标 …)' },
  options: () => z.object({}).strict(),
  messages: {
    word: { zh: '标题含{category}禁用词“{word}”:{marked}。依据:{basis}{replace}', en: 'The title holds the {category} word "{word}": {marked}. Basis: {basis}{replace}' },
    spec: { zh: '标题中“{word}”是产品参数说明({marked}),可以使用,但须写明具体数值并与实际一致;不要写成对产品的夸耀。依据:{basis}', en: '"{word}" states a specification ({marked}): allowed when it gives the real value, not as praise of the product. Basis: {basis}' },
    granted: { zh: '标题中“{word}”是官方授予的称号({marked}),须真实并能出示认定文件;否则属于禁用词。依据:{basis}', en: '"{word}" is an officially granted title ({marked}): allowed only when true and provable by the grant. Basis: {basis}' },
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
