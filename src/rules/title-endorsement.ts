import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

/**
 * Endorsements in a title (《广告法》第十六条第(四)项, 第十八条第(五)项, 第三十八条; the 2019
 * measure on health ads; the cosmetics labelling rules): drugs, devices, 保健食品, infant formula
 * and cosmetics may not use experts, doctors, patients, institutions or endorsers (专家推荐, 医生推荐,
 * 院士); food may not use doctors. Elsewhere an endorsement must be true: a warning that says what
 * to keep.
 */
export const titleEndorsement: Rule<Record<string, never>> = {
  id: 'title-endorsement',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '标题含推荐、证明用语(专家推荐、医生推荐、院士、权威):医疗、保健、化妆品禁止,其他商品须真实', en: 'Endorsements in a title (专家推荐, 医生推荐, 院士, 权威): forbidden for medical, health and cosmetic products, true elsewhere' },
  options: () => z.object({}).strict(),
  messages: {
    banned: { zh: '标题含推荐、证明用语“{word}”:{marked}。这类商品不得利用专家、医生、患者或代言人作推荐、证明。依据:{basis}{replace}', en: 'The title holds the endorsement "{word}": {marked}. This kind of product may not be recommended by experts, doctors, patients or endorsers. Basis: {basis}{replace}' },
    proof: { zh: '标题含推荐、证明用语“{word}”:{marked}。{proof}依据:{basis}', en: 'The title holds the endorsement "{word}": {marked}. {proof}Basis: {basis}' },
  },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        for (const f of l.lawFor('title-endorsement')) {
          const w = wordFinding(l.title, f);
          ctx.report({ row: row.row, field: 'title', messageId: f.severity === 'error' ? 'banned' : 'proof', severity: f.severity, data: w.data, value: w.value, expected: w.expected, suggestion: l.suggestion, reasons: [f.entry.code] });
        }
      },
    };
  },
};
