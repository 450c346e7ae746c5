import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

/** What a product is, in the message: the rules differ by it. */
const PRODUCT = {
  medical: msg('rule.title-medical-claim.PRODUCT.medical'), 'health-food': msg('rule.title-medical-claim.PRODUCT.health-food'), 'infant-formula': msg('rule.title-medical-claim.PRODUCT.infant-formula'),
  cosmetics: msg('rule.title-medical-claim.PRODUCT.cosmetics'), food: msg('rule.title-medical-claim.PRODUCT.food'), agri: msg('rule.title-medical-claim.PRODUCT.agri'), general: msg('rule.title-medical-claim.PRODUCT.general'),
} as const;

/** What the claim is. */
const WHAT = {
  disease: msg('rule.title-medical-claim.WHAT.disease'), 'health-function': msg('rule.title-medical-claim.WHAT.health-function'),
  'infant-formula': msg('rule.title-medical-claim.WHAT.infant-formula'), 'cosmetic-medical': msg('rule.title-medical-claim.WHAT.cosmetic-medical'),
  guarantee: msg('rule.title-medical-claim.WHAT.guarantee'),
} as const;

/**
 * Medical and health claims, by what the product is (《广告法》第十六、十七、十八条; 《食品安全法》
 * and its Regulation 第三十八条; the infant-formula and cosmetics rules): disease and treatment
 * claims on anything that is not a drug or device (降血糖桑叶茶, 治失眠枕头, 防辐射孕妇装), health
 * functions on food that is not 保健食品 (增强免疫力, 减肥), 保健食品 beyond its approved functions
 * (抗癌), infant-formula terms (母乳化, 进口奶源), medical terms on cosmetics (医美级, 水光针同款,
 * 药妆, 祛疤), and guarantees (无效退款, 治愈率, 无副作用) on every product.
 */
export const titleMedicalClaim: Rule<Record<string, never>, 'listing', 'claim'> = {
  id: 'title-medical-claim',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-medical-claim.description'),
  options: () => z.object({}).strict(),
  messages: { claim: msg('rule.title-medical-claim.claim') },
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
