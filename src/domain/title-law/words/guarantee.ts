import type { LawEntry } from '../types.js';
import { everywhere, except, family } from './helpers.js';

/**
 * Guarantees of effect and safety (《广告法》第十六、十八条; the 2019 measure on drug, device,
 * 保健食品 and 特医 ads, 第十一条): no cure or success rates, no 无效退款 or insurance of effect,
 * no 安全无毒副作用, no comparison with drugs, no promise that it works in days. Registered drugs
 * and devices are bound too: these are errors on every product.
 */
const guarantee = family('guarantee', 'guarantee', 'ad-16', everywhere('error'));

/** 瘦10斤, 甩5公斤: a promised weight loss, whatever the number (the digits after 瘦 are reported with it). */
const WEIGHT = ['瘦', '甩', '掉', '减'].flatMap((v) => Array.from({ length: 10 }, (_, d) => `${v}${d}`)).filter((w) => !/^减/.test(w));
/** 《儿童青少年近视防控》 notice (2019): no 康复, 恢复, 降低度数, 治愈, 克星, 度数修复 for myopia, even on a registered device. */
const myopia = family('guarantee', 'guarantee', 'myopia', everywhere('error'));

export const GUARANTEE: readonly LawEntry[] = [
  guarantee('无效退款', { variants: ['无效退钱', '不见效退款', '无效全额退款', '保险公司承保', '保险公司保险'], yes: ['医用冷敷凝胶 无效退款', '葡萄籽提取物胶囊 抗氧化 无效退款'], no: ['7天无理由退货 T恤'] }),
  guarantee('治愈率', { variants: ['有效率', '成功率', '痊愈率', '显效率'], yes: ['有效率98% 助听器'], no: ['助听器 降噪 隐形'] }),
  guarantee('保证治愈', { variants: ['保证有效', '保证见效', '保证退烧', '保证治好', '保证痊愈', '保证康复', '包治', '包好', '一次根治', '永不复发', '不复发', '不反弹', '一劳永逸', '药到病除', '贴到病除', '手到病除', '到病除', '病除'], yes: ['保证治愈 颈椎治疗仪', '不反弹 减肥'], no: ['颈椎 按摩仪 加热'] }),
  guarantee('无副作用', { variants: ['零副作用', '无毒副作用', '安全无毒副作用', '毒副作用小', '安全无副作用', '无依赖', '无毒无害'], yes: ['安全无副作用 减肥茶', '天然无毒副作用 保健品'], no: ['安全座椅 儿童'] }),
  guarantee('见效', { variants: ['当天见效', '一次见效', '立刻见效', '立即见效', '马上见效', '快速见效', '三天见效', '7天见效', '七天见效', '速见效', '立见效'], yes: ['神奇祛斑霜 三天见效', '增肌 7天见效'], no: ['保湿 面霜 滋润'] }, { level: except('error') }),
  guarantee('替代药物', { variants: ['比药还管用', '比药管用', '比药', '胜似药', '胜过药', '赛过药', '药效媲美', '媲美处方药', '代替药物', '替代降压药', '替代降糖药', '代替降压药', '可以停药', '可停药', '停药', '减药', '不用吃药', '告别吃药', '摆脱药物', '告别药物', '不用打针', '比药好', '胜过药物', '媲美药物'], yes: ['深海鱼油 可替代降压药 中老年'], no: ['深海鱼油 软胶囊 中老年'] }),
  guarantee('恢复听力', { variants: ['听力恢复', '治愈耳聋', '耳聋康复', '根治耳鸣', '恢复嗅觉'], yes: ['老人助听器 恢复听力'], no: ['老人助听器 隐形 充电'] }),
  guarantee('零误差', { variants: ['误差为零', '比医院的还准', '比医院还准', '医院级精准', '百分百准确', '100%准确'], yes: ['电子血压计 比医院的还准 误差为零'], no: ['电子血压计 上臂式'] }),
  guarantee('不生病', { variants: ['吃了不生病', '百病不侵', '远离疾病', '不得病', '永不生病', '告别疾病'], yes: ['燕窝 吃了不生病'], no: ['燕窝 即食 孕期'] }),
  guarantee('不白退款', { variants: ['不瘦退款', '不长退款', '不白包退', '不瘦包退', '不长包退', '无效包退', '不黑退款', '不好退款'], yes: ['美白精华 不白退款', '减肥茶 不瘦包退'], no: ['美白精华 七天无理由退货'] }),
  guarantee('月瘦', { variants: [...WEIGHT, '暴瘦', '狂瘦', '速瘦', '躺瘦', '周瘦', '急瘦', '猛瘦', '懒人瘦', '躺着瘦', '不节食瘦'], yes: ['左旋肉碱胶囊 月瘦20斤', '代餐奶昔 躺瘦'], no: ['代餐奶昔 低卡 饱腹'] }),
  myopia('恢复视力', { variants: ['视力恢复', '提高视力', '改善视力', '降低度数', '度数降低', '度数修复', '度数回退', '近视治愈', '摘掉眼镜', '告别眼镜', '摘镜', '不用戴眼镜', '视力提升'], yes: ['近视理疗仪 恢复视力', '叶黄素软糖 告别眼镜'], no: ['护眼台灯 国AA级'] }),
];

/**
 * An effect promised within a time (7天祛斑, 三天见效, 一周瘦5斤, 30天长高): a guarantee of effect
 * whatever the words (第十六、十八条; the 2019 measure).
 */
export const TIME_GUARANTEE_PATTERN = {
  re: /(?:\d+|[一二三四五六七八九十两半]+)个?(?:天|日|周|星期|月|小时)(?:内|之内)?(?:见效|有效|祛斑|淡斑|去斑|美白|变白|白|瘦|掉|长高|增高|治愈|痊愈|康复|去除|祛除|消除|祛痘|去痘|除痘|祛|生发|长发|长出|丰胸|变大|告别|摆脱|远离|根治|治好|改善|修复|逆转|恢复)/g,
  entry: family('guarantee', 'guarantee', 'ad-16', everywhere('error'))('N天见效', { yes: ['祛斑霜 7天祛斑', '减肥茶 一周瘦5斤'], no: ['祛斑霜 7天无理由退货', '保质期 18个月'] }),
};
