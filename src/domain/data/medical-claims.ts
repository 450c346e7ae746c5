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
];

/** Words that are efficacy claims a cosmetic may make, kept here so tests prove they stay clean. */
export const ALLOWED_EFFICACY = ['舒缓', '修护', '保湿', '补水', '滋润', '清洁', '控油', '紧致', '淡纹'] as const;

/** 类目 paths that are cosmetics. */
export const COSMETIC_CATEGORY = /美妆|护肤|彩妆|面膜|化妆品|精华|面霜|乳液|洁面|爽肤水|口红|香水|防晒|美容|个护/;
