import type { LawEntry } from '../types.js';
import { everywhere, family } from './helpers.js';

/**
 * Pressure selling (《规范促销行为暂行规定》, 《广告法》第二十八条): urgency must state its period
 * (限时 is fine with 5月20日 or 24小时 in the title), scarcity and prizes must be true.
 */
const urgency = family('promotion', 'urgency', 'promotion', everywhere('warning'));
const inducement = family('promotion', 'inducement', 'promotion', everywhere('warning'));
/** An award or a ranking said of the goods (年度最佳, 榜首): an absolute term, a book's included — only the work's own name in 《》 is exempt. */
const award = family('promotion', 'first-unique', 'ad-9-3', everywhere('error'));

export const PROMOTION: readonly LawEntry[] = [
  urgency('限时', { lawful: ['time-stated'], allow: ['限时秒杀'], yes: ['限时抢购 面膜', '限时特价 卫衣'], no: ['5月20日-5月22日限时特价', '限时特价 截至2025-11-11 24:00'] }),
  urgency('仅此一次', { lawful: ['time-stated'], yes: ['仅此一次 清仓'], no: ['一次性 纸杯'] }),
  urgency('仅限今天', { variants: ['仅限今日', '今天最后一天'], lawful: ['time-stated'], yes: ['仅限今天 特价'], no: ['今天发货 现货'] }),
  urgency('倒计时', { lawful: ['time-stated'], yes: ['倒计时抢购'], no: ['24小时倒计时 秒杀'] }),
  urgency('即将售罄', { variants: ['库存告急'], lawful: ['time-stated'], yes: ['即将售罄 连衣裙'], no: ['现货 连衣裙'] }),
  urgency('马上涨价', { variants: ['即将涨价', '明天涨价'], lawful: ['time-stated'], yes: ['马上涨价 快抢'], no: ['价格 稳定 不涨价'] }),
  urgency('错过再等一年', { yes: ['错过再等一年 年货'], no: ['年货 礼盒'] }),
  inducement('点击有惊喜', { yes: ['点击有惊喜 优惠'], no: ['惊喜 盲盒 玩具'] }, { level: everywhere('error') }),
  inducement('点击领奖', { yes: ['点击领奖 抽奖'], no: ['奖杯 定制'] }, { level: everywhere('error') }),
  award('年度最佳', { variants: ['年度第一', '年度十佳', '年度冠军', '排行榜第一', '榜单第一', '榜首', '年度爆款第一'], yes: ['年度最佳小说 必读', '排行榜第一 蓝牙耳机'], no: ['年度 新款 小说', { text: '《年度最佳》电影原声', as: 'general' }] }),
  inducement('不买后悔', { yes: ['不买后悔系列'], no: ['后悔药 零食'] }),
  inducement('抢疯了', { yes: ['全网抢疯了 面膜'], no: ['疯狂动物城 玩偶'] }),
];
