/**
 * Title rules per platform. Length is counted in platform units: a character outside ASCII
 * (CJK, full-width, emoji) counts 2, ASCII counts 1, so 60 units = 30 汉字. Where a platform does
 * not publish a number, `published` is false and the number is the SOP's ≤30个汉字: configurable.
 */
export interface PlatformProfile {
  id: PlatformId;
  name: string;
  /** names a 平台 cell may hold */
  aliases: string[];
  /** how length is counted: `units` = ASCII 1, any other character (汉字, full width, emoji) 2, per grapheme */
  unit: 'units';
  min: number;
  max: number;
  /** emoji are refused in titles */
  noEmoji: boolean;
  /** where the numbers come from */
  basis: string;
  published: boolean;
}

export type PlatformId = 'sop' | 'taobao' | 'tmall' | 'jd' | 'pdd' | 'douyin' | 'kuaishou' | 'xiaohongshu';

export const PLATFORMS: readonly PlatformProfile[] = [
  { id: 'sop', name: 'SOP', aliases: [], unit: 'units', min: 0, max: 60, noEmoji: true, basis: 'SOP 三.1: 标题≤30个汉字', published: true },
  { id: 'taobao', name: '淘宝', aliases: ['淘宝', 'taobao', '淘宝网'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '淘宝发布商品:宝贝标题最多60个字节(30个汉字)', published: true },
  { id: 'tmall', name: '天猫', aliases: ['天猫', 'tmall', '天猫商城'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '天猫与淘宝同一发布系统:标题最多60个字节(30个汉字)', published: true },
  { id: 'jd', name: '京东', aliases: ['京东', 'jd', '京东商城'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '京东未公开统一的标题字数上限(因类目而异);默认用 SOP 的≤30个汉字', published: false },
  { id: 'pdd', name: '拼多多', aliases: ['拼多多', 'pdd', 'pinduoduo'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '拼多多商品标题常见上限为30个汉字(60字符),平台规则页未给出统一数字;默认用≤30个汉字', published: false },
  { id: 'douyin', name: '抖音', aliases: ['抖音', 'douyin', '抖店', '抖音小店', '抖音电商'], unit: 'units', min: 16, max: 60, noEmoji: false, basis: '抖店商品标题:16-60个字符(8-30个汉字)', published: true },
  { id: 'kuaishou', name: '快手', aliases: ['快手', 'kuaishou', '快手小店', '快手电商'], unit: 'units', min: 0, max: 60, noEmoji: false, basis: '快手小店未公开标题字数上限;默认用 SOP 的≤30个汉字', published: false },
  { id: 'xiaohongshu', name: '小红书', aliases: ['小红书', 'xiaohongshu', '小红书商城', 'red'], unit: 'units', min: 0, max: 60, noEmoji: false, basis: '小红书商城未公开商品标题字数上限;默认用 SOP 的≤30个汉字', published: false },
];

/** The profile a 平台 cell, a --platform flag or the config names; undefined when none fits. */
export function platformOf(name: string | undefined): PlatformProfile | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase();
  return PLATFORMS.find((p) => p.id === key || p.aliases.some((a) => a.toLowerCase() === key));
}
