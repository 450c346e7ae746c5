import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/settings.js';
import { lawWordsIn } from '../../src/domain/listing.js';
import { BASES, lawEntries, productClass, RULE_OF_FAMILY, type LawEntry } from '../../src/domain/title-law/index.js';
import { PRODUCT_CLASSES, type Example, type ProductClass } from '../../src/domain/title-law/types.js';
import { normalizeForMatch } from '../../src/domain/title.js';

const LAW_ENTRIES = lawEntries();

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
const CATEGORY_OF: Record<ProductClass, string> = { medical: '医疗器械', 'health-food': '保健食品', 'infant-formula': '婴幼儿配方奶粉', cosmetics: '美容护肤', food: '食品', agri: '农资/农药', general: '其他' };
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

describe('words dodged, and goods the law names apart (an outside test, round 3)', () => {
  const words = (title: string, category?: string) => lawWordsIn(title, category, s).filter((f) => !f.context).map((f) => f.word);
  it('part of a word spelt in pinyin is the word (稳血tang, 减fei, zui好用, 医mei级); an English word beside Chinese is not', () => {
    expect(words('玉米须桑叶茶 稳血tang 养生茶包', '食品/茶叶')).toContain('稳血tang');
    expect(words('魔芋代餐粉 减fei 饱腹', '食品/冲调')).toContain('减fei');
    expect(words('拖把 zui好用 免手洗', '家居日用/清洁')).toContain('zui好');
    expect(words('面膜 医mei级 补水', '美妆护肤/面膜')).toContain('医mei级');
    expect(words('长白山人参 bu肾 礼盒', '食品/滋补')).toContain('bu肾');
    // letters that are not pinyin, or a homophone written in Chinese characters, are not a dodge
    expect(words('LED吸顶灯 客厅', '家装/灯具')).toEqual([]);
    expect(words('iPhone15手机壳 磁吸', '数码/手机配件')).toEqual([]);
    expect(words('儿童智育 绘本 3-6岁', '图书/绘本')).toEqual([]);
  });
  it('an emoji, a joiner or a medal inside a word is read past (减🔥肥, 降\u200d血糖, 销量第🥇)', () => {
    expect(words('代餐奶昔 减🔥肥 饱腹', '食品/冲调')).toEqual(['减🔥肥']);
    expect(words('桑叶茶 降\u200d血糖', '食品/茶叶')).toEqual(['降\u200d血糖']);
    expect(words('蓝牙耳机 销量第🥇 降噪', '数码/耳机')).toEqual(['第🥇']);
  });
  it('education, farm inputs and alcohol: what their articles forbid', () => {
    expect(words('初级会计 教材 包过 不过退款', '图书/职业考试')).toEqual(['包过', '不过退款']);
    expect(words('考研英语真题 必过 100%押中', '图书/考试')).toEqual(['必过', '100%押中']);
    expect(words('草甘膦除草剂 斩草除根 对人畜无害', '农资/农药/除草剂')).toEqual(['对人畜无害']);
    expect(words('番茄种子 亩产2万斤 包成活', '农资/种子')).toEqual(['亩产', '包成活']);
    expect(words('猪用伊维菌素 兽医推荐 驱虫', '兽药/猪用')).toEqual(['兽医推荐']);
    expect(words('纯粮白酒 一醉方休 整箱', '酒类/白酒')).toEqual(['一醉方休']);
    expect(words('精酿啤酒 开车也能喝 1L', '酒类/啤酒')).toEqual(['开车也能喝']);
  });
  it('an effect promised within a time, and guarantees in other words', () => {
    expect(words('祛斑霜 7天祛斑', '美妆护肤/面霜')).toEqual(['7天祛斑']);
    expect(words('减肥茶 一周瘦5斤', '食品/茶叶')).toContain('一周瘦');
    expect(words('祛斑霜 7天无理由退货', '美妆护肤/面霜')).toEqual([]);
    expect(words('电子血压计 比医院的还准 误差为零', '医疗器械/血压计')).toEqual(['比医院的还准', '误差为零']);
    expect(words('美白精华 不白退款', '美妆护肤/精华')).toEqual(['不白退款']);
  });
  it('what a product is, by its path: 成人用品 and 洗衣液 are not cosmetics; 安全套, 润滑液, 特医 are devices or their like; a tea under 医疗器械 is a tea', () => {
    expect(lawWordsIn('安全套 延时型 12只装 械字号', '个护/成人用品/安全套', s).filter((f) => f.entry.word === '械字号')).toEqual([]);
    expect(lawWordsIn('人体润滑液 水溶性 医用 械字号', '个护/成人用品/润滑液', s)).toEqual([]);
    expect(lawWordsIn('婴儿洗衣液 无荧光剂 除菌 2L', '母婴/洗护/洗衣液', s)).toEqual([]);
    expect(lawWordsIn('非医用 日常防护口罩 一次性', '个护/口罩/日常口罩', s)).toEqual([]);
    expect(lawWordsIn('特医食品 糖尿病全营养配方 注册号齐全', '食品/特殊膳食/特医食品', s)).toEqual([]);
    expect(words('降血糖桑叶茶 正品', '医疗器械/理疗仪器/理疗仪')).toContain('降血糖');
    expect(words('男士护理液 壮阳 增大增粗', '个护/成人用品/男士护理')).toEqual(['壮阳', '增大增粗']);
  });
  it('a book\'s name is not a claim, but a ranking or an exam promise about it is', () => {
    expect(words('世界上最伟大的推销员 正版', '图书/励志')).toEqual([]);
    expect(words('年度最佳小说 必读', '图书/文学/小说')).toEqual(['年度最佳']);
  });
  it('第一 with a measure word is an ordinal; 非医用 is not 医用', () => {
    expect(words('瑜伽垫 加厚10mm 第一块垫子', '运动户外/瑜伽')).toEqual([]);
    expect(words('非医用口罩 一次性', '美妆护肤/面膜')).toEqual([]);
  });
});
