import { msg } from '../../../i18n/catalog.js';
import type { LawEntry } from '../types.js';
import { family, fromFree, type Generated } from './helpers.js';

/**
 * Endorsements (《广告法》第十六条第(四)项, 第十八条第(五)项, 第三十八条; the 2019 measure's
 * 第十一条; the cosmetics labelling rules): drugs, devices, 保健食品 and cosmetics may not use
 * experts, doctors, patients, institutions or endorsers to recommend or prove; food may not use
 * doctors (第十七条: it confuses food with medicine). Elsewhere an endorsement is lawful when
 * true and the endorser used the goods: a warning that says what to keep.
 */
const PROOF = msg('law.endorsement.PROOF');
const endorse = family('endorsement', 'endorsement', 'endorsement', { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', agri: 'error', food: 'warning', general: 'warning' });
const doctor = family('endorsement', 'endorsement', 'endorsement', { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', agri: 'error', food: 'error', general: 'warning' });

/** What turns a person or a body into an endorser: 推荐 and its kin (力荐, 都在用, 同款, 研制 …). */
const VOUCH = ['推荐', '力荐', '倾情推荐', '强烈推荐', '极力推荐', '联合推荐', '推介', '认证', '认可', '指定', '研制', '研发', '联合研发', '指导', '同款', '亲测', '都在用', '在用', '首选', '建议', '严选', '背书', '监制', '专用', '说好', '种草', '私藏', '自用', '见证', '真实见证', '证言', '案例', '验证', '实测', '反馈', '亲证', '都说好'];
/** Doctors, patients and medical bodies: an error on food too (第十七条: it confuses food with medicine). */
const MEDICAL_PEOPLE = ['医生', '医师', '主任', '科主任', '主任医师', '副主任医师', '医学专家', '皮肤科医生', '皮肤科专家', '眼科医生', '儿科医生', '牙科医生', '牙医', '护士', '医护', '药师', '营养师', '中医', '中医师', '老中医', '名医', '患者', '病友', '糖友', '医院', '三甲医院', '医疗机构', '诊所', '医学院', '医科大学', '兽医', '宠物医生', '宠物医院', '执业兽医'];
/** Experts, scholars, endorsers and bodies: an error on health products and cosmetics, a warning elsewhere. */
const OTHER_PEOPLE = ['专家', '专家团队', '教授', '院士', '博士', '学者', '科学家', '研究员', '明星', '网红', '达人', '博主', '宝妈', '孕妈', '童星', '奥运冠军', '世界冠军', '中科院', '科学院', '研究所', '研究院', '科研机构', '实验室', '协会', '学会', '行业协会', '消协', '红十字会', '基金会', '牙防组', '全国牙防组', '农科院', '农业科学院', '农技站', '农技推广站', '植保站', '畜牧站', '农大'];

/** People and bodies × what makes them endorse, each an entry. */
export const ENDORSERS: Generated = (owned) => [
  ...MEDICAL_PEOPLE.flatMap((p) => fromFree(VOUCH.map((v) => p + v), owned, (word, variants) => doctor(word, { variants, proof: PROOF, yes: [`${word} 营养粉`], no: ['营养粉 中老年'] }))),
  ...OTHER_PEOPLE.flatMap((p) => fromFree(VOUCH.map((v) => p + v), owned, (word, variants) => endorse(word, { variants, proof: PROOF, yes: [`${word} 营养粉`], no: ['营养粉 中老年'] }))),
];

export const ENDORSEMENT: readonly LawEntry[] = [
  endorse('专家推荐', { variants: ['专家研制', '专家认证', '专家研发', '专家指导', '专家团队推荐'], proof: PROOF, yes: ['复合维生素B族片 专家推荐 蓝帽', '专家推荐 降糖茶'], no: ['人体工学椅 设计师参与设计'] }),
  doctor('医生推荐', { variants: ['医师推荐', '医生同款', '医护推荐', '医生研发', '医生建议', '牙医推荐', '医师研制'], proof: PROOF, yes: ['深海鱼油软胶囊 医生推荐 中老年', '电子血压计 医生推荐 家用'], no: ['电子血压计 上臂式 家用'] }),
  doctor('药师推荐', { variants: ['营养师推荐', '临床营养师', '药剂师推荐'], proof: PROOF, yes: ['营养师推荐 蛋白粉'], no: ['蛋白粉 乳清 运动'] }),
  endorse('院士', { variants: ['院士推荐', '院士研发', '教授推荐', '博士研发', '博士推荐', '院士团队'], allow: ['院士楼'], proof: PROOF, yes: ['院士推荐 益生菌', '院士团队研发 床垫'], no: ['大学联合研发 材料'] }),
  doctor('患者推荐', { variants: ['患者证言', '康复案例', '亲测治好', '患者亲测', '病友推荐', '糖友推荐'], proof: PROOF, yes: ['患者亲测 降糖茶'], no: ['中老年 无糖 饼干'] }),
  doctor('医院指定', { variants: ['医院推荐', '三甲医院推荐', '医院供货', '医院采购'], proof: PROOF, yes: ['医院指定 血糖仪'], no: ['血糖仪 家用 免调码'] }),
  endorse('中科院推荐', { variants: ['科研机构推荐', '研究所推荐', '研究院推荐', '实验室推荐'], proof: PROOF, yes: ['中科院推荐 量子能量水杯'], no: ['保温杯 316不锈钢'] }),
  endorse('协会推荐', { variants: ['学会推荐', '协会认证', '协会指定', '行业协会推荐', '营养学会推荐', '消协推荐', '消费者协会推荐', '红十字会推荐', '基金会推荐'], proof: PROOF, yes: ['营养学会推荐 奶粉', '消协推荐 放心品牌'], no: ['奶粉 中老年 高钙'] }),
  endorse('权威', { variants: ['权威推荐', '权威认证', '权威机构', '权威检测'], proof: PROOF, yes: ['权威认证 第一 净水器', '权威推荐 钙片'], no: ['SGS检测报告 无甲醛'] }),
  endorse('明星同款', { variants: ['明星代言', '明星推荐', '网红推荐', '达人推荐', '博主推荐', '宝妈推荐', '童星推荐', '代言'], allow: ['代言人同款T恤'], proof: PROOF, yes: ['明星同款 减肥茶', '百万宝妈推荐 婴儿奶粉'], no: ['同款 T恤 纯棉'] }),
  doctor('老中医', { variants: ['名医', '国医大师', '御医', '老中医推荐'], proof: PROOF, yes: ['老中医秘方 祛湿茶'], no: [{ text: '《国医大师医案》图书', as: 'general' }] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error' } }),
  doctor('临床验证', { variants: ['临床证明', '临床试验', '临床研究证实', '临床实验'], allow: ['人体功效评价试验'], proof: PROOF, yes: ['临床验证 祛斑'], no: ['人体功效评价试验 保湿'] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning', medical: 'warning' } }),
];
