import type { Severity } from '../severity.js';

/**
 * Claims a cosmetic may not make (《化妆品监督管理条例》第三十七条: 禁止明示或者暗示具有医疗作用;
 * 《化妆品标签管理办法》第十八条: 不得标注医疗术语、医学名人). Allowed efficacy words (舒缓, 修护,
 * 保湿, 补水 …) are not in the list and stay clean.
 */
export interface MedicalClaim {
  word: string;
  severity: Severity;
  basis: string;
  replacement?: string;
  allow?: string[];
  cases: Array<{ text: string; expect: boolean }>;
}

const REG37 = '《化妆品监督管理条例》第三十七条:禁止明示或者暗示具有医疗作用';
const LABEL18 = '《化妆品标签管理办法》第十八条:禁止标注医疗术语、医学名人姓名';
const LABEL18_FALSE = '《化妆品标签管理办法》第十八条:禁止使用虚假、夸大、绝对化的词语进行虚假或者引人误解地描述';
const LABEL18_NAME = '《化妆品标签管理办法》第十八条:禁止利用医疗机构、医生的名义或者形象';
const CATALOG = '《化妆品分类规则和分类目录》(2021):化妆品的功效宣称限于目录所列,不含此项';

export const MEDICAL_CLAIMS: readonly MedicalClaim[] = [
  { word: '医美级', severity: 'error', basis: LABEL18, replacement: '专业级', cases: [{ text: '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓', expect: true }] },
  { word: '医美', severity: 'error', basis: LABEL18, cases: [{ text: '医美同款', expect: true }] },
  { word: '医学级', severity: 'error', basis: LABEL18, cases: [{ text: '医学级护肤', expect: true }] },
  { word: '医用', severity: 'error', basis: LABEL18, cases: [{ text: '医用冷敷贴', expect: true }] },
  { word: '药妆', severity: 'error', basis: LABEL18, cases: [{ text: '药妆面霜', expect: true }] },
  { word: '药用', severity: 'error', basis: REG37, cases: [{ text: '药用级成分', expect: true }] },
  { word: '处方', severity: 'error', basis: REG37, cases: [{ text: '皮肤科处方', expect: true }] },
  { word: '械字号', severity: 'error', basis: `${REG37}(化妆品不是医疗器械)`, cases: [{ text: '械字号面膜', expect: true }] },
  { word: '消炎', severity: 'error', basis: REG37, cases: [{ text: '消炎祛痘', expect: true }] },
  { word: '抗炎', severity: 'error', basis: REG37, cases: [{ text: '抗炎修护', expect: true }] },
  { word: '抗敏', severity: 'error', basis: REG37, replacement: '舒缓', cases: [{ text: '抗敏精华', expect: true }] },
  { word: '抗过敏', severity: 'error', basis: REG37, replacement: '舒缓', cases: [{ text: '抗过敏', expect: true }] },
  { word: '脱敏', severity: 'error', basis: REG37, cases: [{ text: '脱敏修复', expect: true }] },
  { word: '治疗', severity: 'error', basis: REG37, cases: [{ text: '治疗痘痘', expect: true }] },
  { word: '治愈', severity: 'error', basis: REG37, cases: [{ text: '治愈痘印', expect: true }] },
  { word: '疗效', severity: 'error', basis: REG37, cases: [{ text: '显著疗效', expect: true }] },
  { word: '干细胞', severity: 'error', basis: `${REG37};国家药监局:化妆品不得宣称含"干细胞"`, cases: [{ text: '干细胞精华', expect: true }] },
  { word: '激素', severity: 'error', basis: REG37, cases: [{ text: '无激素', expect: true }] },
  { word: '杀菌', severity: 'error', basis: REG37, cases: [{ text: '杀菌洁面', expect: true }] },
  { word: '抗菌', severity: 'warning', basis: REG37, cases: [{ text: '抗菌面膜', expect: true }] },
  { word: '湿疹', severity: 'error', basis: REG37, cases: [{ text: '湿疹可用', expect: true }] },
  { word: '皮炎', severity: 'error', basis: REG37, cases: [{ text: '皮炎修复', expect: true }] },
  { word: '痤疮', severity: 'error', basis: REG37, cases: [{ text: '痤疮肌', expect: true }] },
  { word: '祛疤', severity: 'error', basis: REG37, cases: [{ text: '祛疤膏', expect: true }] },
  { word: '急救', severity: 'warning', basis: `${REG37}(急救暗示医疗作用)`, replacement: '应急', cases: [{ text: '熬夜急救', expect: true }] },
  { word: '修复受损', severity: 'warning', basis: REG37, replacement: '修护', cases: [{ text: '修复受损屏障', expect: true }] },
  { word: '特效', severity: 'error', basis: LABEL18_FALSE, cases: [{ text: '特效祛痘膏', expect: true }] },
  { word: '生发', severity: 'error', basis: `${REG37};${CATALOG}(可宣称“防脱发”,须按特殊化妆品注册)`, replacement: '防脱', cases: [{ text: '生发洗发水', expect: true }] },
  { word: '育发', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '育发液', expect: true }] },
  { word: '增发', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '增发密发', expect: true }] },
  { word: '抑菌', severity: 'warning', basis: `${CATALOG}(按《牙膏监督管理办法》备案了抑菌功效的牙膏除外)`, cases: [{ text: '抑菌沐浴露', expect: true }] },
  { word: '除螨', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '除螨洗面奶', expect: true }] },
  { word: '红血丝', severity: 'error', basis: `${REG37}(暗示治疗皮肤病症)`, cases: [{ text: '改善红血丝', expect: true }] },
  { word: '医生推荐', severity: 'error', basis: LABEL18_NAME, cases: [{ text: '皮肤科医生推荐', expect: true }] },
  { word: '医师推荐', severity: 'error', basis: LABEL18_NAME, cases: [{ text: '医师推荐', expect: true }] },
  { word: '医院', severity: 'error', basis: LABEL18_NAME, cases: [{ text: '三甲医院同款', expect: true }] },
  { word: '丰胸', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '丰胸精油', expect: true }] },
  { word: '减肥', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '减肥霜', expect: true }] },
  { word: '瘦身', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '瘦身精油', expect: true }] },
  { word: '燃脂', severity: 'error', basis: `${REG37};${CATALOG}`, cases: [{ text: '燃脂按摩膏', expect: true }] },
];

/** Words that are efficacy claims a cosmetic may make, kept here so tests prove they stay clean. */
export const ALLOWED_EFFICACY = ['舒缓', '修护', '保湿', '补水', '滋润', '清洁', '控油', '紧致', '淡纹'] as const;

/**
 * 类目 paths that are cosmetics (《化妆品监督管理条例》第三条: 以涂擦、喷洒或者其他类似方法,
 * 施用于皮肤、毛发、指甲、口唇等人体表面 …): skin care and make-up, and hair, body, personal,
 * oral care (牙膏 is managed as a cosmetic), fragrance, nails.
 */
export const COSMETIC_CATEGORY = /美妆|护肤|彩妆|面膜|化妆品|精华|面霜|乳液|洁面|爽肤水|口红|香水|香氛|防晒|美容|个护|个人护理|美发|护发|洗发|洗护|身体护理|沐浴|口腔护理|口腔清洁|牙膏|美甲|手部护理|足部护理|男士护理|婴童洗护|卸妆/;

/** Product words that make a title a cosmetic's when no 类目 is given. */
export const COSMETIC_PRODUCT = /面膜|精华|面霜|乳液|爽肤水|化妆水|洁面|洗面奶|眼霜|防晒|口红|唇膏|唇釉|粉底|气垫|卸妆|护发素|发膜|洗发水|洗发露|沐浴露|沐浴乳|身体乳|护手霜|牙膏|漱口水|香水|染发|安瓶|冻干粉|隔离霜|BB霜|素颜霜|睫毛膏|眼影|腮红|散粉|遮瑕|指甲油|精油|护肤品|化妆品/i;
