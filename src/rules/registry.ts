import { BUILTIN_RULES } from './builtin.js';
import { carrierChoice } from './carrier-choice.js';
import { etaBeforeShip } from './eta-before-ship.js';
import { freightFeeRule } from './freight-fee.js';
import { remoteSurchargeMissing } from './remote-surcharge-missing.js';
import { shipLate } from './ship-late.js';
import { trackingNumberFormat } from './tracking-number-format.js';
import { trackingStalled } from './tracking-stalled.js';
import { orderManualReview } from './order-manual-review.js';
import { selectionCandidateCount } from './selection-candidate-count.js';
import { selectionScoreMismatch } from './selection-score-mismatch.js';
import { selectionScoreRange } from './selection-score-range.js';
import { selectionVerdictMismatch } from './selection-verdict-mismatch.js';
import type { BuiltinRule, Rule } from './types.js';

/** Every rule, sorted by id. Adding a rule: a file in src/rules, a line here, a page in docs/rules. */
export const RULES: readonly Rule<any>[] = [
  carrierChoice,
  etaBeforeShip,
  freightFeeRule,
  orderManualReview,
  remoteSurchargeMissing,
  shipLate,
  trackingNumberFormat,
  trackingStalled,
  selectionCandidateCount,
  selectionScoreMismatch,
  selectionScoreRange,
  selectionVerdictMismatch,
].sort((a, b) => a.id.localeCompare(b.id));

export { BUILTIN_RULES };

export function findRule(id: string): Rule<any> | BuiltinRule | undefined {
  return RULES.find((r) => r.id === id) ?? BUILTIN_RULES.find((r) => r.id === id);
}
