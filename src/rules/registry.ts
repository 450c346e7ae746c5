import { BUILTIN_RULES } from './builtin.js';
import { trendDirection } from './trend-direction.js';
import { trendPeriod } from './trend-period.js';
import { trendRecency } from './trend-recency.js';
import { storeBestsellers } from './store-bestsellers.js';
import { storeFreightTemplate } from './store-freight-template.js';
import { storeQualifications } from './store-qualifications.js';
import { trendMetricCount } from './trend-metric-count.js';
import { competitorCount } from './competitor-count.js';
import { competitorPriceRange } from './competitor-price-range.js';
import { competitorChannelShare } from './competitor-channel-share.js';
import { competitorPriceOverlap } from './competitor-price-overlap.js';
import { keywordCompetitionRange } from './keyword-competition-range.js';
import { keywordSearchIndex } from './keyword-search-index.js';
import { storeColorHex } from './store-color-hex.js';
import { storePageModules } from './store-page-modules.js';
import { storeConfigItems } from './store-config-items.js';
import { campaignRoi } from './campaign-roi.js';
import { campaignBudgetSplit } from './campaign-budget-split.js';
import { campaignChannelShare } from './campaign-channel-share.js';
import { campaignPhases } from './campaign-phases.js';
import { campaignGoalQuantified } from './campaign-goal-quantified.js';
import { taskDates } from './task-dates.js';
import { taskOverdue } from './task-overdue.js';
import { taskStatus } from './task-status.js';
import { titleMaxLength } from './title-max-length.js';
import { titleMinLength } from './title-min-length.js';
import { titleForbiddenChar } from './title-forbidden-char.js';
import { titleBannedWord } from './title-banned-word.js';
import { titleMedicalClaim } from './title-medical-claim.js';
import { titleEndorsement } from './title-endorsement.js';
import { titlePriceClaim } from './title-price-claim.js';
import { titleKeywordPosition } from './title-keyword-position.js';
import { categoryPath } from './category-path.js';
import { titleKeywordStuffing } from './title-keyword-stuffing.js';
import { titleDuplicate } from './title-duplicate.js';
import { attributeCompleteness } from './attribute-completeness.js';
import { carrierChoice } from './carrier-choice.js';
import { etaBeforeShip } from './eta-before-ship.js';
import { freightFeeRule } from './freight-fee.js';
import { remoteSurchargeMissing } from './remote-surcharge-missing.js';
import { shipLate } from './ship-late.js';
import { trackingNumberFormat } from './tracking-number-format.js';
import { trackingStalled } from './tracking-stalled.js';
import { orderManualReview } from './order-manual-review.js';
import { orderStatusUnknown } from './order-status-unknown.js';
import { selectionCandidateCount } from './selection-candidate-count.js';
import { selectionScoreMismatch } from './selection-score-mismatch.js';
import { selectionScoreRange } from './selection-score-range.js';
import { selectionVerdictMismatch } from './selection-verdict-mismatch.js';
import { competitorAudienceSimilarity } from './competitor-audience-similarity.js';
import { orderSla } from './order-sla.js';
import { trackingUploadTime } from './tracking-upload-time.js';
import type { Rule } from './types.js';

/**
 * Every rule, in the order each sees a row: by id. Adding a rule: a file in src/rules, a line here, a
 * page in docs/rules (its text; the header is generated), its texts in each catalog. Sorted by code
 * unit, not `localeCompare`: ids are lowercase ASCII words joined by `-` and `/`, in the same order
 * either way (test/rules/registry-order.test.ts), and a collator made here was 15 ms of every worker's
 * start (ICU's collation loaded for this sort alone).
 */
export const RULES: readonly Rule<any>[] = [
  titleMaxLength,
  titleMinLength,
  titleForbiddenChar,
  titleBannedWord,
  titleMedicalClaim,
  titleEndorsement,
  titlePriceClaim,
  titleKeywordPosition,
  categoryPath,
  titleKeywordStuffing,
  titleDuplicate,
  attributeCompleteness,
  trendDirection,
  trendPeriod,
  trendRecency,
  storeBestsellers,
  storeFreightTemplate,
  storeQualifications,
  trendMetricCount,
  competitorCount,
  competitorPriceRange,
  competitorChannelShare,
  competitorPriceOverlap,
  competitorAudienceSimilarity,
  keywordCompetitionRange,
  keywordSearchIndex,
  storeColorHex,
  storePageModules,
  storeConfigItems,
  campaignRoi,
  campaignBudgetSplit,
  campaignChannelShare,
  campaignPhases,
  campaignGoalQuantified,
  taskDates,
  taskOverdue,
  taskStatus,
  carrierChoice,
  etaBeforeShip,
  freightFeeRule,
  orderManualReview,
  orderStatusUnknown,
  orderSla,
  remoteSurchargeMissing,
  shipLate,
  trackingNumberFormat,
  trackingStalled,
  trackingUploadTime,
  selectionCandidateCount,
  selectionScoreMismatch,
  selectionScoreRange,
  selectionVerdictMismatch,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export { BUILTIN_RULES };
