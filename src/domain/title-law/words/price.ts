import { msg } from '../../../i18n/catalog.js';
import type { LawEntry } from '../types.js';
import { everywhere, family } from './helpers.js';

/**
 * Price claims (《明码标价和禁止价格欺诈规定》第十六、十七、十九条): a compared price must be
 * real — by default no higher than the shop's lowest price of the last 7 days, or labelled as what
 * it is (厂商建议零售价); no price without a basis (出厂价, 全网最低). These are warnings that say
 * what proof the seller must keep; 全网最低 and its kin cannot be proven at all.
 */
const SEVEN_DAYS = msg('law.price.SEVEN_DAYS');
const ALL_CHANNELS = msg('law.price.ALL_CHANNELS');
const BASIS = msg('law.price.BASIS');
const price = family('price', 'price-claim', 'price', everywhere('warning'));

export const PRICE: readonly LawEntry[] = [
  price('原价', { variants: ['划线价', '原售价', '原零售价'], proof: SEVEN_DAYS, yes: ['原价999 现价99 羽绒服'], no: ['厂商建议零售价2999 现售2599'] }),
  price('全网最低', { detachable: true, variants: ['全网最低价', '全网最便宜', '全网底价', '全网最优惠', '史上最低', '史上最低价', '历史最低', '历史最低价', '史低', '最低价', '最便宜', '价格最低', '保证最低', '底价'], allow: ['底价格'], proof: ALL_CHANNELS, yes: ['全网最低价 抽纸', '全网底价 洗衣液', '史上最低价 空调'], no: ['抽纸 24包 到手价29.9'] }),
  price('专柜价', { variants: ['吊牌价', '门市价', '市场价', '参考价', '商场价', '零售价'], allow: ['厂商建议零售价', '建议零售价'], proof: SEVEN_DAYS, yes: ['专柜价3999 羊绒大衣'], no: ['吊牌 定制 服装'] }),
  price('出厂价', { variants: ['工厂价', '厂价', '批发价', '成本价', '进货价', '原厂价', '亏本价', '赔本价', '跳楼价', '血亏价', '骨折价', '亏本冲量', '亏本', '赔本', '亏钱', '血亏', '贴钱卖', '地板价', '击穿底价', '清仓价', '内部价', '员工价'], allow: ['厂价直销店'], proof: BASIS, yes: ['出厂价 全网最低', '亏本跳楼价 清仓'], no: ['源头工厂 到手价59'] }),
  price('比天猫便宜', { variants: ['比京东便宜', '比直播间便宜', '比专柜便宜', '全网比价'], proof: SEVEN_DAYS, yes: ['比天猫便宜一半 面霜'], no: ['天猫 旗舰店 面霜'] }),
];
