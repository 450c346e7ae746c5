import type { Settings } from '../config/settings.js';
import { localized } from '../i18n/catalog.js';
import { BANNED_WORDS, SOFTENED, TIME_STATED, type BannedWord } from './data/banned-words.js';
import { COSMETIC_CATEGORY, COSMETIC_PRODUCT, MEDICAL_CLAIMS, type MedicalClaim } from './data/medical-claims.js';
import { platformOf, SOP_PROFILE, type PlatformProfile } from './platforms.js';
import { WordMatcher, type Match } from './matcher.js';
import type { Localized } from '../i18n/format.js';
import { rowModel, type ModelEnv } from './row-model.js';
import { cutAtWord, graphemes, normalizeForMatch, wordStarts, type Normalized, type WordStarts } from './title.js';

/** The platform a listing row is judged by: its 平台 cell, else the flag/config, else the SOP's ≤30个汉字. */
export function profileFor(cell: string | undefined, configured: string | undefined, settings: Settings['listing']): PlatformProfile {
  const base = platformOf(cell) ?? platformOf(configured) ?? SOP_PROFILE;
  const own = settings.platforms[base.id];
  const sopMax = settings.titleMaxHanzi * 2;
  const max = own?.max ?? (base.id === 'sop' ? sopMax : base.max);
  return { ...base, min: own?.min ?? base.min, max, noEmoji: own?.noEmoji ?? base.noEmoji };
}

export type WordHit =
  | { kind: 'banned'; entry: BannedWord }
  | { kind: 'medical'; entry: MedicalClaim }
  | { kind: 'allow' };

export interface Found<T> {
  word: string;
  start: number;
  end: number;
  entry: T;
  /** a use the law allows, said as a warning that explains (a specification, an official title) */
  context?: 'spec' | 'granted';
}

const matchers = new WeakMap<Settings['listing'], { banned: WordMatcher<WordHit>; medical: WordMatcher<WordHit> }>();

/** One automaton for the banned words with their allow-lists, one for medical claims; built once per config. */
function matchersFor(s: Settings['listing']) {
  let m = matchers.get(s);
  if (!m) {
    const norm = (w: string) => normalizeForMatch(w).text;
    const extra: BannedWord[] = s.bannedWords.map((word) => ({ word, category: 'absolute-claim', severity: 'error', basis: 'ecsop.config.json: sop.listing.bannedWords', cases: [] }));
    const banned = [...BANNED_WORDS, ...extra];
    const allow = [...banned.flatMap((e) => e.allow ?? []), ...s.allowedWords];
    m = {
      banned: new WordMatcher<WordHit>([
        ...banned.map((entry) => ({ pattern: norm(entry.word), value: { kind: 'banned', entry } as WordHit })),
        ...allow.map((w) => ({ pattern: norm(w), value: { kind: 'allow' } as WordHit })),
      ]),
      medical: new WordMatcher<WordHit>([
        ...MEDICAL_CLAIMS.map((entry) => ({ pattern: norm(entry.word), value: { kind: 'medical', entry } as WordHit })),
        ...MEDICAL_CLAIMS.flatMap((e) => e.allow ?? []).map((w) => ({ pattern: norm(w), value: { kind: 'allow' } as WordHit })),
      ]),
    };
    matchers.set(s, m);
  }
  return m;
}

/**
 * A title as the word rules read it — normalised for matching, split into words — each worked
 * out once, when first asked for (a row's listing view holds one for all its title rules).
 */
export class TitleText {
  private norm?: Normalized;
  private segments?: WordStarts;

  constructor(readonly title: string) {}

  get normalized(): Normalized {
    return (this.norm ??= normalizeForMatch(this.title));
  }

  get words(): WordStarts {
    return (this.segments ??= wordStarts(this.title));
  }
}

const textOf = (t: string | TitleText) => (typeof t === 'string' ? new TitleText(t) : t);

/** Matches on normalised text, mapped back to the original title. */
function mapBack(matches: Array<Match<WordHit>>, map: number[]): Array<{ start: number; end: number; hit: WordHit }> {
  return matches.map((m) => ({ start: map[m.start], end: map[m.end - 1] + 1, hit: m.value }));
}

/** Banned advertising words in a title, evasions (`最 佳`, `第*一`) included, positions in the original. */
export function bannedWordsIn(of: string | TitleText, s: Settings['listing']): Array<Found<BannedWord>> {
  const t = textOf(of);
  const { title } = t;
  const { text, map } = t.normalized;
  const timeStated = TIME_STATED.test(title);
  const found = mapBack(matchersFor(s).banned.find(text), map)
    .filter((m): m is typeof m & { hit: { kind: 'banned'; entry: BannedWord } } => m.hit.kind === 'banned')
    .filter((m) => !(m.hit.entry.unlessTimeStated && timeStated));
  if (!found.length) return [];
  const segments = t.words;
  const out: Array<Found<BannedWord>> = [];
  for (const m of found) {
    // a match that begins inside a longer word straddles two words (统一|级配 is not 一级)
    if (m.hit.entry.word.length >= 2 && segments.inside(m.start)) continue;
    let end = m.end;
    // a rank goes on to its digits: TOP10 is reported as TOP10, not TOP1
    if (/\d$/.test(m.hit.entry.word)) while (end < title.length && /[0-9０-９]/.test(title[end])) end++;
    const f: Found<BannedWord> = { word: title.slice(m.start, end), start: m.start, end, entry: m.hit.entry };
    const soft = SOFTENED.find((x) => x.words.includes(m.hit.entry.word) && x.pattern.test(title.slice(m.start)));
    if (soft) f.context = soft.context;
    out.push(f);
  }
  return out;
}

/** Medical claims in a title (for cosmetics). */
export function medicalClaimsIn(of: string | TitleText, s: Settings['listing']): Array<Found<MedicalClaim>> {
  const t = textOf(of);
  const { title } = t;
  const { text, map } = t.normalized;
  const found = mapBack(matchersFor(s).medical.find(text), map)
    .filter((m): m is typeof m & { hit: { kind: 'medical'; entry: MedicalClaim } } => m.hit.kind === 'medical');
  if (!found.length) return [];
  const segments = t.words;
  return found
    .filter((m) => !(m.hit.entry.word.length >= 2 && segments.inside(m.start)))
    .map((m) => ({ word: title.slice(m.start, m.end), start: m.start, end: m.end, entry: m.hit.entry }));
}

/**
 * Whether the listing is a cosmetic's: decided by its 类目 when there is one (美发护发, 身体护理,
 * 口腔护理 … are cosmetics too), else by the product words of the title (面膜, 洗发水, 沐浴露 …).
 */
export function isCosmetic(category: string | undefined, title = ''): boolean {
  if (category && category.trim()) return COSMETIC_CATEGORY.test(category);
  return COSMETIC_PRODUCT.test(title);
}

/** The title with the parts marked: `敏感肌修护面膜…【医美级】补水…`. */
export function markTitle(title: string, spans: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${title.slice(at, s.start)}【${title.slice(s.start, s.end)}】`;
    at = s.end;
  }
  return out + title.slice(at);
}

/** What is left attached to a removed word and means nothing alone: 全网最低|价 → 价. */
const DANGLING = /^(?:价|款|级|版|系列|之|的)/;

/**
 * A suggested title: banned words and medical claims replaced (where a replacement exists) or
 * removed with what hangs on them (全网最低价 loses 价 too), forbidden characters dropped, spaces
 * tidied, then cut at a word boundary to the platform's maximum. Undefined when nothing usable
 * is left (never an empty title).
 */
export function suggestTitle(title: string, category: string | undefined, profile: PlatformProfile, s: Settings['listing'], found?: { banned: Array<Found<BannedWord>>; medical: Array<Found<MedicalClaim>> }): string | undefined {
  const banned = found?.banned ?? bannedWordsIn(title, s);
  const medical = found?.medical ?? (isCosmetic(category, title) ? medicalClaimsIn(title, s) : []);
  const spans: Array<{ start: number; end: number; replacement: string }> = [
    ...banned.filter((f) => f.entry.severity !== 'info' && !f.context).map((f) => ({ start: f.start, end: f.end, replacement: f.entry.replacement ?? '' })),
    ...medical.map((f) => ({ start: f.start, end: f.end, replacement: f.entry.replacement ?? '' })),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.start < at) continue;
    out += title.slice(at, sp.start) + sp.replacement;
    at = sp.end;
    if (!sp.replacement) {
      const rest = title.slice(at);
      const hang = DANGLING.exec(rest);
      if (hang) at += hang[0].length;
    }
  }
  out += title.slice(at);
  out = out.replace(/[\u0000-\u001f\u007f<>＜＞]/g, '');
  if (profile.noEmoji) out = graphemes(out).filter((g) => !/\p{Extended_Pictographic}/u.test(g)).join('');
  // spaces tidied; a lone character left between spaces (优选面膜 价 抢购) goes
  out = out.replace(/[\s\u3000]+/g, ' ').split(' ').filter((w, _i, all) => !(all.length > 1 && w.length === 1 && /[\u4e00-\u9fa5]/.test(w))).join(' ').trim();
  out = out.replace(/^[,，、/|+\-·\s]+|[,，、/|+\-·\s]+$/g, '');
  const cut = cutAtWord(out, profile.max);
  return graphemes(cut).length >= 2 ? cut : undefined;
}

/** Where the keyword starts in the title, counted in characters (graphemes); -1 when absent. */
export function keywordPosition(of: string | TitleText, keyword: string): number {
  const text = textOf(of);
  const { title } = text;
  const t = text.normalized;
  const k = normalizeForMatch(keyword).text;
  if (!k) return -1;
  const at = t.text.indexOf(k);
  if (at < 0) return -1;
  return graphemes(title.slice(0, t.map[at])).length;
}

/** Splits a 核心关键词 cell that names several words: `敏感肌、修护面膜`. */
export function keywordsOf(cell: string): string[] {
  return cell.split(/[、,,;;/|]/).map((k) => k.trim()).filter(Boolean);
}

/** The most repeated word (2–4 characters of text, or an ASCII word) appearing `min`+ times. */
export function stuffedWord(of: string | TitleText, min: number): { word: string; count: number } | undefined {
  const { text } = textOf(of).normalized;
  let best: { word: string; count: number } | undefined;
  const consider = (word: string) => {
    let count = 0;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count += 1;
    if (count >= min && (!best || word.length > best.word.length || (word.length === best.word.length && count > best.count))) best = { word, count };
  };
  // where each character starts (a character outside the BMP is two code units)
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    at.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { const d = text.charCodeAt(i + 1); if (d >= 0xdc00 && d <= 0xdfff) i++; }
  }
  at.push(text.length);
  const chars = at.length - 1;
  for (let len = 2; len <= 4; len++) {
    // every word of `len` characters, with how often it stands (overlaps counted: an upper bound),
    // in the order first seen; only those that can reach `min` are counted properly
    const seen = new Map<string, number>();
    for (let i = 0; i + len <= chars; i++) {
      const w = text.slice(at[i], at[i + len]);
      seen.set(w, (seen.get(w) ?? 0) + 1);
    }
    for (const [w, n] of seen) if (n >= min && !/^[\d%]+$/.test(w)) consider(w);
  }
  for (const w of new Set(text.match(/[a-z]{2,}/g) ?? [])) consider(w);
  return best;
}

/**
 * What every title rule starts from: the title, its platform's profile and the category, and
 * — worked out once per row, whichever rule asks first — the banned words, the medical claims
 * (cosmetics only) and the suggested title.
 */
export class ListingView {
  private bannedFound?: Array<Found<BannedWord>>;
  private medicalFound?: Array<Found<MedicalClaim>>;
  private suggested?: string | null;
  /** the title normalised and split into words, once for every title rule */
  readonly text: TitleText;

  constructor(readonly title: string, readonly profile: PlatformProfile, readonly category: string | undefined, private readonly settings: Settings['listing']) {
    this.text = new TitleText(title);
  }

  get banned(): Array<Found<BannedWord>> {
    return (this.bannedFound ??= bannedWordsIn(this.text, this.settings));
  }

  get medical(): Array<Found<MedicalClaim>> {
    return (this.medicalFound ??= isCosmetic(this.category, this.title) ? medicalClaimsIn(this.text, this.settings) : []);
  }

  /** The title with banned words and claims replaced or removed, within the platform's maximum; undefined when nothing usable is left. */
  get suggestion(): string | undefined {
    if (this.suggested === undefined) this.suggested = suggestTitle(this.title, this.category, this.profile, this.settings, this) ?? null;
    return this.suggested ?? undefined;
  }
}

/** The listing view of a row (undefined when the row has no title): the title rules and `lint` share it. */
export const listingModel = rowModel<ListingView | undefined>('listing', (row, env: ModelEnv) => {
  const title = row.cells.get('title')?.text;
  if (!title) return undefined;
  const s = env.settings.listing;
  return new ListingView(title, profileFor(row.cells.get('platform')?.text, env.platform, s), row.cells.get('category')?.text ?? env.category, s);
});

/** What a finding says about one found word: the title marked, the basis, the replacement. */
export function wordFinding(title: string, f: Found<{ basis: string; replacement?: string }>): { data: Record<string, unknown>; value: string; expected: string } {
  const r = f.entry.replacement;
  const replace: Localized = r ? localized('piece.use-instead', { word: r }) : localized('piece.remove-it');
  return { data: { word: f.word, marked: markTitle(title, [f]), basis: f.entry.basis, replace }, value: f.word, expected: r ?? '' };
}
