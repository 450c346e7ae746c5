import type { LawEntry } from '../types.js';
import { family } from './helpers.js';

/**
 * Endorsements (《广告法》第十六条第(四)项, 第十八条第(五)项, 第三十八条; the 2019 measure's
 * 第十一条; the cosmetics labelling rules): drugs, devices, 保健食品 and cosmetics may not use
 * experts, doctors, patients, institutions or endorsers to recommend or prove; food may not use
 * doctors (第十七条: it confuses food with medicine). Elsewhere an endorsement is lawful when
 * true and the endorser used the goods: a warning that says what to keep.
 */
const PROOF = { zh: '其他商品的推荐须真实:保留推荐人、机构的书面证明,代言人须使用过该商品', en: 'elsewhere a recommendation must be true: keep the endorser’s or institution’s written proof; an endorser must have used the goods' };
const endorse = family('endorsement', 'endorsement', 'endorsement', { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'warning', general: 'warning' });
const doctor = family('endorsement', 'endorsement', 'endorsement', { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'warning' });

export const ENDORSEMENT: readonly LawEntry[] = [
  endorse('专家推荐', { variants: ['专家研制', '专家认证', '专家研发', '专家指导', '专家团队推荐'], proof: PROOF, yes: ['复合维生素B族片 专家推荐 蓝帽', '专家推荐 降糖茶'], no: ['人体工学椅 设计师参与设计'] }),
  doctor('医生推荐', { variants: ['医师推荐', '医生同款', '医护推荐', '医生研发', '医生建议', '牙医推荐', '医师研制'], proof: PROOF, yes: ['深海鱼油软胶囊 医生推荐 中老年', '电子血压计 医生推荐 家用'], no: ['电子血压计 上臂式 家用'] }),
  doctor('药师推荐', { variants: ['营养师推荐', '临床营养师', '药剂师推荐'], proof: PROOF, yes: ['营养师推荐 蛋白粉'], no: ['蛋白粉 乳清 运动'] }),
  endorse('院士', { variants: ['院士推荐', '院士研发', '教授推荐', '博士研发', '博士推荐', '院士团队'], allow: ['院士楼'], proof: PROOF, yes: ['院士推荐 益生菌', '院士团队研发 床垫'], no: ['大学联合研发 材料'] }),
  doctor('患者推荐', { variants: ['患者证言', '康复案例', '亲测治好', '患者亲测', '病友推荐', '糖友推荐'], proof: PROOF, yes: ['糖尿病患者亲测 降糖'], no: ['中老年 无糖 饼干'] }),
  doctor('医院指定', { variants: ['医院推荐', '三甲医院推荐', '医院供货', '医院采购'], proof: PROOF, yes: ['医院指定 血糖仪'], no: ['血糖仪 家用 免调码'] }),
  endorse('中科院推荐', { variants: ['科研机构推荐', '研究所推荐', '研究院推荐', '实验室推荐'], proof: PROOF, yes: ['中科院推荐 量子能量水杯'], no: ['保温杯 316不锈钢'] }),
  endorse('协会推荐', { variants: ['学会推荐', '协会认证', '协会指定', '行业协会推荐', '营养学会推荐', '消协推荐', '消费者协会推荐', '红十字会推荐', '基金会推荐'], proof: PROOF, yes: ['营养学会推荐 奶粉', '消协推荐 放心品牌'], no: ['奶粉 中老年 高钙'] }),
  endorse('权威', { variants: ['权威推荐', '权威认证', '权威机构', '权威检测'], proof: PROOF, yes: ['权威认证 第一 净水器', '权威推荐 钙片'], no: ['SGS检测报告 无甲醛'] }),
  endorse('明星同款', { variants: ['明星代言', '明星推荐', '网红推荐', '达人推荐', '博主推荐', '宝妈推荐', '童星推荐', '代言'], allow: ['代言人同款T恤'], proof: PROOF, yes: ['明星同款 减肥茶', '百万宝妈推荐 婴儿奶粉'], no: ['同款 T恤 纯棉'] }),
  doctor('老中医', { variants: ['名医', '国医大师', '御医', '老中医推荐'], proof: PROOF, yes: ['老中医秘方 祛湿茶'], no: [{ text: '《国医大师医案》图书', as: 'general' }] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error' } }),
  doctor('临床验证', { variants: ['临床证明', '临床试验', '临床研究证实', '临床实验'], allow: ['人体功效评价试验'], proof: PROOF, yes: ['临床验证 祛斑'], no: ['人体功效评价试验 保湿'] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning', medical: 'warning' } }),
];
