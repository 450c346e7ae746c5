import { hasValue } from '../cells/parse.js';
import type { Settings } from '../config/settings.js';
import { localized, t } from '../i18n/catalog.js';
import { platformOf, SOP_PROFILE, type PlatformProfile } from './platforms.js';
import { inEvery, type Localized } from '../i18n/format.js';
import { rowModel, type ModelEnv } from './row-model.js';
import { BASES, lawHits, productClass, RULE_OF_FAMILY, type LawHit, type ProductClass } from './title-law/index.js';
import { cutAtWord, graphemes, normalizeForMatch, platformLength, wordStarts, type Normalized, type WordStarts } from './title.js';

export type { LawHit, ProductClass };

/** The platform a listing row is judged by: its 平台 cell, else the flag/config, else the SOP's ≤30个汉字. */
export function profileFor(cell: string | undefined, configured: string | undefined, settings: Settings['listing']): PlatformProfile {
  const base = platformOf(cell) ?? platformOf(configured) ?? SOP_PROFILE;
  const own = settings.platforms[base.id];
  const sopMax = settings.titleMaxHanzi * 2;
  const max = own?.max ?? (base.id === 'sop' ? sopMax : base.max);
  return { ...base, min: own?.min ?? base.min, max, noEmoji: own?.noEmoji ?? base.noEmoji };
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

/**
 * The words of the law in a title (advertising-law absolutes, state bodies, health and medical
 * claims, endorsements, price claims), for the product its 类目 (or, without one, its title) says
 * it is. One pass over the title for every word.
 */
export function lawWordsIn(of: string | TitleText, category: string | undefined, s: Settings['listing']): LawHit[] {
  const t = textOf(of);
  return lawHits(t.title, t.normalized, productClass(category, t.title), s, category);
}

/** A title longer than this is shown around its marks only: a finding quotes what it is about, not a 20,000-character cell. */
const MARK_WHOLE = 100;
const AROUND = 20;

/** The title with the parts marked: `敏感肌修护面膜…【医美级】补水…`; a long title shown around its marks, with … for the rest. */
export function markTitle(title: string, spans: Array<{ start: number; end: number }>): string {
  const long = title.length > MARK_WHOLE;
  const piece = (from: number, to: number, edge: 'start' | 'middle' | 'end') => {
    const t = title.slice(from, to);
    if (!long || t.length <= AROUND * 2) return t;
    return edge === 'start' ? `…${t.slice(-AROUND)}` : edge === 'end' ? `${t.slice(0, AROUND)}…` : `${t.slice(0, AROUND)}…${t.slice(-AROUND)}`;
  };
  const inside = (t: string) => (long && t.length > AROUND * 2 ? `${t.slice(0, AROUND)}…` : t);
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${piece(at, s.start, at === 0 ? 'start' : 'middle')}【${inside(title.slice(s.start, s.end))}】`;
    at = s.end;
  }
  return out + piece(at, title.length, 'end');
}

/** What stands between words of a title: spaces, punctuation, brackets, the title's ends. */
const SEPARATOR = /[\s\u3000,，、。.;；:：!！?？/|+＋\-—_·•・･‧∙⋅~～*＊#＃【】\[\]()（）「」『』《》<>＜＞"“”'‘’]/u;
const LATIN_WORD = /^[a-z0-9.#＃\s-]+$/i;
const CJK = /[\u3400-\u9fff]/;

/**
 * Whether a found word stands alone: a separator or the title's end on each side. A ranking word
 * in Latin letters also stands alone between Chinese characters (热销|TOP10|精华液); a Chinese word
 * never does against digits (原价399, 月瘦20斤: the number is its).
 */
function alone(f: LawHit, title: string): boolean {
  const rank = LATIN_WORD.test(f.word) && (f.entry.code === 'first-unique' || f.entry.code === 'superlative');
  const side = (beside: string | undefined) => beside === undefined || SEPARATOR.test(beside) || (rank && CJK.test(beside));
  return side(title[f.start - 1]) && side(title[f.end]);
}

/**
 * A tag that qualifies the words around it and can be cut from the middle of a run of
 * characters (敏感肌修护面膜…泛醇【医美级】补水, 熬夜【急救】贴片, 【顶级】大红袍, 补水【之王】面膜):
 * the entry says so, or it is a superlative, grade or prestige word, or an X级. A claim (护肝,
 * 除螨, 接近母乳), a rank (第一名), a negation (永不) or a price (原价399) leans on its neighbours.
 */
const TAG_CODES = new Set(['superlative', 'grade', 'brand-prestige', 'first-home-national']);
const detachable = (f: LawHit) => f.entry.detachable ?? ((f.entry.family === 'absolute' && TAG_CODES.has(f.entry.code)) || /[级級]$/.test(f.word));

/** What a cut from inside a run must not leave: a suffix that was the word's (奢侈品|级, 终极|版, 领先|的) … */
const LEFT_BOUND = /^[级級版款之的地得性化界者式型名]/;
/** … a particle that led to it (猫砂中的|王者, 辣条界的|天花板) … */
const RIGHT_BOUND = /[的之在中是界]$/;
/** … or the domain of a superlative with nothing left to say of it (价格|全网最低, 行业|领导品牌, 销量|No.1, 国际领先|水平). */
const DOMAIN_BEFORE = /(?:中国|全市|全省|全城|同城|本地|行业|业界|全球|全网|全国|价格|销量|世界|国内|国际|业内|同类|同行|类目|品类|市场|音质|画质|性能|口感|品质|质量|效果|吸力|续航|颜值|人气|口碑|素质|同价位|同级)$/;
const DOMAIN_AFTER = /^(?:水平|地位|品质|品牌|技术|之作)/;

/** A cut inside a run that leaves no piece of the word, no number, particle or bare domain behind. */
function cleanCut(title: string, f: LawHit): boolean {
  const before = beforeAt(title, f.start);
  const after = title.slice(f.end);
  return !/^[0-9０-９%％]/.test(after) && !/[0-9０-９]$/.test(before) && !LEFT_BOUND.test(after) && !RIGHT_BOUND.test(before) && !DOMAIN_BEFORE.test(before) && !DOMAIN_AFTER.test(after);
}

/**
 * The few characters before `at`: what the `…$` patterns above look at (their longest word is three
 * characters). A pattern tried on all of a long title before each word of it is a scan of the title
 * per word: minutes for a title of 70,000 characters.
 */
function beforeAt(title: string, at: number): string {
  return title.slice(Math.max(0, at - 8), at);
}

/** How many characters of a run there are from `from` on, up to a separator or the end, counted up to `cap` (what the callers compare with). */
function runLength(title: string, from: number, step: 1 | -1, cap: number): number {
  let n = 0;
  for (let i = from; n < cap && i >= 0 && i < title.length && !SEPARATOR.test(title[i]); i += step) n++;
  return n;
}

/** Each side of a cut inside a run keeps a word of two characters or more up to the next space, cut or end (护肝|片|解酒 leaves 片: no). */
function wholeAround(title: string, sp: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  const side = (from: number, step: 1 | -1) => {
    let n = 0;
    // up to two: all that is asked
    for (let i = from; n < 2 && i >= 0 && i < title.length && !SEPARATOR.test(title[i]) && !spans.some((o) => o !== sp && i >= o.start && i < o.end); i += step) n++;
    return n === 0 || n >= 2;
  };
  return side(sp.start - 1, -1) && side(sp.end, 1);
}

/** An English word that means nothing without the one after it (the best香水 → the 香水). */
const LEANS_ON_NEXT = /(?:^|[^a-z])(?:the|a|an|so|very|most|our|my|your|no|top)\s*$/i;

/** Whether the text so far ends in such a word: its last few characters looked at (the whole of a long title each time is a scan per word). */
function leansOnNext(out: string): boolean {
  const text = out.trimEnd();
  // the longest word is four letters and the letter before it one more: eight is room enough
  return LEANS_ON_NEXT.test(text.length > 8 ? text.slice(-8) : text);
}

/**
 * A suggested title, given only when it is sure. A word is taken out where removing it cannot
 * break what is around it: a 最-word that keeps the word after it (最好用 → 好用, 最强吸力 →
 * 强吸力); a word that stands alone between spaces or punctuation (`面膜 治失眠 补水` → `面膜
 * 补水`); a tag cut from a run (泛醇【医美级】补水) that leaves whole words of two characters or
 * more on each side and no piece of itself, number, particle or bare domain (价格|全网最低). A claim
 * inside a run (艾草足浴包治脚气泡脚) is never cut: the remains could read wrong or mean the opposite
 * (永不褪色 → 褪色), and the finding says what to remove instead. The result must then read clean
 * by the law for this product and for food (so a bare disease name or a state body left behind
 * stops it), keep no character joined to its double, and fit the platform's minimum and maximum.
 */
export function suggestTitle(title: string, category: string | undefined, profile: PlatformProfile, s: Settings['listing'], found?: readonly LawHit[]): string | undefined {
  const hits = (found ?? lawWordsIn(title, category, s)).filter((f) => !f.context);
  if (!hits.length) return undefined;
  const spans: Array<{ start: number; end: number; inside?: true }> = [];
  for (const f of hits) {
    const spaced = [...title.slice(f.start, f.end)].some((c) => SEPARATOR.test(c));
    if (f.entry.removeFirst && (spaced || !alone(f, title))) {
      // 最 and the spacing after it (最 好 用 → 好 用): a spaced-out word keeps the rest joined to what follows
      let end = f.start + f.entry.removeFirst;
      while (end < f.end && SEPARATOR.test(title[end])) end++;
      if (DOMAIN_BEFORE.test(beforeAt(title, f.start)) || (!spaced && runLength(title, f.start - 1, -1, 2) + runLength(title, end, 1, 2) < 2)) return undefined;
      spans.push({ start: f.start, end });
    } else if (alone(f, title)) {
      if (CJK.test(title[f.start - 1] ?? '') && DOMAIN_BEFORE.test(beforeAt(title, f.start))) return undefined;
      spans.push({ start: f.start, end: f.end });
    }
    else if (detachable(f) && cleanCut(title, f)) spans.push({ start: f.start, end: f.end, inside: true });
    else return undefined;
  }
  if (!spans.every((sp) => !sp.inside || wholeAround(title, sp, spans))) return undefined;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.start < at) continue;
    out += title.slice(at, sp.start);
    if (leansOnNext(out)) return undefined;
    at = sp.end;
    // what named the removed word's kind is left with nothing to name (水光针 同款 → 同款)
    if (/^[\s\u3000]*(?:同款|专用|级|系列|之选)/.test(title.slice(at))) return undefined;
    const next = title.slice(at, at + 1);
    if (next && out.endsWith(next) && /[\u4e00-\u9fff]/.test(next)) return undefined;
  }
  out += title.slice(at);
  out = out.replace(/[\u0000-\u001f\u007f<>＜＞\u200b-\u200d\u2060\ufeff]/g, '');
  if (profile.noEmoji) out = graphemes(out).filter((g) => !/\p{Extended_Pictographic}/u.test(g)).join('');
  out = out.replace(/[\s\u3000]+/g, ' ').trim();
  out = out.replace(/^[,，、/|+\-·\s【】()（）]+|[,，、/|+\-·\s【】()（）]+$/g, '').replace(/【\s*】|\(\s*\)|（\s*）/g, '').replace(/[\s\u3000]+/g, ' ').trim();
  const cut = cutAtWord(out, profile.max);
  if (graphemes(cut).length < 2 || platformLength(cut) < profile.min) return undefined;
  // most of the title gone is not a rewrite but a different title (保健食品 降血压 根治高血压 不反弹 → 保健食品)
  const solid = (t: string) => t.replace(/[\s\u3000]/g, '').length;
  if (!/\s/.test(out) && solid(out) * 5 < solid(title) * 2) return undefined;
  // sure only when it reads clean by the same law, here and for food (the strictest for what is left of a claim)
  const cls = productClass(category, title);
  const t = new TitleText(cut);
  for (const c of cls === 'food' ? [cls] : [cls, 'food' as const]) if (lawHits(cut, t.normalized, c, s, category).some((f) => !f.context)) return undefined;
  return cut;
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
  return cell.split(/[、,,;;/|]/).map((k) => k.trim()).filter(Boolean).slice(0, MAX_KEYWORDS);
}

/**
 * The keywords of a cell that are looked at: a 核心关键词 cell names a few; a cell of thousands (a pasted
 * word list) would make a finding of each, every one carrying the whole title (a 62 KB workbook, a 251 MB report).
 */
export const MAX_KEYWORDS = 20;

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
 * — worked out once per row, whichever rule asks first — the words of the law (one pass for the
 * four word rules) and the suggested title.
 */
export class ListingView {
  private hits?: LawHit[];
  private suggested?: string | null;
  /** the title normalised and split into words, once for every title rule */
  readonly text: TitleText;

  constructor(readonly title: string, readonly profile: PlatformProfile, readonly category: string | undefined, private readonly settings: Settings['listing']) {
    this.text = new TitleText(title);
  }

  /** what the product is, for the law of its title */
  get productClass(): ProductClass {
    return productClass(this.category, this.title);
  }

  /** every word of the law found in the title, for this product */
  get law(): LawHit[] {
    return (this.hits ??= lawWordsIn(this.text, this.category, this.settings));
  }

  /** the words one rule reports: a word written again and again is one finding, with how many times */
  lawFor(rule: (typeof RULE_OF_FAMILY)[keyof typeof RULE_OF_FAMILY]): LawHit[] {
    const seen = new Map<string, LawHit>();
    const out: LawHit[] = [];
    for (const h of this.law) {
      if (RULE_OF_FAMILY[h.entry.family] !== rule) continue;
      const key = `${h.entry.word}\u0000${h.word}\u0000${h.context ?? ''}`;
      const first = seen.get(key);
      if (first) { first.count = (first.count ?? 1) + 1; continue; }
      const copy = { ...h };
      seen.set(key, copy);
      out.push(copy);
    }
    return out;
  }

  /** The title with the words of the law removed, within the platform's limits; undefined when no sure rewrite exists. */
  get suggestion(): string | undefined {
    if (this.suggested === undefined) this.suggested = suggestTitle(this.title, this.category, this.profile, this.settings, this.law) ?? null;
    return this.suggested ?? undefined;
  }
}

/** The listing view of a row (undefined when the row has no title): the title rules and `lint` share it. */
export const listingModel = rowModel<ListingView | undefined>('listing', (row, env: ModelEnv) => {
  const cell = row.cells.get('title');
  // a formula with no value (#N/A, never calculated) is no title: its finding is the formula's
  if (!hasValue(cell) || !cell.text) return undefined;
  const title = cell.text;
  const s = env.settings.listing;
  return new ListingView(title, profileFor(row.cells.get('platform')?.text, env.platform, s), row.cells.get('category')?.text ?? env.category, s);
});

/** What a finding says about one found word: the title marked, the basis, the proof a warning asks for, what to do. */
export function wordFinding(title: string, f: LawHit): { data: Record<string, unknown>; value: string; expected?: string } {
  const b = BASES[f.basis];
  const basis = localized('pick.law-basis', b);
  const proof: Localized | string = f.entry.proof ? inEvery((lang) => t(lang, 'law.proof', { proof: f.entry.proof![lang] })) : '';
  const marked = markTitle(title, [f]);
  const shown: Localized | string = f.count && f.count > 1 ? localized('piece.times', { marked, count: f.count }) : marked;
  return { data: { word: f.word, marked: shown, basis, proof, replace: localized('piece.remove-it') }, value: f.word };
}
