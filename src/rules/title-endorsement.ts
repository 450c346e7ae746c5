import { msg } from '../i18n/catalog.js';
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
export const titleEndorsement: Rule<Record<string, never>, 'listing', 'banned' | 'proof'> = {
  id: 'title-endorsement',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: msg('rule.title-endorsement.description'),
  options: () => z.object({}).strict(),
  messages: {
    banned: msg('rule.title-endorsement.banned'),
    proof: msg('rule.title-endorsement.proof'),
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
