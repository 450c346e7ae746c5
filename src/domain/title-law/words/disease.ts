import type { Severity } from '../../severity.js';
import type { LawEntry, ProductClass } from '../types.js';
import { except, family } from './helpers.js';

/**
 * Disease and treatment claims (《广告法》第十七条; for food also 《食品安全法》第七十一、七十三条):
 * only a drug, a medical device or a medical service may name a disease it treats. Each disease
 * is two entries: the claim (治失眠, 降血糖, 防辐射, 根治颈椎病 — an error on anything that is
 * not a drug or device) and the bare name (糖尿病人专用 — an error on food, cosmetics and health
 * food, a warning on other goods, where a name may only describe who uses it).
 */
const claim = family('disease', 'disease', 'ad-17', except('error', 'medical'));
const term = family('disease', 'disease', 'ad-17', except('error', 'medical'));

/** Verbs that turn a disease into a claim, before it (治失眠) or after it (近视克星). */
const BEFORE = ['矫正', '纠正', '治', '治疗', '医治', '主治', '专治', '根治', '治愈', '防治', '预防', '防', '抗', '抑', '抑制', '杀', '降', '稳', '控', '清', '通', '疏通', '软化', '溶', '调', '调理', '调节', '缓解', '改善', '告别', '远离', '消除', '去除', '祛', '化', '对抗', '辅助治疗', '治好', '不再'];
const AFTER = ['克星', '患者专用', '人群专用', '康复', '矫正'];

const BARE: Partial<Record<ProductClass, Severity>> = { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' };

/**
 * [disease, a breaching title, a lawful title that looks like it, the bare name is an entry too,
 * product classes where the claim is lawful besides drugs and devices (保健食品's approved functions:
 * 改善痤疮), lawful look-alikes (防脱发 is a licensed cosmetic claim)].
 */
const DISEASES: ReadonlyArray<[string, string, string, boolean, ProductClass[]?, string[]?]> = [
  ['失眠', '治失眠枕头 记忆棉', '遮光眼罩 睡眠用', true],
  ['糖尿病', '蜂胶软胶囊 治糖尿病 中老年', '无蔗糖 月饼 木糖醇', true],
  ['血糖', '苦瓜桑叶茶 降血糖 三角茶包', '苦荞茶 无糖 独立包装', false],
  ['高血压', '罗布麻茶 治高血压', '罗布麻叶 代用茶', true],
  ['血压', '玉米须苦荞茶 降血压', '玉米须茶 独立小包', false],
  ['高血脂', '纳豆 清高血脂', '纳豆 即食 日式', true],
  ['血脂', '黑苦荞米 降血脂 2.5kg', '黑苦荞米 五谷杂粮 2.5kg', false],
  ['三高', '安化黑茶 降三高 1kg', '安化黑茶 金花茯砖 1kg', true],
  ['尿酸', '菊苣栀子茶 降尿酸', '菊苣 代用茶 袋泡', false],
  ['痛风', '痛风茶 祛湿', '菊花茶 胎菊', true],
  ['便秘', '西梅汁 治便秘', '西梅汁 100%果汁', true],
  ['湿疹', '湿疹膏 婴儿 纯植物', '婴儿 润肤乳 保湿', true],
  ['皮炎', '皮炎修复 乳膏', '修护 乳膏 保湿', true],
  ['痤疮', '痤疮肌 专用 精华', '控油 清爽 精华', true, ['health-food']],
  ['尿布疹', '婴儿护臀膏 治尿布疹', '婴儿 护臀膏 30g', true],
  ['脚气', '根治脚气 喷雾', '鞋袜 除臭 喷雾', true],
  ['灰指甲', '灰指甲 克星 液', '指甲 护理 油', true],
  ['鼻炎', '鼻炎 通鼻 精油', '香薰 精油 薰衣草', true],
  ['咽炎', '治咽炎 胖大海 茶', '胖大海 罗汉果 茶', true],
  ['颈椎病', '根治颈椎病 枕头', '颈椎 护颈枕 记忆棉', true],
  ['腰椎病', '腰椎病 护腰 治疗', '护腰 保暖 护具', true],
  ['腰椎间盘突出', '根治腰椎间盘突出 护腰带', '护腰带 钢板支撑 透气', true],
  ['关节炎', '预防关节炎 保暖内衣', '加绒 保暖内衣 秋衣秋裤', true],
  ['风湿', '治风湿 药酒', '老白干 白酒 52度', true],
  ['前列腺', '前列腺 调理 茶', '男士 内裤 透气', true],
  ['妇科炎症', '妇科炎症 护垫', '卫生巾 日用 棉柔', true],
  ['阴道炎', '阴道炎 洗液', '私处 护理 洗液', true],
  ['癌症', '癌症患者 营养粉', '蛋白粉 营养 中老年', true],
  ['癌', '破壁灵芝孢子粉 抗癌', '灵芝孢子粉 破壁 蓝帽', false],
  ['肿瘤', '抑制肿瘤 灵芝', '灵芝 切片 500g', true],
  ['感冒', '防感冒 姜茶', '红糖姜茶 暖身', false],
  ['流感', '防流感 口罩', '口罩 一次性 三层', true],
  ['病毒', '抗病毒 口罩', '口罩 防尘 透气', false],
  ['哮喘', '哮喘 克星 蜂蜜', '枇杷 蜂蜜 膏', true],
  ['贫血', '治贫血 红枣', '红枣 若羌 灰枣', true, ['health-food']],
  ['痔疮', '痔疮 坐垫', '办公 坐垫 记忆棉', true],
  ['口腔溃疡', '治口腔溃疡 牙膏', '清新口气 牙膏', true],
  ['牙周炎', '牙膏 治牙周炎 120g', '牙膏 薄荷 120g', true],
  ['牙龈出血', '止牙龈出血 牙膏', '牙膏 清新 家庭装', true],
  ['胃病', '治胃病 猴头菇', '猴头菇 饼干 早餐', true],
  ['胃炎', '胃炎 养胃 粉', '小米粉 早餐', true],
  ['肝病', '肝病 调理 茶', '菊花 枸杞 茶', true],
  ['脂肪肝', '降脂肪肝 茶', '大麦茶 烘焙 袋泡', true],
  ['近视', '防近视 护眼灯', '读写作业台灯 国AA级', false],
  ['脱发', '治脱发洗发水 生姜', '防脱发 洗发水 国妆特字', false, [], ['防脱发', '防脱']],
  ['骨质疏松', '预防骨质疏松 钙片', '钙片 维生素D 蓝帽', true],
  ['结石', '化结石 茶', '金钱草 代用茶', true],
  ['心脏病', '心脏病 克星', '心形 抱枕', true],
  ['冠心病', '冠心病 调理', '中老年 营养', true],
  ['中风', '预防中风 保健品', '中老年 钙片', true],
  ['抑郁', '治抑郁 香薰', '薰衣草 香薰 蜡烛', true],
  ['头痛', '治头痛 按摩仪', '头部 按摩仪 充电', true],
  ['辐射', '防辐射服 孕妇装', '孕妇装 连衣裙 宽松', false],
  ['过敏', '防过敏 奶粉', '配方奶粉 1段', false],
  ['炎症', '消除炎症 喷雾', '喷雾 补水 保湿', true],
  ['晕车', '车载香薰 治晕车', '车载香薰 出风口', false],
  ['咳嗽', '椴树蜂蜜 治咳嗽 1kg', '椴树蜂蜜 结晶蜜 1kg', false],
  ['血管', '干红葡萄酒 软化血管', '干红葡萄酒 智利进口', false],
  ['血栓', '日本纳豆 溶血栓 即食', '日本纳豆 即食拉丝', true],
  ['妇科病', '卫生巾 预防妇科病', '卫生巾 日夜组合 棉柔', true],
  ['偏头', '婴儿定型枕 矫正偏头', '婴儿枕 纯棉 透气', false],
  ['驼背', '驼背矫正带 儿童', '背包 儿童 护脊', false],
];

function diseaseEntries(): LawEntry[] {
  const out: LawEntry[] = [];
  for (const [noun, yes, no, bare, lawfulToo = [], allow] of DISEASES) {
    const level = lawfulToo.length ? Object.fromEntries(Object.entries(except('error', 'medical')).filter(([c]) => !lawfulToo.includes(c as ProductClass))) : undefined;
    out.push(claim(`治${noun}`, { variants: [...BEFORE.filter((v) => v !== '治').map((v) => v + noun), ...AFTER.map((a) => noun + a)].filter((w) => !allow?.includes(w)), ...(allow ? { allow } : {}), yes: [yes], no: [no] }, level ? { level } : undefined));
    if (bare) {
      const bareLevel = Object.fromEntries(Object.entries(BARE).filter(([c]) => !lawfulToo.includes(c as ProductClass)));
      out.push(term(noun, { yes: [yes], no: [no] }, { level: bareLevel }));
    }
  }
  return out;
}

/** Medical terms and treatment words that are a claim by themselves. */
const treat = family('disease', 'disease', 'ad-17', except('error', 'medical'));

export const DISEASE: readonly LawEntry[] = [
  ...diseaseEntries(),
  treat('治疗', { allow: ['治疗学'], yes: ['治疗失眠 酸枣仁茶', '褪黑素片 治疗失眠'], no: ['《内科治疗学》第9版 教材'] }),
  treat('治疗仪', { yes: [{ text: '颈椎治疗仪 按摩', as: 'general' }], no: [{ text: '低频治疗仪 国械注准', as: 'medical' }] }),
  treat('治愈', { allow: ['治愈系'], yes: ['治愈痘印 精华', '远红外理疗贴 治愈关节炎'], no: ['治愈系 毛绒公仔 抱枕'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('痊愈', { yes: ['痊愈 湿疹 膏'], no: ['愈合 快 创可贴'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('根治', { variants: ['断根', '除根'], yes: ['根治脚气 喷雾', '颈椎牵引器 根治颈椎病'], no: ['根茎 蔬菜 新鲜'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('疗效', { variants: ['疗程', '药到病除', '药效'], yes: ['三个疗程见效 足贴', '显著疗效 精华'], no: ['足贴 艾草 暖足'] }),
  treat('包治百病', { variants: ['百病全消', '万病'], yes: ['包治百病 艾灸贴'], no: ['艾灸贴 暖宫'] }),
  treat('消炎', { variants: ['抗炎', '去炎', '消肿'], yes: ['消炎去火 凉茶', '莫代尔内裤 消炎'], no: ['凉茶 植物饮料 310ml'] }),
  treat('止痛', { variants: ['镇痛', '止疼', '止血', '止咳'], yes: ['止痛贴 颈肩', '消炎止血牙膏'], no: ['暖宫贴 发热贴'] }),
  treat('处方', { variants: ['药方', '秘方', '偏方', '祖传秘方', '宫廷秘方', '验方', '古方'], allow: ['配方'], yes: ['祖传秘方 生发液', '秘方 卤料'], no: ['配方奶粉 1段', '家常菜谱'] }),
  treat('理疗', { variants: ['磁疗', '远红外理疗', '负离子理疗'], allow: ['理疗师'], yes: ['远红外理疗 护膝', '磁疗床垫 1.8m'], no: ['护膝 加绒 保暖'] }),
  treat('排毒', { variants: ['解毒', '清热解毒', '清宿便', '排宿便'], yes: ['排毒清肠 酵素', '清热解毒 凉茶'], no: ['西梅汁 100%果汁'] }, { level: { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' } }),
  treat('活血', { variants: ['活血化瘀', '通经络', '疏通经络', '舒筋活络', '调理气血'], yes: ['活血化瘀 泡脚包'], no: ['泡脚包 艾草 生姜'] }),
  treat('壮阳', { variants: ['补肾', '补肾壮阳', '固肾'], yes: ['壮阳 玛咖片', '补肾 泡酒料'], no: ['玛咖粉 新食品原料'] }),
  treat('丰胸', { variants: ['丰乳', '美乳', '胸部增大'], yes: ['丰胸 木瓜粉', '丰胸精油'], no: ['聚拢文胸 无钢圈'] }),
  treat('增高', { variants: ['长高', '助长', '长个'], allow: ['内增高', '增高鞋垫款式', '增高垫'], yes: ['长高 增高鞋垫 儿童', '补钙长高 奶粉'], no: ['内增高 小白鞋 6cm'] }, { level: except('error', 'medical') }),
  treat('调经', { variants: ['调节内分泌', '平衡荷尔蒙', '治痛经'], yes: ['调经 红糖姜茶'], no: ['红糖姜茶 暖身'] }),
  treat('治病', { variants: ['防病', '防病治病'], yes: ['杀菌防病 洗碗机'], no: ['洗碗机 除菌率99.9%'] }),
  treat('医用级', { variants: ['医疗级', '医学级', '医护级'], yes: ['医用级防护口罩 一次性', '医学级护肤'], no: [{ text: '医用外科口罩 一次性 无菌', as: 'medical' }] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  treat('杀菌', { variants: ['灭菌', '除菌'], yes: [{ text: '面膜 杀菌 洁面', as: 'cosmetics' }, { text: '杀菌消炎 洗面奶', as: 'cosmetics' }], no: [{ text: '84消毒液 含氯消毒 杀菌 家用', as: 'general' }, { text: '消毒柜 家用立式 高温消毒', as: 'general' }] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error' } }),
  treat('抗菌', { variants: ['抑菌', '防菌'], yes: [{ text: '沐浴露抗菌香体', as: 'cosmetics' }, { text: '抑菌除螨沐浴露', as: 'cosmetics' }], no: [{ text: '织物抑菌喷雾 卫消证字', as: 'general' }, { text: '抗菌 砧板 家用', as: 'general' }] }, { level: { cosmetics: 'warning', food: 'error', 'health-food': 'error', 'infant-formula': 'error' } }),
];
