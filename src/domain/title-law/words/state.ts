import type { LawEntry } from '../types.js';
import { everywhere, except, family, fromFree, type Generated } from './helpers.js';

/**
 * State symbols and bodies (《广告法》第九条第(一)(二)项), the "特供/专供" marks the 2008 and 2013
 * notices forbid, 《商标法》第十四条's 驰名商标, honours that must be true (第二十八条), and
 * superstition (第九条第(八)项). 国宴, 人民大会堂, 中南海 imply a state body chose the goods
 * ("变相使用国家机关名义"); a channel's own SKU (京东专供) names no state body and is a warning.
 */
const organ = family('state', 'authority', 'ad-9-2', everywhere('error'));
const symbol = family('state', 'authority', 'ad-9-1', everywhere('error'));
const supply = family('state', 'authority', 'special-supply', everywhere('error'));
const honour = family('honour', 'brand-prestige', 'tm-14', everywhere('error'));
const trueHonour = family('honour', 'brand-prestige', 'ad-28', everywhere('warning'));
const superstition = family('superstition', 'superstition', 'ad-9-8', everywhere('error'));

/**
 * State bodies, the army and state workers by name (第九条第(二)项 forbids using them "或者变相使用"):
 * with a word that makes them vouch for the goods (解放军同款, 外交部礼宾茶, 政府采购指定, 航天员专用)
 * an error on everything; the bare name a warning (a plain fact may be lawful: say it without praise).
 */
const BODIES = [
  '解放军', '中国人民解放军', '武警', '部队', '军队', '军区', '海军', '空军', '陆军', '火箭军', '军委', '国防部', '外交部', '公安部', '商务部', '教育部',
  '卫健委', '国家卫健委', '卫生部', '工信部', '农业部', '农业农村部', '市场监管局', '市场监管总局', '药监局', '海关总署', '国家体育总局', '体育总局', '国资委', '发改委',
  '政府', '省政府', '市政府', '机关', '机关单位', '事业单位', '党政机关', '中央', '党中央', '人大', '全国人大', '政协', '全国政协', '航天员', '宇航员', '航天局', '大使馆', '领事馆',
  '国宾馆', '钓鱼台国宾馆', '政府采购', '两会', '全国两会', '机关事务局', '机关事务管理局', '国管局', '中办', '国办', '首长', '军官', '警察', '公安', '新华社', '人民日报',
];
/** What makes a body vouch for the goods. */
const VOUCH = ['同款', '专用', '指定', '推荐', '特供', '专供', '供应', '采购', '定制', '用品', '用酒', '用茶', '用米', '御用', '接待', '选用', '认证', '认可', '合作', '礼宾', '礼品', '配发', '装备', '制式', '出品', '品质', '特需', '内部', '食堂', '监制', '招待', '宴请', '宴会'];
/** The bare names that stand for a body on their own (海军蓝, 空军一号, 中央空调 and 部队火锅 are other words). */
const BARE_BODIES = ['解放军', '中国人民解放军', '武警', '国防部', '外交部', '公安部', '卫健委', '国家卫健委', '国家体育总局', '政府采购', '航天员', '国务院', '军委', '党中央', '全国人大', '全国政协', '国宾馆', '钓鱼台国宾馆'];
const BODY_ALLOW = ['海军蓝', '海军风', '海军领', '海军衫', '海军条纹', '空军一号', '空军夹克', '空军飞行夹克', '中央空调', '中央处理器', '中央厨房', '中央岛台', '部队火锅', '部队锅', '公安局', '政府网站', '政府补贴'];

/** The bodies by name, with what makes them vouch (an error) and the bare names (a warning). */
export const STATE_BODIES: Generated = (owned) => BODIES.flatMap((b) => [
  ...fromFree(VOUCH.map((v) => b + v).filter((w) => !BARE_BODIES.includes(w)), owned, (word, variants) =>
    organ(word, { variants, allow: BODY_ALLOW.filter((a) => a.startsWith(b)), yes: [`${word} 礼盒`], no: [`礼盒 ${b === '海军' ? '海军蓝' : '送礼'}`] })),
  ...(BARE_BODIES.includes(b) ? fromFree([b], owned, (word) => organ(word, { yes: [`${word} 纪念 礼盒`], no: ['纪念 礼盒'] }, { level: everywhere('warning') })) : []),
]);

export const STATE: readonly LawEntry[] = [
  organ('国宴', { allow: ['国宴菜谱'], yes: ['国宴用酒 52度浓香型白酒', '国宴同款 茶叶'], no: ['《中国国宴菜谱》精装书'] }),
  organ('国礼', { yes: ['国礼级 瓷器', '国礼茶 礼盒'], no: ['礼盒 瓷器 茶具'] }),
  organ('国宾', { yes: ['国宾级 礼遇 白酒'], no: ['宾馆 一次性拖鞋'] }, { level: everywhere('warning') }),
  organ('人民大会堂', { allow: ['人民大会堂拼图', '人民大会堂模型'], yes: ['人民大会堂宴会用酒 53度酱香型'], no: ['人民大会堂模型 3D立体拼图 建筑'] }),
  organ('中南海', { yes: ['中南海特供 大米'], no: ['南海 海鲜 干货'] }),
  organ('钓鱼台', { allow: ['钓鱼台钓'], yes: ['钓鱼台国宴同款 白酒'], no: ['钓鱼 台钓竿 碳素'] }, { level: everywhere('warning') }),
  organ('国务院', { yes: ['国务院推荐 养生茶'], no: ['政务 笔记本 会议'] }),
  organ('政府推荐', { variants: ['政府指定', '国家指定', '国家推荐', '国家认定'], yes: ['政府指定 消毒液', '国家推荐 品牌'], no: ['政府采购 协议供货 打印机'] }),
  organ('卫健委推荐', { variants: ['卫生部推荐', '工信部推荐', '农业部指定', '农业农村部指定', '市场监管局推荐', '公安部推荐', '公安部指定', '外交部推荐'], yes: ['卫健委推荐 护眼灯', '公安部指定 智能锁'], no: ['智能门锁 C级锁芯 执行GA/T 73-2015'] }),
  organ('领导人', { variants: ['主席同款', '总理同款', '总书记同款'], yes: ['领导人同款 围巾', '主席同款 中山装'], no: ['领带 真丝 商务'] }),
  organ('免检', { yes: ['国家免检产品 奶粉'], no: ['检测报告 奶粉'] }),
  organ('特批', { yes: ['特批产品 药酒'], no: ['批发 药酒瓶'] }),
  organ('警用', { variants: ['警察专用', '公安专用'], allow: ['警用风格'], yes: ['警用 强光手电'], no: ['强光手电 户外 充电'] }),
  organ('军工级', { variants: ['军工品质', '军用级', '军工'], allow: ['军工风'], yes: ['军工级 保温杯', '军工品质 手电'], no: ['军绿色 工装裤'] }),
  organ('军队专用', { variants: ['部队专用', '军需', '军品'], yes: ['军队专用 压缩饼干', '军品 战术背包'], no: ['战术风格 双肩包'] }),
  organ('特种部队', { variants: ['特种兵同款', '特战同款'], yes: ['特种部队同款 战术靴'], no: ['户外 登山靴 防滑'] }, { level: except('warning') }),
  symbol('国徽', { yes: ['国徽 钥匙扣 挂件'], no: ['徽章 钥匙扣 挂件'] }),
  symbol('军徽', { variants: ['军旗', '八一军徽'], yes: ['八一军徽 车贴'], no: ['车贴 个性 反光'] }),
  symbol('国歌', { yes: ['国歌版 闹钟'], no: ['闹钟 静音 学生'] }, { level: everywhere('warning') }),
  supply('特供', { yes: ['部队特供酒 纯粮酿造', '国家特供 茅台', '机关特供 茶叶'], no: ['电商定制款 茶叶'] }),
  supply('专供', { yes: ['京东专供款 空气炸锅'], no: ['空气炸锅 家用 5L'] }, { level: everywhere('warning') }),
  supply('机关专供', { variants: ['中南海特供', '部队专供', '军队特供', '军需特供', '政府专供', '人民大会堂专供', '国宴专供', '中南海专供', '内部专供', '内部特供', '内供', '特需'], yes: ['部队专供 压缩饼干', '人民大会堂专供 白酒'], no: ['酒店专用 一次性牙刷'] }),
  supply('指定接待', { variants: ['接待用酒', '政府接待', '接待专用'], yes: ['省政府指定接待用酒'], no: ['商务宴请 白酒 礼盒'] }),
  honour('驰名商标', { variants: ['中国驰名商标', '中国驰名', '驰名品牌', '驰名商号'], yes: ['中国驰名商标 XX酱油', '馳名商標 白酒', '驰名品牌 白酒'], no: ['XX®酱油 注册商标'] }),
  trueHonour('著名商标', { variants: ['知名商标'], yes: ['浙江省著名商标 茶叶'], no: ['注册商标 茶叶'] }),
  trueHonour('中国名牌', { variants: ['世界名牌', '名牌产品'], yes: ['中国名牌 保温杯'], no: ['保温杯 316不锈钢'] }),
  trueHonour('央视推荐', { variants: ['CCTV推荐', 'CCTV上榜', '央视上榜', '央视合作'], yes: ['央视推荐品牌 养生茶'], no: ['电视柜 实木'] }),
  trueHonour('国家认证', { variants: ['国家权威认证', '国家检测'], yes: ['国家权威认证 空气净化器'], no: ['3C认证 电热水壶'] }),
  superstition('开光', { yes: ['开光貔貅 招财', '大师开光 佛珠'], no: ['黑曜石 貔貅手链'] }),
  superstition('辟邪', { yes: ['镇宅辟邪 桃木剑', '辟邪 手串'], no: ['桃木 手工雕刻 摆件'] }),
  superstition('镇宅', { yes: ['镇宅 摆件 招财'], no: ['新中式 摆件 客厅'] }),
  superstition('化太岁', { variants: ['犯太岁', '冲太岁', '破太岁', '挡灾', '消灾', '避灾', '免灾', '保平安', '保佑平安', '逢凶化吉'], yes: ['本命年红绳 化太岁 保平安'], no: ['本命年 红绳 手链'] }, { level: everywhere('warning') }),
  superstition('化煞', { variants: ['挡煞', '驱邪', '驱鬼'], yes: ['化煞 葫芦 摆件'], no: ['葫芦 工艺品 摆件'] }),
  superstition('转运', { variants: ['改运', '旺夫', '助运', '旺财'], allow: ['转运珠'], yes: ['转运 手链 保发财'], no: ['手链 编织 红绳'] }, { level: everywhere('warning') }),
  superstition('招财', { allow: ['招财猫'], yes: ['招财 貔貅 手链'], no: ['招财猫 摆件 陶瓷'] }, { level: everywhere('warning') }),
  superstition('求子', { variants: ['转胎', '生男孩', '生儿子'], yes: ['求子 保健茶'], no: ['孕妇 保健枕'] }),
  superstition('风水', { yes: ['风水 旺财 必备'], no: ['山水画 客厅'] }, { level: everywhere('warning') }),
];
