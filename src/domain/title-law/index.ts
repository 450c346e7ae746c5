import type { Settings } from '../../config/settings.js';
import type { Severity } from '../severity.js';
import { WordMatcher } from '../matcher.js';
import { normalizeForMatch, type Normalized } from '../title.js';
import { lawfulUse } from './contexts.js';
import type { Family, LawEntry, ProductClass } from './types.js';
import { ABSOLUTE } from './words/absolute.js';
import { STATE } from './words/state.js';
import { PROMOTION } from './words/promotion.js';
import { DISEASE } from './words/disease.js';
import { HEALTH_FUNCTION } from './words/health-function.js';
import { INFANT_FORMULA } from './words/infant-formula.js';
import { COSMETIC_MEDICAL } from './words/cosmetics.js';
import { GUARANTEE } from './words/guarantee.js';
import { ENDORSEMENT } from './words/endorsement.js';
import { PRICE } from './words/price.js';

export type { Family, LawEntry, ProductClass } from './types.js';
export { productClass } from './product-class.js';
export { BASES, type BasisId } from './bases.js';

/** Every word of the law, as data: each family in its own file under src/domain/title-law/words/. */
export const LAW_ENTRIES: readonly LawEntry[] = [...ABSOLUTE, ...STATE, ...PROMOTION, ...DISEASE, ...HEALTH_FUNCTION, ...INFANT_FORMULA, ...COSMETIC_MEDICAL, ...GUARANTEE, ...ENDORSEMENT, ...PRICE];

/** Which rule reports each family. */
export const RULE_OF_FAMILY: Record<Family, 'title-banned-word' | 'title-medical-claim' | 'title-endorsement' | 'title-price-claim'> = {
  absolute: 'title-banned-word', state: 'title-banned-word', honour: 'title-banned-word', promotion: 'title-banned-word', superstition: 'title-banned-word',
  disease: 'title-medical-claim', 'health-function': 'title-medical-claim', 'infant-formula': 'title-medical-claim', 'cosmetic-medical': 'title-medical-claim', guarantee: 'title-medical-claim',
  endorsement: 'title-endorsement', price: 'title-price-claim',
};

/** One word of the law found in a title, where the law forbids it for this product. */
export interface LawHit {
  /** the word as the title writes it */
  word: string;
  /** where it stands in the original title */
  start: number;
  end: number;
  entry: LawEntry;
  severity: Severity;
  /** a use the law allows, said as a warning that explains (a specification, an officially granted title) */
  context?: 'spec' | 'granted';
}

type Hit = { entry: LawEntry } | { allow: true };

const matchers = new WeakMap<Settings['listing'], WordMatcher<Hit>>();

/** The word as matched: normalised the way titles are (half width, lower case, spacing out). */
const norm = (w: string) => normalizeForMatch(w).text;

/**
 * One automaton for every entry, its variants and every allow word (and the config's words),
 * built once per config: a title is searched once, whatever the number of words.
 */
function matcherFor(s: Settings['listing']): WordMatcher<Hit> {
  let m = matchers.get(s);
  if (!m) {
    const extra: LawEntry[] = s.bannedWords.map((word) => ({
      word, family: 'absolute', code: 'absolute-claim', basis: 'config', severity: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, yes: [], no: [],
    }));
    const entries = [...LAW_ENTRIES, ...extra];
    m = new WordMatcher<Hit>([
      ...entries.flatMap((entry) => [entry.word, ...(entry.variants ?? [])].map((w) => ({ pattern: norm(w), value: { entry } as Hit }))),
      ...[...entries.flatMap((e) => e.allow ?? []), ...s.allowedWords].map((w) => ({ pattern: norm(w), value: { allow: true } as Hit })),
    ]);
    matchers.set(s, m);
  }
  return m;
}

/**
 * The words of the law in a title, for a product of class `cls`: one pass over the normalised
 * title, leftmost-longest, so a word is matched as a word: a look-alike that holds it (第一次,
 * 万能胶, 治愈系, 统一级配) is listed with its entry and wins over it. Each word is kept where the
 * law forbids it for this product and no lawful use holds. (A dictionary segmenter was tried for
 * word boundaries: ICU splits shop titles too poorly to trust — 茶中之最 is 茶|中之|最.)
 */
export function lawHits(title: string, normalized: Normalized, cls: ProductClass, s: Settings['listing']): LawHit[] {
  const { text, map } = normalized;
  const out: LawHit[] = [];
  // leftmost-longest among the words that apply to this product: a longer word that is lawful for
  // it (根治颈椎病 on a registered device) leaves the shorter one it holds (根治) to be judged
  let covered = 0;
  for (const m of matcherFor(s).all(text).sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < covered) continue;
    if ('allow' in m.value) { covered = m.end; continue; }
    const entry = m.value.entry;
    const severity = entry.severity[cls];
    if (!severity) continue;
    const use = lawfulUse(entry.lawful, { before: text.slice(0, m.start), from: text.slice(m.start), after: text.slice(m.end), title: text, original: title });
    covered = m.end;
    if (use === 'clean') continue;
    const start = map[m.start];
    let end = map[m.end - 1] + 1;
    // a rank goes on to its digits: TOP10 is reported as TOP10, not TOP1
    if (/\d$/.test(entry.word)) while (end < title.length && /[0-9０-９]/.test(title[end])) end++;
    const hit: LawHit = { word: title.slice(start, end), start, end, entry, severity: use ? 'warning' : severity };
    if (use) hit.context = use;
    out.push(hit);
  }
  return out;
}
