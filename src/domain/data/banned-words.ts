import type { Severity } from '../severity.js';

/**
 * Words an advertisement (a listing title) may not use, as data: each entry with its category,
 * severity, legal basis, a replacement where one exists, words that contain it but are fine
 * (`allow`), and its own test cases. Ours: compiled from 《广告法》第九条第(三)项 and
 * 市场监管总局《广告绝对化用语执法指南》(2023); config can add words to either list.
 */
export type BannedCategory =
  | 'superlative' // 最-words
  | 'first-unique' // 第一 / 唯一
  | 'grade' // 级 / 极 words
  | 'first-home-national' // 首 / 家 / 国 words
  | 'brand-prestige'
  | 'absolute-claim' // 100%, 万能, 绝对 …
  | 'authority' // 特供, 国家级, 免检 …
  | 'inducement' // pressure selling
  | 'urgency'; // urgency without a stated time

export interface BannedWord {
  word: string;
  category: BannedCategory;
  severity: Severity;
  basis: string;
  replacement?: string;
  /** longer words containing this one that are fine (最近, 第一次 …) */
  allow?: string[];
  /** urgency words are fine when the title states a time (5月20日, 24小时内 …) */
  unlessTimeStated?: boolean;
  cases: Array<{ text: string; expect: boolean }>;
}

const ART9 = '《广告法》第九条第(三)项:不得使用"国家级""最高级""最佳"等用语';
const GUIDE = '市场监管总局《广告绝对化用语执法指南》(2023)';
const ART28 = '《广告法》第四条、第二十八条:广告不得含有虚假或者引人误解的内容';
const ART9_2 = '《广告法》第九条第(二)项:不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象';
const TM14 = '《商标法》第十四条第五款:生产、经营者不得将"驰名商标"字样用于商品、广告宣传';

const superlative = (word: string, replacement: string | undefined, cases: BannedWord['cases'], severity: Severity = 'error'): BannedWord =>
  ({ word, category: 'superlative', severity, basis: `${ART9};${GUIDE}`, ...(replacement ? { replacement } : {}), cases });

export const BANNED_WORDS: readonly BannedWord[] = [
  // 最-words: the bare 最 catches the rest; the allow-list keeps ordinary words clean
  {
    word: '最', category: 'superlative', severity: 'error', basis: `${ART9};${GUIDE}`,
    allow: ['最近', '最后一公里', '最终', '最初', '最低温', '最高温'],
    cases: [{ text: '最舒服的面膜', expect: true }, { text: '最近很火', expect: false }, { text: '物流最后一公里', expect: false }, { text: '最 佳面膜', expect: true }],
  },
  superlative('最佳', '优选', [{ text: '最佳选择', expect: true }, { text: '最*佳', expect: true }]),
  superlative('最好', '好用', [{ text: '最好用的精华', expect: true }]),
  superlative('最强', '强效', [{ text: '最强补水', expect: true }]),
  superlative('最高', '高', [{ text: '最高级面料', expect: true }]),
  superlative('最低', '优惠', [{ text: '全网最低价', expect: true }]),
  superlative('最便宜', '实惠', [{ text: '最便宜', expect: true }]),
  superlative('最新', '新款', [{ text: '2024最新款', expect: true }], 'warning'),
  superlative('最先进', '先进', [{ text: '最先进工艺', expect: true }]),
  superlative('最受欢迎', '热销', [{ text: '最受欢迎面膜', expect: true }]),
  superlative('最火', '热卖', [{ text: '今年最火', expect: true }]),
  superlative('最快', '快速', [{ text: '最快充电头', expect: true }]),
  // 第一 / 唯一
  {
    word: '第一', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '热销',
    allow: ['第一次', '第一步', '第一天', '第一代', '第一批', '第一季度', '第一件', '第一时间', '第一眼', '第一口', '第一层', '第一期'],
    cases: [{ text: '销量第一', expect: true }, { text: '第*一', expect: true }, { text: '第一次使用', expect: false }, { text: '护肤第一步', expect: false }, { text: '付款后第一时间发货', expect: false }, { text: '第壹品牌', expect: true }],
  },
  { word: '唯一', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '特色', allow: ['唯一码', '唯一防伪码', '唯一识别码', '唯一编码', '唯一序列号', '唯一溯源码'], cases: [{ text: '唯一认证', expect: true }, { text: '一物一码唯一防伪码', expect: false }] },
  { word: '独一无二', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '独特', cases: [{ text: '独一无二的设计', expect: true }] },
  { word: 'no.1', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '销量NO.1', expect: true }, { text: 'No 1面膜', expect: true }] },
  { word: 'no1', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: 'NO1', expect: true }] },
  { word: 'top1', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '类目TOP1', expect: true }, { text: '热销TOP10', expect: true }] },
  { word: '销量冠军', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '热销', cases: [{ text: '年度销量冠军', expect: true }] },
  { word: '冠军', category: 'first-unique', severity: 'warning', basis: `${GUIDE}:冠军须有真实赛事或榜单依据并写明来源`, cases: [{ text: '冠军同款', expect: true }] },
  { word: '绝无仅有', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '绝无仅有的口感', expect: true }] },
  { word: '前无古人', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '前无古人', expect: true }] },
  { word: '首选', category: 'first-unique', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '推荐', cases: [{ text: '敏感肌首选', expect: true }] },
  // 级 / 极
  { word: '国家级', category: 'grade', severity: 'error', basis: ART9, cases: [{ text: '国家级配方', expect: true }, { text: '符合国家标准', expect: false }] },
  { word: '世界级', category: 'grade', severity: 'error', basis: ART9, cases: [{ text: '世界级品质', expect: true }] },
  { word: '宇宙级', category: 'grade', severity: 'error', basis: ART9, cases: [{ text: '宇宙级好用', expect: true }] },
  { word: '顶级', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '高端', cases: [{ text: '顶级面料', expect: true }] },
  { word: '顶尖', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '高端', cases: [{ text: '顶尖工艺', expect: true }] },
  { word: '极品', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '精选', cases: [{ text: '极品好茶', expect: true }] },
  { word: '极致', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '出众', allow: ['极致简约'], cases: [{ text: '极致补水', expect: true }] },
  { word: '极佳', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '出色', cases: [{ text: '效果极佳', expect: true }] },
  { word: '终极', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '终极版', expect: true }] },
  { word: '至尊', category: 'grade', severity: 'error', basis: `${ART9};${GUIDE}`, replacement: '尊享', cases: [{ text: '至尊礼盒', expect: true }] },
  {
    word: '一级', category: 'grade', severity: 'warning', basis: GUIDE,
    // a grade under a national product standard (GB/T 大米, 蜂蜜, 茶叶, 食用油; 能效/水效 labels) is a fact, not a boast
    allow: ['一级能效', '一级水效', ...['大米', '粳米', '籼米', '糯米', '蜂蜜', '茶', '茶叶', '红茶', '绿茶', '白茶', '花茶', '普洱', '乌龙', '铁观音', '龙井', '碧螺春', '毛峰', '压榨', '花生油', '菜籽油', '大豆油', '玉米油', '橄榄油', '葵花籽油', '食用油', '面粉', '小麦粉'].map((w) => `一级${w}`)],
    cases: [{ text: '一级能效冰箱', expect: false }, { text: '一级好货', expect: true }, { text: '东北一级大米', expect: false }, { text: '统一级配碎石', expect: false }, { text: '明前一级龙井', expect: false }],
  },
  { word: '巅峰', category: 'grade', severity: 'warning', basis: GUIDE, cases: [{ text: '巅峰品质', expect: true }] },
  { word: '天花板', category: 'grade', severity: 'warning', basis: GUIDE, cases: [{ text: '面膜天花板', expect: true }] },
  // 首 / 家 / 国
  { word: '首家', category: 'first-home-national', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '全国首家', expect: true }] },
  { word: '首个', category: 'first-home-national', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '首个获批', expect: true }] },
  { word: '首创', category: 'first-home-national', severity: 'warning', basis: `${GUIDE}:有事实依据可用,须能证明`, cases: [{ text: '首创配方', expect: true }] },
  { word: '首发', category: 'first-home-national', severity: 'warning', basis: `${GUIDE}:有事实依据可用,须能证明`, replacement: '新品', cases: [{ text: '全网首发', expect: true }] },
  { word: '独家', category: 'first-home-national', severity: 'warning', basis: `${GUIDE}:有事实依据可用,须能证明`, cases: [{ text: '独家配方', expect: true }] },
  { word: '国内领先', category: 'first-home-national', severity: 'error', basis: ART9, cases: [{ text: '技术国内领先', expect: true }] },
  { word: '国际领先', category: 'first-home-national', severity: 'error', basis: ART9, cases: [{ text: '国际领先水平', expect: true }] },
  { word: '世界领先', category: 'first-home-national', severity: 'error', basis: ART9, cases: [{ text: '世界领先技术', expect: true }] },
  { word: '全球领先', category: 'first-home-national', severity: 'error', basis: ART9, cases: [{ text: '全球领先', expect: true }] },
  { word: '行业领先', category: 'first-home-national', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '行业领先品质', expect: true }] },
  { word: '遥遥领先', category: 'first-home-national', severity: 'warning', basis: GUIDE, cases: [{ text: '遥遥领先', expect: true }] },
  { word: '全国', category: 'first-home-national', severity: 'info', basis: GUIDE, allow: ['全国包邮', '全国联保'], cases: [{ text: '全国包邮', expect: false }, { text: '全国销量', expect: true }] },
  // brand prestige
  { word: '驰名商标', category: 'brand-prestige', severity: 'error', basis: TM14, cases: [{ text: '中国驰名商标', expect: true }] },
  { word: '著名商标', category: 'brand-prestige', severity: 'warning', basis: `${ART28}(著名商标认定已取消)`, cases: [{ text: '省著名商标', expect: true }] },
  { word: '领导品牌', category: 'brand-prestige', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '行业领导品牌', expect: true }] },
  { word: '领袖品牌', category: 'brand-prestige', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '领袖品牌', expect: true }] },
  { word: '王牌', category: 'brand-prestige', severity: 'warning', basis: GUIDE, replacement: '主打', cases: [{ text: '王牌单品', expect: true }] },
  { word: '大牌', category: 'brand-prestige', severity: 'warning', basis: `${ART28}:暗示与名牌相同,易引人误解`, cases: [{ text: '大牌平替', expect: true }] },
  { word: '奢侈品', category: 'brand-prestige', severity: 'warning', basis: ART28, cases: [{ text: '奢侈品级', expect: true }] },
  // absolute and false claims
  { word: '100%', category: 'absolute-claim', severity: 'warning', basis: `${ART28}:功效不能百分之百保证(成分含量如 100%纯棉 除外)`, allow: ['100%纯棉', '100%棉', '100%羊毛', '100%桑蚕丝', '100%涤纶'], cases: [{ text: '100%有效', expect: true }, { text: '100%纯棉T恤', expect: false }] },
  { word: '百分百', category: 'absolute-claim', severity: 'warning', basis: ART28, cases: [{ text: '百分百有效', expect: true }] },
  { word: '万能', category: 'absolute-claim', severity: 'error', basis: ART28, replacement: '多用途', cases: [{ text: '万能清洁剂', expect: true }] },
  { word: '绝对', category: 'absolute-claim', severity: 'error', basis: `${ART9};${GUIDE}`, cases: [{ text: '绝对正品', expect: true }, { text: '绝*对好用', expect: true }] },
  { word: '永久', category: 'absolute-claim', severity: 'error', basis: ART28, replacement: '持久', cases: [{ text: '永久不掉色', expect: true }] },
  { word: '永不', category: 'absolute-claim', severity: 'error', basis: ART28, cases: [{ text: '永不起球', expect: true }] },
  { word: '零风险', category: 'absolute-claim', severity: 'error', basis: ART28, cases: [{ text: '零风险投资', expect: true }] },
  { word: '无副作用', category: 'absolute-claim', severity: 'error', basis: ART28, cases: [{ text: '无副作用', expect: true }] },
  { word: '无敌', category: 'absolute-claim', severity: 'error', basis: GUIDE, cases: [{ text: '补水无敌', expect: true }] },
  { word: '全网最低', category: 'absolute-claim', severity: 'error', basis: `${ART9};《价格法》`, cases: [{ text: '全网最低价', expect: true }] },
  { word: '立竿见影', category: 'absolute-claim', severity: 'error', basis: ART28, cases: [{ text: '美白立竿见影', expect: true }] },
  { word: '纯天然', category: 'absolute-claim', severity: 'warning', basis: ART28, replacement: '天然成分', cases: [{ text: '纯天然面膜', expect: true }] },
  // authority
  { word: '特供', category: 'authority', severity: 'error', basis: ART9_2, cases: [{ text: '机关特供', expect: true }] },
  { word: '专供', category: 'authority', severity: 'error', basis: ART9_2, cases: [{ text: '国宴专供', expect: true }] },
  { word: '免检', category: 'authority', severity: 'error', basis: `${ART9_2};免检制度已取消`, cases: [{ text: '国家免检产品', expect: true }] },
  { word: '特批', category: 'authority', severity: 'error', basis: ART9_2, cases: [{ text: '特批产品', expect: true }] },
  { word: '领导人', category: 'authority', severity: 'error', basis: ART9_2, cases: [{ text: '领导人同款', expect: true }] },
  { word: '央视推荐', category: 'authority', severity: 'warning', basis: ART28, cases: [{ text: '央视推荐品牌', expect: true }] },
  // inducement and pressure selling
  { word: '点击有惊喜', category: 'inducement', severity: 'error', basis: `${GUIDE};《广告法》第四十四条`, cases: [{ text: '点击有惊喜', expect: true }] },
  { word: '点击领奖', category: 'inducement', severity: 'error', basis: '《广告法》第四十四条', cases: [{ text: '点击领奖', expect: true }] },
  { word: '不买后悔', category: 'inducement', severity: 'warning', basis: ART28, cases: [{ text: '不买后悔系列', expect: true }] },
  { word: '抢疯了', category: 'inducement', severity: 'warning', basis: ART28, cases: [{ text: '全网抢疯了', expect: true }] },
  { word: '史无前例', category: 'inducement', severity: 'error', basis: GUIDE, cases: [{ text: '史无前例低价', expect: true }] },
  { word: '错过再等一年', category: 'inducement', severity: 'warning', basis: ART28, cases: [{ text: '错过再等一年', expect: true }] },
  // urgency without a stated time
  { word: '限时', category: 'urgency', severity: 'warning', basis: `${ART28}:限时促销须写明期限`, unlessTimeStated: true, cases: [{ text: '限时抢购', expect: true }, { text: '5月20日-5月22日限时特价', expect: false }] },
  { word: '仅此一次', category: 'urgency', severity: 'warning', basis: ART28, unlessTimeStated: true, cases: [{ text: '仅此一次', expect: true }] },
  { word: '倒计时', category: 'urgency', severity: 'warning', basis: ART28, unlessTimeStated: true, cases: [{ text: '倒计时抢购', expect: true }, { text: '24小时倒计时', expect: false }] },
  { word: '即将售罄', category: 'urgency', severity: 'warning', basis: ART28, unlessTimeStated: true, cases: [{ text: '即将售罄', expect: true }] },
  { word: '马上涨价', category: 'urgency', severity: 'warning', basis: ART28, unlessTimeStated: true, cases: [{ text: '马上涨价', expect: true }] },
];

/**
 * Where a listed word is used the way the law allows, the finding is a warning that explains
 * instead of an error: a product specification (最大承重150kg, 最高温度, 最低工作温度: 最 names a
 * limit of the product, with its value) and an officially granted title (国家级非遗: true and
 * provable). The pattern is tried on the title from the word on.
 */
export const SOFTENED: ReadonlyArray<{ context: 'spec' | 'granted'; words: readonly string[]; pattern: RegExp }> = [
  { context: 'spec', words: ['最', '最高', '最低'], pattern: /^最\s*(?:大|高|低|小|长|短|多|少|快|慢)\s*(?:承重|载重|负重|容量|功率|温度|工作温度|使用温度|耐温|转速|负载|尺寸|重量|压力|承压|电流|电压|速度|时速|长度|宽度|高度|厚度|口径|扭矩|流量|风量|亮度|分辨率|输出|续航|距离|频率|档位|可调|支持|兼容|适用|载荷|拉力|扬程)|^最\s*(?:大|高|低|小|长|短)\s*[:：]?\s*-?\d/ },
  { context: 'granted', words: ['国家级'], pattern: /^国家级\s*(?:非遗|非物质文化遗产|高新技术企业|专精特新|重点龙头企业|农业产业化重点龙头企业|示范|地理标志|生态|自然保护区)/ },
];

/** A stated time makes urgency words honest: 5月20日, 5.20, 24小时, 今晚12点, 20:00. */
export const TIME_STATED = /\d{1,2}月\d{1,2}[日号]|\d{1,2}[.\/]\d{1,2}(?:\D|$)|\d+\s*(?:小时|天|分钟)|\d{1,2}[:：]\d{2}|\d{1,2}点/;
