import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

const CATEGORY = {
  superlative: { zh: '最字类', en: 'superlative' }, 'first-unique': { zh: '第一/唯一类', en: 'first/unique' }, grade: { zh: '级/极类', en: 'grade' },
  'first-home-national': { zh: '首/家/国类', en: 'first/home/national' }, 'brand-prestige': { zh: '品牌夸大', en: 'brand prestige' },
  'absolute-claim': { zh: '绝对化/虚假承诺', en: 'absolute or false claim' }, authority: { zh: '权威/特供', en: 'authority claim' },
  inducement: { zh: '诱导/施压', en: 'inducement' }, urgency: { zh: '未写明期限的紧迫用语', en: 'urgency without a stated time' },
} as const;

/**
 * Banned advertising words (《广告法》第九条第(三)项, the SAMR 2023 guidance on absolute terms):
 * our list in src/rules/data/banned-words.ts, matched over normalised text so `最 佳` and `第*一`
 * are caught, with an allow-list for ordinary words (最近, 第一次, 一级能效 …). Each entry carries
 * its own severity: the finding takes the stricter of it and the rule's configured level.
 */
export const titleBannedWord: Rule<Record<string, never>> = {
  id: 'title-banned-word',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题含广告法禁用词/极限词(最、第一、国家级、100%、特供等)', en: 'Banned advertising words in the title (最, 第一, 国家级, 100%, 特供 …)' },
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
        for (const f of l.banned) {
          const w = wordFinding(l.title, f);
          ctx.report({
            row: row.row, field: 'title', messageId: f.context ?? 'word', severity: f.context ? 'warning' : f.entry.severity,
            data: { ...w.data, category: CATEGORY[f.entry.category] },
            value: w.value, expected: w.expected, suggestion: l.suggestion, reasons: f.context ? [f.entry.category, f.context] : [f.entry.category],
          });
        }
      },
    };
  },
};
