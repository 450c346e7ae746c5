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

describe('lawful uses, however the title words them', () => {
  const clean = (title: string, category?: string) => lawWordsIn(title, category, s).filter((f) => !f.context).map((f) => f.word);
  it('a hint of use after what it is about, with its condition (收到后15天内食用最佳), and 最好 as advice', () => {
    for (const t of ['广式月饼 收到后15天内食用最佳', '咖啡豆 烘焙后7-30天风味最佳', '泥膜 每周使用1-2次效果最佳', '婴儿米粉 冲调水温70℃最佳', '牛油果 果皮变黑时口感最好', '鲜牛奶 开封后最好24小时内饮用', '投影仪 最佳观看距离2.5-3米']) expect(clean(t, '食品'), t).toEqual([]);
    // no condition: a claim
    expect(clean('精华 美白效果最佳', '美容护肤')).toEqual(['最佳']);
    expect(clean('最好喝的西湖龙井', '食品/茶')).toEqual(['最好']);
  });
  it('the shop\'s own range, however it is named, but not a claim that reaches beyond it', () => {
    for (const t of ['本店最畅销羊毛衫', '本店销量第一的每日坚果', '店里最辣的一款辣条', '我们家最轻的一代吹风机']) expect(clean(t), t).toEqual([]);
    expect(clean('本店全网销量第一 坚果')).not.toEqual([]);
  });
  it('a grade under a standard on food, not one used as praise', () => {
    expect(clean('椴树蜜一级成熟蜜 500g', '食品/蜂蜜')).toEqual([]);
    expect(clean('一级好货 新疆大枣', '食品/红枣')).toEqual(['一级']);
  });
  it('the thing itself and what a product is made of', () => {
    expect(clean('天花板吸顶灯 LED客厅', '家装/灯具')).toEqual([]);
    expect(clean('NFC 100%橙汁 鲜榨', '食品/果汁')).toEqual([]);
    expect(clean('100%有效 祛痘膏', '美容护肤')).toEqual(['100%']);
  });
  it('a work\'s name: in 《》, or a book\'s or film\'s 类目', () => {
    expect(clean('《糖尿病治疗学》第9版 教材')).toEqual([]);
    expect(clean('世界上最伟大的推销员 正版', '图书/励志')).toEqual([]);
  });
  it('look-alikes that hold a claim word: 增高架, 巴氏杀菌, Best Friends, 一级方程式, 淡化|痘坑', () => {
    expect(clean('显示器增高架 桌面收纳', '数码/电脑')).toEqual([]);
    expect(clean('巴氏杀菌鲜牛奶 950ml', '食品/乳品')).toEqual([]);
    expect(clean('BFF Best Friends 闺蜜手链', '珠宝首饰')).toEqual([]);
    expect(clean('1:18 一级方程式赛车模型', '玩具/模型')).toEqual([]);
    expect(clean('祛疤膏 淡化痘坑', '美容护肤')).toEqual(['祛疤', '痘坑']);
  });
  it('approved 保健食品 wording holds the words inside it; the same claim elsewhere does not', () => {
    expect(clean('苦瓜片 有助于维持血糖健康水平 蓝帽', '保健食品')).toEqual([]);
    expect(clean('铁叶酸片 改善缺铁性贫血 蓝帽', '保健食品')).toEqual([]);
    expect(clean('电饭煲 有助于维持血糖健康水平', '家电/电饭煲')).toEqual(['有助于维持血糖健康水平']);
    expect(lawWordsIn('苦瓜胶囊 辅助降血糖 蓝帽', '保健食品', s).map((f) => [f.word, f.severity])).toEqual([['辅助降血糖', 'warning']]);
  });
  it('a disease no list names, by a treatment verb and a disease ending; not for plants', () => {
    expect(clean('空气净化器 预防白血球减少症', '家电')).toEqual(['预防白血球减少症']);
    expect(clean('多菌灵 防治白粉病', '园艺/农资')).toEqual([]);
  });
  it('cites the approved-function list for a health function on 保健食品, the food rule on food', () => {
    expect(lawWordsIn('护肝片 解酒', '保健食品', s).map((f) => f.basis)).toEqual(['health-food', 'health-food']);
    expect(lawWordsIn('葛根粉 解酒', '食品', s).map((f) => f.basis)).toEqual(['food-38']);
  });
});
