import type { Severity } from '../../severity.js';
import type { LawEntry, ProductClass } from '../types.js';
import { family } from './helpers.js';

/**
 * Health functions (《食品安全法实施条例》第三十八条): food that is not 保健食品 may claim none.
 * 保健食品 may claim the function it is registered for, from the 24 of the 2023 list (有助于增强
 * 免疫力, 有助于改善睡眠, 有助于控制体内脂肪 …): those words are lawful on it, the rest are not;
 * old names (减肥, 抗疲劳) are warnings while registrations move to the new wording.
 * Infant formula may claim none (its own rules); cosmetics may not claim slimming; other goods
 * (a pillow that 助眠) get a warning: the claim must be true and not medical.
 */
const fn = family('health-function', 'health-function', 'food-38', {});

type Level = Partial<Record<ProductClass, Severity>>;
/** Lawful on 保健食品 (an approved function); an error on food and infant formula; `general` as given. */
const approved = (general?: Severity, cosmetics?: Severity): Level => ({ food: 'error', 'infant-formula': 'error', ...(general ? { general } : {}), ...(cosmetics ? { cosmetics } : {}) });
/** A warning on 保健食品 (old or loose wording of an approved function); an error on food and infant formula. */
const loose = (general?: Severity, cosmetics?: Severity): Level => ({ ...approved(general, cosmetics), 'health-food': 'warning' });
/** Not a function 保健食品 may claim either. */
const none = (general?: Severity, cosmetics?: Severity): Level => ({ ...approved(general, cosmetics), 'health-food': 'error' });

/**
 * The 2023 list's own wording (有助于维持血糖健康水平, 对化学性肝损伤有辅助保护作用 …): lawful on
 * 保健食品 with the words inside it (血糖, 肝损伤), an error on food and infant formula, which may claim none.
 */
const APPROVED_WORDING: ReadonlyArray<[string, string]> = [
  ['有助于维持血糖健康水平', '苦瓜 有助于维持血糖健康水平'], ['有助于维持血脂健康水平', '红曲 有助于维持血脂健康水平'],
  ['有助于维持血压健康水平', '罗布麻 有助于维持血压健康水平'], ['有助于改善痤疮', '有助于改善痤疮 饮品'],
  ['对化学性肝损伤有辅助保护作用', '葛根 对化学性肝损伤有辅助保护作用'], ['对电离辐射危害有辅助保护作用', '螺旋藻 对电离辐射危害有辅助保护作用'],
  ['辅助保护胃黏膜', '猴头菇 辅助保护胃黏膜'], ['有助于改善骨密度', '钙 有助于改善骨密度'], ['有助于调节肠道菌群', '益生元 有助于调节肠道菌群'],
  ['有助于润肠通便', '膳食纤维 有助于润肠通便'], ['有助于控制体内脂肪', '左旋肉碱 有助于控制体内脂肪'], ['有助于改善睡眠', '酸枣仁 有助于改善睡眠'],
  ['有助于增强免疫力', '蛋白粉 有助于增强免疫力'], ['有助于抗氧化', '葡萄籽 有助于抗氧化'], ['有助于改善皮肤水分状况', '胶原 有助于改善皮肤水分状况'],
  ['有助于改善黄褐斑', '珍珠粉 有助于改善黄褐斑'], ['有助于排铅', '果胶 有助于排铅'], ['有助于消化', '山楂 有助于消化'],
];

/** Names of approved functions before 2023 (辅助降血糖): a warning on 保健食品 while registrations move to the new wording, an error elsewhere. */
const OLD_NAMES: ReadonlyArray<[string, string]> = [
  ['辅助降血糖', '苦瓜胶囊 辅助降血糖'], ['辅助降血脂', '红曲胶囊 辅助降血脂'], ['辅助降血压', '罗布麻胶囊 辅助降血压'],
['促进泌乳', '通草茶 促进泌乳'], ['改善生长发育', '儿童营养粉 改善生长发育'],
];

export const HEALTH_FUNCTION: readonly LawEntry[] = [
  fn('对化学性肝损伤有辅助保护功能', { lawfulCovers: true, yes: ['葛根 对化学性肝损伤有辅助保护功能'], no: [{ text: '葛根枳椇子片 对化学性肝损伤有辅助保护功能 蓝帽', as: 'health-food' }] }, { level: approved('warning', 'error') }),
  ...APPROVED_WORDING.map(([w, yes]) => fn(w, { lawfulCovers: true, yes: [yes], no: [{ text: `${yes.split(' ')[0]} ${w} 蓝帽`, as: 'health-food' }] }, { level: approved('warning', 'error') })),
  ...OLD_NAMES.map(([w, yes]) => fn(w, { yes: [yes, { text: `${yes} 蓝帽`, as: 'health-food' }], no: [yes.split(' ')[0]] }, { level: loose('error', 'error') })),
  fn('喝出健康', { variants: ['越喝越健康', '吃出健康', '喝出好身体', '不伤身'], yes: ['53度酱香白酒 喝出健康'], no: ['53度酱香白酒 500ml'] }, { level: { food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  fn('防脱', { variants: ['防脱发', '防掉发', '固发', '止掉发'], yes: ['黑芝麻丸 防脱'], no: [{ text: '防脱洗发水 国妆特字', as: 'cosmetics' }] }, { level: { food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  fn('持久', { variants: ['持久力'], allow: ['持久续航', '持久留香', '持久不脱妆', '持久保湿', '持久定妆', '持久显色', '持久耐用', '持久防水'], yes: [{ text: '玛咖片 壮阳持久 男性', as: 'health-food' }], no: [{ text: '玛咖粉 新食品原料', as: 'food' }] }, { level: { 'health-food': 'error', food: 'warning', 'infant-formula': 'error' } }),
  fn('增大增粗', { variants: ['增粗', '延时', '金枪不倒', '久战'], yes: [{ text: '男士护理液 增大增粗', as: 'general' }, { text: '玛咖片 延时 男性', as: 'health-food' }], no: [{ text: '男士护理液 清洁', as: 'general' }] }, { level: { 'health-food': 'error', food: 'error', 'infant-formula': 'error', general: 'warning' } }),

  fn('增强免疫力', { variants: ['提高免疫力', '增加免疫力', '提升免疫力', '免疫力', '调节免疫', '增强体质', '提高免疫', '增强免疫', '提升免疫', '免疫提升', '增加免疫'], yes: ['新疆若羌灰枣 增强免疫力', '即食海参 提高免疫力'], no: [{ text: '蓝帽 乳清蛋白粉 增强免疫力', as: 'health-food' }, '蜂蜜 成熟蜜 42°波美度'] }, { level: approved('warning', 'error') }),
  fn('增强抵抗力', { variants: ['提高抵抗力', '增加抵抗力', '抵抗力'], yes: ['保护肠道 增强抵抗力 饼干'], no: ['饼干 早餐 代餐'] }, { level: loose('warning', 'error') }),
  fn('抗氧化', { yes: [{ text: '葡萄籽 抗氧化 饮品', as: 'food' }, { text: '富氢水杯 抗氧化', as: 'general' }], no: [{ text: '维生素E软胶囊 抗氧化 蓝帽', as: 'health-food' }] }, { level: approved('warning') }),
  fn('改善记忆', { variants: ['辅助改善记忆', '增强记忆', '提高记忆力', '增强记忆力', '提高记忆'], yes: ['核桃粉 增强记忆'], no: ['核桃粉 黑芝麻'] }, { level: approved('warning') }),
  fn('补脑', { variants: ['健脑', '健脑益智', '提高智力', '提高智商', '提升智商', '开发智力', '智力开发', '增强智力', '变聪明'], yes: ['补脑 核桃仁', '健脑 DHA 饼干'], no: ['核桃仁 原味 500g'] }, { level: loose('warning') }),
  fn('缓解视觉疲劳', { variants: ['缓解眼疲劳'], yes: ['缓解视觉疲劳 蓝莓饮'], no: ['蓝莓 果汁'] }, { level: approved('warning') }),
  fn('明目', { variants: ['护眼明目', '清肝明目', '护眼', '养眼护眼', '亮眼'], yes: ['明目 菊花枸杞茶'], no: ['菊花 枸杞 茶'] }, { level: loose() }),
  fn('清咽润喉', { variants: ['清咽', '利咽', '润喉'], yes: ['清咽润喉 胖大海'], no: ['胖大海 罗汉果'] }, { level: approved() }),
  fn('改善睡眠', { variants: ['助眠', '助睡眠', '促进睡眠', '安神', '安眠', '睡得香'], allow: ['助眠仪'], yes: ['酸枣仁百合茯苓茶 助眠 改善睡眠', '助眠 酸枣仁膏'], no: [{ text: '蓝帽 褪黑素维生素B6片 改善睡眠', as: 'health-food' }, '遮光眼罩 睡眠用'] }, { level: approved('warning') }),
  fn('缓解体力疲劳', { yes: ['缓解体力疲劳 功能饮料'], no: ['运动饮料 电解质'] }, { level: approved() }),
  fn('抗疲劳', { variants: ['缓解疲劳', '消除疲劳', '解乏', '增加体力', '恢复体力'], yes: ['抗疲劳 人参饮', '消除疲劳 药酒'], no: ['人参 切片 长白山'] }, { level: loose('warning') }),
  fn('耐缺氧', { variants: ['抗缺氧', '抗高原反应', '防高原反应'], yes: ['抗高原反应 红景天茶'], no: ['红景天 茶 西藏'] }, { level: approved() }),
  fn('控制体内脂肪', { yes: ['控制体内脂肪 代餐'], no: ['代餐粉 高蛋白 饱腹'] }, { level: approved() }),
  fn('减肥', { variants: ['瘦身', '燃脂', '刮油', '减脂', '掉秤', '减重', '排油', '溶脂', '吸脂', '瘦肚子', '瘦腿', '瘦脸', '瘦腰', '纤体', '甩肉', '甩脂', '掉肉', '消脂', '分解脂肪', '燃烧脂肪', '阻断脂肪', '吸油', '降体脂'], allow: ['减脂餐', '燃脂运动', '吸油纸', '吸油面纸', '吸油烟机', '吸油棉', '吸油布'], yes: ['魔芋代餐粥 减肥 饱腹', '代餐奶昔 减肥 瘦身', { text: '减肥瘦身身体乳燃脂紧致', as: 'cosmetics' }], no: ['代餐粉 高蛋白 饱腹'] }, { level: loose('warning', 'error') }),
  fn('改善骨密度', { variants: ['增加骨密度', '强健骨骼', '强筋健骨', '壮骨'], yes: ['强健骨骼 牛奶'], no: ['纯牛奶 全脂'] }, { level: approved('warning') }),
  fn('改善缺铁性贫血', { lawfulCovers: true, yes: ['改善缺铁性贫血 红枣 阿胶糕'], no: [{ text: '铁叶酸片 改善缺铁性贫血 蓝帽', as: 'health-food' }] }, { level: approved() }),
  fn('补血', { variants: ['补气血', '养血', '益气补血'], yes: ['补血 红枣 阿胶糕'], no: ['阿胶糕 即食 500g'] }, { level: loose() }),
  fn('改善黄褐斑', { lawfulCovers: true, yes: ['改善黄褐斑 燕窝'], no: ['燕窝 即食 孕期'] }, { level: approved() }),
  fn('祛斑', { variants: ['淡斑', '去斑', '祛黄褐斑', '除斑', '消斑'], yes: ['祛斑 燕窝', { text: '葡萄籽花青素 祛斑', as: 'health-food' }], no: ['燕窝 即食 孕期'] }, { level: loose() }),
  fn('美白', { variants: ['养颜', '美容养颜', '嫩肤', '补充胶原'], allow: ['美白牙膏'], yes: ['美白 燕窝', '美容养颜 花茶'], no: [{ text: '美白牙膏 清新口气', as: 'cosmetics' }, '玫瑰 花茶'] }, { level: none() }),
  fn('改善皮肤水分', { yes: ['改善皮肤水分 饮品'], no: ['饮品 果味'] }, { level: approved() }),
  fn('调节肠道菌群', { variants: ['调节肠道', '调理肠道', '调理肠胃', '调理脾胃', '改善肠道', '肠道健康', '保护肠道', '健脾', '健胃', '开胃消食'], yes: ['益生菌 调理肠道 饮品', '保护肠道 饼干'], no: ['益生菌 酸奶 含嗜酸乳杆菌'] }, { level: approved('warning') }),
  fn('助消化', { variants: ['促进消化', '帮助消化'], yes: ['山楂 助消化 零食'], no: ['山楂片 零食'] }, { level: approved() }),
  fn('润肠通便', { variants: ['通便', '润肠', '清肠', '肠道清洁', '排便'], yes: ['润肠通便 西梅', '排毒清肠 酵素'], no: ['西梅干 每日坚果'] }, { level: approved() }),
  fn('保护胃黏膜', { variants: ['养胃', '护胃', '暖胃'], yes: ['养胃 猴头菇饼干'], no: ['猴头菇饼干 早餐代餐'] }, { level: approved('warning') }),
  fn('护肝', { variants: ['养肝', '保肝', '解酒', '醒酒', '解酒护肝', '千杯不醉', '防醉', '抗醉'], yes: ['解酒护肝 枳椇子', '护肝 茶'], no: ['枳椇子 干货'] }, { level: loose() }),
  fn('排铅', { variants: ['排重金属', '吸附铅汞'], yes: ['排铅 儿童 饮品'], no: ['儿童 饮品 果汁'] }, { level: approved('warning', 'error') }),
  fn('抗衰老', { variants: ['延缓衰老', '抗衰', '抗老'], yes: ['抗衰老 胶原蛋白肽'], no: [{ text: '抗衰老 紧致 面霜', as: 'cosmetics' }, '胶原蛋白肽 饮品'] }, { level: loose('warning') }),
  fn('逆龄', { variants: ['返老还童', '延年益寿', '长寿', '逆转衰老', '冻龄', '逆生长', '年轻十岁', '年轻10岁'], yes: ['逆龄 胶原蛋白肽', '延年益寿 茶'], no: ['胶原蛋白肽 饮品'] }, { level: { ...loose('warning'), cosmetics: 'error' } }),
  fn('清热', { variants: ['去火', '降火', '下火', '祛湿', '除湿', '补气', '滋阴', '祛寒', '驱寒', '清肺', '润肺'], yes: ['去火 菊花茶'], no: ['菊花茶 胎菊'] }, { level: { food: 'warning', 'infant-formula': 'error', cosmetics: 'error', 'health-food': 'warning' } }),
  fn('增肌', { variants: ['增肌粉', '增重'], yes: ['增肌 7天见效'], no: ['乳清蛋白粉 运动营养食品'] }, { level: { food: 'warning', 'health-food': 'warning', 'infant-formula': 'error' } }),
  fn('保健品', { variants: ['保健功能', '保健作用'], yes: ['保健品级 蜂蜜'], no: ['蜂蜜 农家'] }, { level: { food: 'error', general: 'warning', cosmetics: 'error', 'infant-formula': 'error' } }),
];
