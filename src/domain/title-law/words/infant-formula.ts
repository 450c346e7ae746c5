import type { LawEntry } from '../types.js';
import { family, only } from './helpers.js';

/**
 * Infant formula (《婴幼儿配方乳粉产品配方注册管理办法》2023; 《广告法》第二十条): no 人乳化/母乳化
 * or like terms, no vague origins (进口奶源, 生态牧场 …), no claim of 益智, 增加抵抗力 or
 * 免疫力, 保护肠道 (the health-function list covers those), none of replacing breast milk.
 */
const label = family('infant-formula', 'infant-formula', 'infant-formula', only('error', 'infant-formula'));

export const INFANT_FORMULA: readonly LawEntry[] = [
  label('母乳化', { variants: ['人乳化', '母乳化配方'], yes: ['婴儿配方奶粉1段 母乳化 800g', '人乳化 1段 奶粉'], no: ['婴儿配方乳粉 1段 0-6月龄'] }),
  label('接近母乳', { variants: ['最接近母乳', '媲美母乳', '类母乳', '仿母乳', '母乳级', '母乳配方', '母乳同源', '等同母乳'], yes: ['最接近母乳 A2奶粉 婴儿', '媲美母乳 婴儿奶粉'], no: ['婴儿奶粉 A2 1段'] }),
  label('替代母乳', { variants: ['代替母乳', '胜过母乳', '取代母乳'], yes: ['可替代母乳 婴儿奶粉'], no: ['婴儿奶粉 1段 400g'] }, { basis: 'ad-20' }),
  label('进口奶源', { variants: ['源自国外牧场', '国外牧场', '海外牧场', '生态牧场', '进口原料', '原生态奶源', '无污染奶源', '纯净奶源', '黄金奶源'], yes: ['进口奶源 婴儿奶粉 2段', '生态牧场 幼儿配方奶粉'], no: ['原料乳粉产自新西兰 幼儿配方奶粉'] }),
  label('益智', { variants: ['聪明', '促进智力', '大脑发育', '脑发育'], yes: ['婴儿配方奶粉1段 益智 0-6个月'], no: ['婴儿配方奶粉 含DHA 1段'] }),
  label('零添加', { variants: ['不添加', '无添加', '0添加', '未添加'], yes: ['零添加 香精 婴儿奶粉'], no: ['婴儿奶粉 1段 新国标'] }),
];
