import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/settings.js';
import { lawWordsIn } from '../../src/domain/listing.js';
import { BASES, LAW_ENTRIES, productClass, RULE_OF_FAMILY, type LawEntry } from '../../src/domain/title-law/index.js';
import { PRODUCT_CLASSES, type Example, type ProductClass } from '../../src/domain/title-law/types.js';
import { normalizeForMatch } from '../../src/domain/title.js';

const s = defaultSettings().listing;
const norm = (w: string) => normalizeForMatch(w).text;
const textOf = (e: Example) => (typeof e === 'string' ? e : e.text);
/** The product an example is judged as: its own class, else what its title says it is when the entry applies to that, else the entry's first. */
function classOf(e: Example, entry: LawEntry): ProductClass {
  if (typeof e !== 'string') return e.as;
  const detected = productClass(undefined, e);
  return entry.severity[detected] ? detected : (Object.keys(entry.severity)[0] as ProductClass);
}
/** An example judged as a listing whose 类目 names its class. */
const CATEGORY_OF: Record<ProductClass, string> = { medical: '医疗器械', 'health-food': '保健食品', 'infant-formula': '婴幼儿配方奶粉', cosmetics: '美容护肤', food: '食品', general: '其他' };
/** Whether the entry (one of its spellings) is found in the text, judged as `cls`. */
function finds(entry: LawEntry, text: string, cls: ProductClass): boolean {
  const spellings = [entry.word, ...(entry.variants ?? [])].map(norm);
  return lawWordsIn(text, CATEGORY_OF[cls], s).some((f) => f.entry === entry || spellings.some((w) => norm(f.word).includes(w) || w.includes(norm(f.word))));
}

describe(`the words of the law (${LAW_ENTRIES.length} entries): every entry passes its own examples`, () => {
  const yes = LAW_ENTRIES.flatMap((e) => e.yes.map((x) => [e.word, textOf(x), classOf(x, e), e] as const));
  const no = LAW_ENTRIES.flatMap((e) => e.no.map((x) => [e.word, textOf(x), classOf(x, e), e] as const));
  it.each(yes)('%s is found in %j (%s)', (_w, text, cls, e) => expect(finds(e, text, cls)).toBe(true));
  it.each(no)('%s is not found in %j (%s)', (_w, text, cls, e) => {
    const spellings = [e.word, ...(e.variants ?? [])].map(norm);
    const found = lawWordsIn(text, CATEGORY_OF[cls], s).filter((f) => !f.context && (f.entry === e || spellings.includes(norm(f.word))));
    expect(found.map((f) => f.word)).toEqual([]);
  });

  it('every entry has a basis that exists, a rule, a severity, and at least one breaching and one lawful example', () => {
    for (const e of LAW_ENTRIES) {
      expect(BASES[e.basis], e.word).toBeDefined();
      expect(RULE_OF_FAMILY[e.family], e.word).toBeDefined();
      expect(Object.keys(e.severity).length, e.word).toBeGreaterThan(0);
      for (const c of Object.keys(e.severity)) expect(PRODUCT_CLASSES).toContain(c);
      expect(e.yes.length, `${e.word}: a breaching example`).toBeGreaterThan(0);
      expect(e.no.length, `${e.word}: a lawful example`).toBeGreaterThan(0);
    }
  });

  it('no spelling belongs to two entries, and no allowed word is also a forbidden one', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of LAW_ENTRIES) for (const w of [e.word, ...(e.variants ?? [])].map(norm)) {
      if (owner.has(w) && owner.get(w) !== e.word) clashes.push(`${w}: ${owner.get(w)} and ${e.word}`);
      owner.set(w, e.word);
    }
    for (const e of LAW_ENTRIES) for (const a of (e.allow ?? []).map(norm)) if (owner.has(a)) clashes.push(`${a} is allowed by ${e.word} and forbidden by ${owner.get(a)}`);
    expect(clashes).toEqual([]);
  });
});

describe('matching', () => {
  it('finds words spaced, punctuated, in full width or traditional characters, and maps them back', () => {
    const [f] = lawWordsIn('超值 最 佳 面膜', undefined, s);
    expect(f).toMatchObject({ word: '最 佳', start: 3, end: 6 });
    expect(lawWordsIn('ＮＯ．１面膜', undefined, s).map((x) => x.word)).toEqual(['ＮＯ．１']);
    expect(lawWordsIn('第-一品牌 面膜', undefined, s).map((x) => x.word)).toEqual(['第-一品牌']);
    expect(lawWordsIn('【頂級】雲南古樹普洱', '食品/茶', s).map((x) => x.word)).toEqual(['頂級']);
  });
  it('keeps ordinary words clean (look-alikes and lawful uses)', () => {
    for (const t of ['最近上新', '物流最后一公里', '第一次用', '护肤第一步', '一级能效', '符合国家标准', '全国包邮', '治愈系抱枕', '芍药鲜切花', '三明治机', '降噪耳机', '军绿色工装裤', '何首乌粉']) expect(lawWordsIn(t, undefined, s).filter((f) => !f.context), t).toEqual([]);
  });
  it('judges a word by what the product is', () => {
    expect(lawWordsIn('增强免疫力 乳清蛋白粉', '保健食品/蛋白粉', s)).toEqual([]);
    expect(lawWordsIn('增强免疫力 红枣', '食品/滋补/红枣', s).map((f) => [f.word, f.severity])).toEqual([['增强免疫力', 'error']]);
    expect(lawWordsIn('84消毒液 杀菌', '家庭清洁/消毒液', s)).toEqual([]);
    expect(lawWordsIn('杀菌 洁面乳', '美容护肤/洁面', s).map((f) => f.word)).toEqual(['杀菌']);
  });
  it('takes words from config for either list', () => {
    const custom = { ...s, bannedWords: ['爆款'], allowedWords: ['最美'] };
    expect(lawWordsIn('爆款最美面膜', undefined, custom).map((f) => f.word)).toEqual(['爆款']);
  });
  it('leaves urgency alone when the title states the time', () => {
    expect(lawWordsIn('限时抢购', undefined, s).map((f) => f.word)).toEqual(['限时']);
    expect(lawWordsIn('5月20日限时抢购', undefined, s)).toEqual([]);
  });
});
