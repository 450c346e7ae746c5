import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

/** What a product is, in the message: the rules differ by it. */
const PRODUCT = {
  medical: { zh: '医疗器械/药品', en: 'a medical product' }, 'health-food': { zh: '保健食品', en: 'a health food' }, 'infant-formula': { zh: '婴幼儿配方乳粉', en: 'an infant formula' },
  cosmetics: { zh: '化妆品', en: 'a cosmetic' }, food: { zh: '普通食品', en: 'a food' }, agri: { zh: '农药/兽药/饲料/种子', en: 'a farm input' }, general: { zh: '非药品、非医疗器械', en: 'a product that is neither a drug nor a device' },
} as const;

/** What the claim is. */
const WHAT = {
  disease: { zh: '疾病治疗用语', en: 'a disease or treatment claim' }, 'health-function': { zh: '保健功能声称', en: 'a health-function claim' },
  'infant-formula': { zh: '婴配乳粉禁用表述', en: 'a term infant formula may not use' }, 'cosmetic-medical': { zh: '医疗用语', en: 'a medical claim' },
  guarantee: { zh: '功效/安全保证', en: 'a guarantee of effect or safety' },
} as const;

/**
 * Medical and health claims, by what the product is (《广告法》第十六、十七、十八条; 《食品安全法》
 * and its Regulation 第三十八条; the infant-formula and cosmetics rules): disease and treatment
 * claims on anything that is not a drug or device (降血糖桑叶茶, 治失眠枕头, 防辐射孕妇装), health
 * functions on food that is not 保健食品 (增强免疫力, 减肥), 保健食品 beyond its approved functions
 * (抗癌), infant-formula terms (母乳化, 进口奶源), medical terms on cosmetics (医美级, 水光针同款,
 * 药妆, 祛疤), and guarantees (无效退款, 治愈率, 无副作用) on every product.
 */
export const titleMedicalClaim: Rule<Record<string, never>> = {
  id: 'title-medical-claim',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题含疾病治疗、保健功能、医疗用语或功效保证(按商品类别:普通食品、保健食品、婴配乳粉、化妆品、医疗器械等)', en: 'Disease, health-function or medical claims and guarantees in a title, by what the product is (food, health food, infant formula, cosmetics, devices …)' },
  options: () => z.object({}).strict(),
  messages: { claim: { zh: '{product}标题含{what}“{word}”:{marked}。依据:{basis}{replace}', en: 'The title of {product} holds {what} "{word}": {marked}. Basis: {basis}{replace}' } },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        for (const f of l.lawFor('title-medical-claim')) {
          const w = wordFinding(l.title, f);
          ctx.report({ row: row.row, field: 'title', messageId: 'claim', severity: f.severity, data: { ...w.data, product: PRODUCT[l.productClass], what: WHAT[f.entry.family as keyof typeof WHAT] }, value: w.value, expected: w.expected, suggestion: l.suggestion, reasons: [f.entry.code] });
        }
      },
    };
  },
};
