import type { Settings } from '../config/settings.js';
import { localized } from '../i18n/catalog.js';
import { platformOf, SOP_PROFILE, type PlatformProfile } from './platforms.js';
import type { Localized } from '../i18n/format.js';
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
  return lawHits(t.title, t.normalized, productClass(category, t.title), s);
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

/** What is left attached to a removed word and means nothing alone: 全网最低|价 → 价, 最好|的 → 的. */
const DANGLING = /^(?:价|款|级|版|系列|之|的|地|得)/;

/**
 * A suggested title: the words the law forbids removed (with what hangs on them: 全网最低价 loses
 * 价, 最好用的 loses nothing that reads wrong), forbidden characters dropped, spaces tidied, then
 * cut at a word boundary to the platform's maximum. A suggestion is given only when it is sure:
 * it passes the same checks itself (no word of the law, no character joined to its double where
 * the word was, within the platform's minimum and maximum). Otherwise undefined, and the findings
 * say what to remove.
 */
export function suggestTitle(title: string, category: string | undefined, profile: PlatformProfile, s: Settings['listing'], found?: readonly LawHit[]): string | undefined {
  const hits = found ?? lawWordsIn(title, category, s);
  // a 最-word loses its 最 only where the rest is the word that stays (最好用 → 好用)
  const spans = hits.filter((f) => !f.context).map((f) => ({ start: f.start, end: f.entry.removeFirst ? f.start + f.entry.removeFirst : f.end })).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let joinedTwice = false;
  for (const sp of spans) {
    if (sp.start < at) continue;
    out += title.slice(at, sp.start);
    at = sp.end;
    const hang = DANGLING.exec(title.slice(at));
    // 最好|的|面膜: the particle after a removed word goes with it unless it carries the next word
    if (hang && (hang[0] !== '的' || !out || /[\s,，]$/.test(out))) at += hang[0].length;
    const next = title.slice(at, at + 1);
    if (next && out.endsWith(next) && /[\u4e00-\u9fff]/.test(next)) joinedTwice = true;
  }
  out += title.slice(at);
  out = out.replace(/[\u0000-\u001f\u007f<>＜＞]/g, '');
  if (profile.noEmoji) out = graphemes(out).filter((g) => !/\p{Extended_Pictographic}/u.test(g)).join('');
  // spaces tidied; a lone character left between spaces (面膜 价 抢购) goes
  out = out.replace(/[\s\u3000]+/g, ' ').split(' ').filter((w, _i, all) => !(all.length > 1 && w.length === 1 && /[\u4e00-\u9fa5]/.test(w))).join(' ').trim();
  out = out.replace(/^[,，、/|+\-·\s【】()（）]+|[,，、/|+\-·\s【】()（）]+$/g, '').replace(/【\s*】|\(\s*\)|（\s*）/g, '').trim();
  const cut = cutAtWord(out, profile.max);
  if (joinedTwice || graphemes(cut).length < 2 || platformLength(cut) < profile.min) return undefined;
  // sure only when it reads clean by the same law
  if (lawWordsIn(cut, category, s).some((f) => !f.context)) return undefined;
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

  /** the words one rule reports */
  lawFor(rule: (typeof RULE_OF_FAMILY)[keyof typeof RULE_OF_FAMILY]): LawHit[] {
    return this.law.filter((h) => RULE_OF_FAMILY[h.entry.family] === rule);
  }

  /** The title with the words of the law removed, within the platform's limits; undefined when no sure rewrite exists. */
  get suggestion(): string | undefined {
    if (this.suggested === undefined) this.suggested = suggestTitle(this.title, this.category, this.profile, this.settings, this.law) ?? null;
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

/** What a finding says about one found word: the title marked, the basis, the proof a warning asks for, what to do. */
export function wordFinding(title: string, f: LawHit): { data: Record<string, unknown>; value: string; expected?: string } {
  const b = BASES[f.entry.basis];
  const basis: Localized = { zh: `${b.cite}:${b.says}`, en: b.en };
  const proof: Localized | string = f.entry.proof ? { zh: `${f.entry.proof.zh}。`, en: `${f.entry.proof.en}. ` } : '';
  return { data: { word: f.word, marked: markTitle(title, [f]), basis, proof, replace: localized('piece.remove-it') }, value: f.word };
}
