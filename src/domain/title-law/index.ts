import type { Settings } from '../../config/settings.js';
import type { Severity } from '../severity.js';
import { WordMatcher } from '../matcher.js';
import { normalizeForMatch, type Normalized } from '../title.js';
import { lawfulUse } from './contexts.js';
import type { Family, LawEntry, ProductClass } from './types.js';
import { spellingsOf, type Generated } from './words/helpers.js';
import { MIXED, spoken, spokenForms } from './pinyin.js';
import { ABSOLUTE } from './words/absolute.js';
import { STATE, STATE_BODIES } from './words/state.js';
import { PROMOTION } from './words/promotion.js';
import { DISEASE, DISEASE_GENERATED, DISEASE_PATTERN } from './words/disease.js';
import { HEALTH_FUNCTION } from './words/health-function.js';
import { INFANT_FORMULA } from './words/infant-formula.js';
import { COSMETIC_MEDICAL } from './words/cosmetics.js';
import { GUARANTEE, TIME_GUARANTEE_PATTERN } from './words/guarantee.js';
import { ENDORSEMENT, ENDORSERS } from './words/endorsement.js';
import { PRICE } from './words/price.js';
import { OTHER_GOODS } from './words/other-goods.js';

export type { Family, LawEntry, ProductClass } from './types.js';
export { productClass } from './product-class.js';
export { BASES, type BasisId } from './bases.js';
import type { BasisId } from './bases.js';

/** Every word of the law, as data: each family in its own file under src/domain/title-law/words/. */
const NAMED: readonly LawEntry[] = [...ABSOLUTE, ...STATE, ...PROMOTION, ...DISEASE, ...HEALTH_FUNCTION, ...INFANT_FORMULA, ...COSMETIC_MEDICAL, ...GUARANTEE, ...ENDORSEMENT, ...PRICE, ...OTHER_GOODS];

/** The named entries, then the ones made from lists (a spelling already owned stays with its owner). */
function withGenerated(named: readonly LawEntry[], lists: readonly Generated[]): LawEntry[] {
  const out = [...named];
  const owned = new Set(named.flatMap(spellingsOf));
  for (const list of lists) for (const e of list(owned)) { out.push(e); for (const w of spellingsOf(e)) owned.add(w); }
  return out;
}

let madeEntries: readonly LawEntry[] | undefined;
/**
 * Every entry of the law, made when a title is first judged (the lists made from other lists take
 * a tenth of a second: a run of order exports, and each worker's start, does not pay for them).
 */
export function lawEntries(): readonly LawEntry[] {
  return (madeEntries ??= [...withGenerated(NAMED, [STATE_BODIES, ENDORSERS, DISEASE_GENERATED]), DISEASE_PATTERN.entry, TIME_GUARANTEE_PATTERN.entry]);
}

/** Claims found by their shape, not their words: a treatment of a disease no list names, an effect promised within a time. */
const PATTERNS = [DISEASE_PATTERN, TIME_GUARANTEE_PATTERN];
const PATTERN_ENTRIES = new Set(PATTERNS.map((p) => p.entry));

/** What a work's name may hold without making a claim (《糖尿病防治手册》, 世界上最伟大的推销员). */
const IN_WORKS = new Set<Family>(['absolute', 'state', 'honour', 'superstition', 'disease', 'health-function', 'infant-formula', 'cosmetic-medical']);

/** The families that speak of people's health (not of a farm's). */
const FOR_PEOPLE = new Set<Family>(['disease', 'health-function', 'infant-formula', 'cosmetic-medical']);

/** Plants have diseases too (防治白粉病): a garden's or a farm's 类目 has no treatment claims of the law. */
const PLANTS = /园艺|农资|农药|种子|花卉|绿植|多肉|苗木|植保|肥料/;

/** Which rule reports each family. */
export const RULE_OF_FAMILY: Record<Family, 'title-banned-word' | 'title-medical-claim' | 'title-endorsement' | 'title-price-claim'> = {
  absolute: 'title-banned-word', state: 'title-banned-word', honour: 'title-banned-word', promotion: 'title-banned-word', superstition: 'title-banned-word',
  disease: 'title-medical-claim', 'health-function': 'title-medical-claim', 'infant-formula': 'title-medical-claim', 'cosmetic-medical': 'title-medical-claim', guarantee: 'title-medical-claim',
  endorsement: 'title-endorsement', price: 'title-price-claim', education: 'title-banned-word', agri: 'title-banned-word', alcohol: 'title-banned-word',
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
  /** the basis of the finding: the entry's, or for a health function claimed on 保健食品 the list of approved functions */
  basis: BasisId;
  /** how many times the title writes it (a finding reports a word once) */
  count?: number;
  /** a use the law allows, said as a warning that explains (a specification, an officially granted title) */
  context?: 'spec' | 'granted';
}

type Hit = { entry: LawEntry } | { allow: true };

/** Books, films and music are works: their names are not claims (《世界上最伟大的推销员》, 《糖尿病治疗学》). */
const WORKS = /图书|书籍|音像|影视|电影|音乐|唱片|期刊|杂志|教材|教辅|绘本|小说|文学/;

/** Where a title names a work in 《》: nothing inside is a claim. */
function namedWorks(title: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of title.matchAll(/《[^《》]*》/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The basis a finding cites: the entry's own, but a health function on 保健食品 is judged by the
 * list of approved functions and 第十八条, not by the ordinary-food rule that forbids any.
 */
function basisOf(entry: LawEntry, cls: ProductClass): BasisId {
  return cls === 'health-food' && (entry.basis === 'food-38' || entry.basis === 'ad-17') ? 'health-food' : entry.basis;
}

/**
 * The automata by the words that make them (the config's banned and allowed words): a config read
 * again, or handed to a worker thread as a copy, finds the automaton already built (building it is
 * most of a second). A few configs at most are alive in one process.
 */
const matchers = new Map<string, WordMatcher<Hit>>();
const MATCHERS_KEPT = 4;

/** The word as matched: normalised the way titles are (half width, lower case, spacing out). */
const norm = (w: string) => normalizeForMatch(w).text;

/**
 * One automaton for every entry, its variants and every allow word (and the config's words),
 * built once per config: a title is searched once, whatever the number of words.
 */
function matcherFor(s: Settings['listing']): WordMatcher<Hit> {
  const key = JSON.stringify([s.bannedWords, s.allowedWords]);
  let m = matchers.get(key);
  if (!m) {
    const extra: LawEntry[] = s.bannedWords.map((word) => ({
      word, family: 'absolute', code: 'absolute-claim', basis: 'config', severity: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, yes: [], no: [],
    }));
    const entries = [...lawEntries(), ...extra];
    m = new WordMatcher<Hit>([
      ...entries.flatMap((entry) => [entry.word, ...(entry.variants ?? [])].map((w) => ({ pattern: norm(w), value: { entry } as Hit }))),
      ...[...entries.flatMap((e) => e.allow ?? []), ...s.allowedWords].map((w) => ({ pattern: norm(w), value: { allow: true } as Hit })),
    ]);
    if (matchers.size >= MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, m);
  }
  return m;
}

/** The families whose words are spelt in pinyin to dodge a check (the law's claims, not prices or promotions). */
const DODGED = new Set<Family>(['absolute', 'state', 'disease', 'health-function', 'infant-formula', 'cosmetic-medical', 'guarantee', 'endorsement']);
let spokenMatcher: WordMatcher<LawEntry> | undefined;

/** Every Chinese spelling of those families, in syllables (every reading of a polyphone), built when a title first mixes pinyin in. */
function spokenMatcherFor(): WordMatcher<LawEntry> {
  let m = spokenMatcher;
  if (!m) {
    const patterns: Array<{ pattern: string; value: LawEntry }> = [];
    for (const entry of lawEntries()) {
      if (!DODGED.has(entry.family)) continue;
      for (const w of spellingsOf(entry).map(norm)) if (/^[\u3400-\u9fff]{2,6}$/.test(w)) for (const f of spokenForms(w)) patterns.push({ pattern: f, value: entry });
    }
    m = new WordMatcher(patterns);
    spokenMatcher = m;
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
export function lawHits(title: string, normalized: Normalized, cls: ProductClass, s: Settings['listing'], category?: string): LawHit[] {
  const { text, map } = normalized;
  const out: LawHit[] = [];
  // a book's, a film's or a song's name is not a claim; a promise about an exam or a price still is
  const work = category !== undefined && WORKS.test(category);
  const named = namedWorks(title);
  const cat = category === undefined ? undefined : norm(category);
  /** The finding for an entry matched at [from, to) of the normalised text: a hit, 'lawful' (a lawful use or not for this product) or 'skip'. */
  const judge = (from: number, to: number, entry: LawEntry): LawHit | 'lawful' | 'skip' => {
    // a pesticide, a veterinary drug or a seed treats plant and animal diseases by law: the human claims are not its
    if (cls === 'agri' && FOR_PEOPLE.has(entry.family)) return 'skip';
    if (work && IN_WORKS.has(entry.family)) return 'skip';
    const severity = entry.severity[cls];
    if (!severity) return entry.lawfulCovers ? 'lawful' : 'skip';
    const use = lawfulUse(entry.lawful, { before: text.slice(0, from), from: text.slice(from), after: text.slice(to), word: text.slice(from, to), title: text, original: title, category: cat, cls });
    if (use === 'clean') return 'lawful';
    let start = map[from];
    let end = map[to - 1] + 1;
    // never half of a character outside the BMP (a medal read as 1: 第🥇)
    if (start > 0 && /[\udc00-\udfff]/.test(title[start])) start--;
    if (/[\ud800-\udbff]/.test(title[end - 1] ?? '')) end++;
    if (named.some(([a, b]) => start >= a && end <= b)) return 'lawful';
    // a rank goes on to its digits: TOP10 is reported as TOP10, not TOP1
    if (/\d$/.test(text.slice(from, to))) while (end < title.length && /[0-9０-９]/.test(title[end])) end++;
    const hit: LawHit = { word: title.slice(start, end), start, end, entry, severity: use ? 'warning' : severity, basis: basisOf(entry, cls) };
    if (use) hit.context = use;
    return hit;
  };
  // leftmost-longest among the words that apply to this product: a longer word that is lawful for
  // it (根治颈椎病 on a registered device) leaves the shorter one it holds (根治) to be judged
  const matches: Array<{ start: number; end: number; value: Hit }> = matcherFor(s).all(text);
  for (const p of PATTERNS) {
    if (p === DISEASE_PATTERN && cat !== undefined && PLANTS.test(cat)) continue;
    for (const m of text.matchAll(p.re)) matches.push({ start: m.index, end: m.index + m[0].length, value: { entry: p.entry } });
  }
  const byPattern = (m: { value: Hit }) => ('entry' in m.value && PATTERN_ENTRIES.has(m.value.entry) ? 1 : 0);
  const taken: Array<[number, number]> = [];
  let covered = 0;
  for (const m of matches.sort((a, b) => a.start - b.start || byPattern(a) - byPattern(b) || b.end - a.end)) {
    if (m.start < covered) continue;
    if ('allow' in m.value) { covered = m.end; taken.push([m.start, m.end]); continue; }
    const got = judge(m.start, m.end, m.value.entry);
    if (got === 'skip') continue;
    covered = m.end;
    taken.push([m.start, m.end]);
    if (got !== 'lawful') out.push(got);
  }
  // words part-spelt in pinyin (稳血tang, zui好用): read in syllables, kept where Latin letters were written
  if (MIXED.test(text)) {
    const sp = spoken(text);
    let upTo = 0;
    for (const m of spokenMatcherFor().all(sp.text).sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (m.start < upTo || !sp.latin.slice(m.start, m.end).some(Boolean)) continue;
      const from = sp.from[m.start];
      const to = sp.to[m.end - 1];
      if (taken.some(([a, b]) => from < b && a < to)) continue;
      const got = judge(from, to, m.value);
      if (got === 'skip') continue;
      upTo = m.end;
      if (got !== 'lawful') out.push(got);
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
