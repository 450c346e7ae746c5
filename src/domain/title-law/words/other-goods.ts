import type { LawEntry } from '../types.js';
import { everywhere, family, only } from './helpers.js';

/**
 * What the law forbids for other goods it names (《广告法》第二十一、二十三、二十四、二十七条):
 * education and training may not promise passing (包过, 押中, 不过退款); pesticides, veterinary
 * drugs, feed and seeds may not guarantee safety, effect or yield (对人畜无害, 一喷全死, 包成活,
 * 亩产); alcohol may not urge drinking or go with driving (一醉方休, 开车也能喝). These words say
 * the same wherever they stand: errors on every product.
 */
const education = family('education', 'education-guarantee', 'ad-24', everywhere('error'));
const agri = family('agri', 'agri-guarantee', 'ad-21', { agri: 'error', general: 'warning' });
const agriAny = family('agri', 'agri-guarantee', 'ad-21', everywhere('error'));
const alcohol = family('alcohol', 'alcohol', 'ad-23', everywhere('error'));

export const OTHER_GOODS: readonly LawEntry[] = [
  education('包过', { variants: ['保过', '保过班', '包过班', '必过', '稳过', '包通过', '保证通过', '一次通过', '不过包退', '保录取', '包录取', '保分', '提分保证', '包就业', '保就业', '包拿证', '包拿证书'], allow: ['包过滤', '包过敏'], yes: ['初级会计 教材 包过', '考研网课 保过班'], no: ['初级会计 教材 2025'] }),
  education('不过退款', { variants: ['不过全额退', '不过退费', '不过全额退款', '不过免费重学', '不过免费重修', '不过退学费', '考不过退'], yes: ['考研网课 不过全额退'], no: ['考研网课 直播 答疑'] }),
  education('押中', { variants: ['100%押中', '押中原题', '命中率', '押题命中', '原题命中', '考点全中'], yes: ['考研英语真题 100%押中'], no: ['考研英语 押题卷 2025'] }),
  education('名师推荐', { variants: ['清华名师推荐', '北大名师推荐', '名校推荐', '清华推荐', '北大推荐', '状元推荐', '学霸推荐', '特级教师推荐', '名师力荐'], yes: ['清华名师推荐 必刷题'], no: ['必刷题 高考 数学'] }),
  education('通过率', { variants: ['过关率', '升学率', '提分率', '录取率', '拿证率', '就业率'], yes: ['驾考 通过率99%'], no: ['驾考 科目一 题库'] }),
  agriAny('对人畜无害', { variants: ['人畜无害', '对人畜安全', '人畜安全'], yes: ['草甘膦除草剂 对人畜无害'], no: ['草甘膦除草剂 500ml'] }),
  agri('无毒', { variants: ['零毒性', '无残留', '零残留', '无药害', '不伤作物'], yes: [{ text: '多菌灵 杀菌剂 无毒', as: 'agri' }], no: [{ text: '多菌灵 杀菌剂 500g', as: 'agri' }] }),
  agriAny('一喷全死', { variants: ['一喷死', '一喷就死', '一喷净', '药到虫除', '虫净', '杀光', '全杀光', '100%杀灭', '百分百杀灭', '杀灭率'], yes: ['吡虫啉杀虫剂 一喷全死'], no: ['吡虫啉杀虫剂 蚜虫'] }),
  agri('包成活', { variants: ['保成活', '包活', '保活', '成活率', '包发芽', '发芽率100%'], yes: [{ text: '番茄种子 包成活', as: 'agri' }], no: [{ text: '番茄种子 50粒', as: 'agri' }] }),
  agri('亩产', { variants: ['增产', '保产', '高产稳产', '产量翻倍', '翻倍增产'], yes: [{ text: '番茄种子 亩产2万斤', as: 'agri' }, { text: '叶面肥 增产50%', as: 'agri' }], no: [{ text: '番茄种子 大果 50粒', as: 'agri' }] }, { level: only('error', 'agri') }),
  alcohol('一醉方休', { variants: ['不醉不归', '开车也能喝', '喝了能开车', '喝完能开车', '酒后开车', '多喝有益', '天天喝不伤身', '喝不醉'], yes: ['纯粮白酒 一醉方休', '精酿啤酒 开车也能喝'], no: ['纯粮白酒 53度 500ml'] }),
];
