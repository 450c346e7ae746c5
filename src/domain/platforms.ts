import { cleanText } from '../cells/normalize.js';

/**
 * The platforms ecsop knows, in one table: ids, names and the words a 平台 cell or a flag may
 * use, and each platform's title rules. The listing sheet's dropdown, the parsing of a 平台 cell,
 * the config's platform keys, `lint --platform` and the docs all come from here.
 *
 * Length is counted in platform units: a character outside ASCII (CJK, full-width, emoji)
 * counts 2, ASCII counts 1, so 60 units = 30 汉字. Where a platform does not publish a number,
 * `published` is false and the number is the SOP's ≤30个汉字: configurable.
 */
export interface PlatformProfile {
  id: PlatformId;
  /** the Chinese name, as the dropdown offers it */
  name: string;
  en: string;
  /** other words a 平台 cell, --platform or the config may use for it */
  aliases: readonly string[];
  /** how length is counted: `units` = ASCII 1, any other character (汉字, full width, emoji) 2, per grapheme */
  unit: 'units';
  min: number;
  max: number;
  /** emoji are refused in titles */
  noEmoji: boolean;
  /** where the numbers come from */
  basis: string;
  published: boolean;
  /** 保证金 range in yuan the SOP states for a store there (二.2), when it states one; config `sop.store.deposits` overrides */
  deposit?: readonly [number, number];
}

/**
 * One row per platform: adding a platform is adding its row (then `npm run generate`); its id,
 * the dropdown, the 平台 words, the config's keys, `lint --platform` and docs/platforms.md follow.
 */
const ROWS = [
  { id: 'taobao', name: '淘宝', en: 'Taobao', aliases: ['淘宝网', '淘寶', '手机淘宝'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '淘宝发布商品:宝贝标题最多60个字节(30个汉字)', published: true },
  { id: 'tmall', name: '天猫', en: 'Tmall', aliases: ['天猫商城', '天猫旗舰店', '天貓'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '天猫与淘宝同一发布系统:标题最多60个字节(30个汉字)', published: true, deposit: [50000, 100000] },
  { id: 'jd', name: '京东', en: 'JD', aliases: ['京东商城', '京東', 'jingdong'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '京东未公开统一的标题字数上限(因类目而异);默认用 SOP 的≤30个汉字', published: false },
  { id: 'pdd', name: '拼多多', en: 'Pinduoduo', aliases: ['pinduoduo', '拼夕夕'], unit: 'units', min: 0, max: 60, noEmoji: true, basis: '拼多多商品标题常见上限为30个汉字(60字符),平台规则页未给出统一数字;默认用≤30个汉字', published: false },
  { id: 'douyin', name: '抖音', en: 'Douyin', aliases: ['抖店', '抖音小店', '抖音电商', '抖音商城'], unit: 'units', min: 16, max: 60, noEmoji: true, basis: '抖店商品标题:16-60个字符(8-30个汉字);《抖店商品发布规范》:标题不得含表情符号等特殊字符', published: true, deposit: [20000, 50000] },
  { id: 'kuaishou', name: '快手', en: 'Kuaishou', aliases: ['快手小店', '快手电商'], unit: 'units', min: 0, max: 60, noEmoji: false, basis: '快手小店未公开标题字数上限;默认用 SOP 的≤30个汉字', published: false },
  { id: 'xiaohongshu', name: '小红书', en: 'Xiaohongshu', aliases: ['小红书商城', '小紅書', 'red', 'rednote'], unit: 'units', min: 0, max: 60, noEmoji: false, basis: '小红书商城未公开商品标题字数上限;默认用 SOP 的≤30个汉字', published: false },
] as const satisfies ReadonlyArray<Omit<PlatformProfile, 'id'> & { id: string }>;

export type PlatformId = (typeof ROWS)[number]['id'] | 'sop';
export const PLATFORMS: readonly PlatformProfile[] = ROWS;
export const PLATFORM_IDS: ReadonlyArray<PlatformId> = ROWS.map((p) => p.id);

/** The SOP's own rule (≤30个汉字), for a listing whose platform is not known. */
export const SOP_PROFILE: PlatformProfile = { id: 'sop', name: 'SOP', en: 'SOP', aliases: [], unit: 'units', min: 0, max: 60, noEmoji: true, basis: 'SOP 三.1: 标题≤30个汉字', published: true };

/** The comparable form of a platform word: half-width, no spaces, lower case. */
const keyOf = (text: string) => cleanText(text).replace(/\s+/g, '').toLowerCase();

const BY_WORD: ReadonlyMap<string, PlatformProfile> = new Map(PLATFORMS.flatMap((p) => [p.id, p.name, p.en, ...p.aliases].map((w) => [keyOf(w), p] as const)));

/** The platform a 平台 cell, a --platform flag or the config names (id, name, English name or alias); undefined when none fits. */
export function platformOf(name: string | undefined): PlatformProfile | undefined {
  return name ? BY_WORD.get(keyOf(name)) : undefined;
}

/** Every word that names a platform, for messages that list what is allowed. */
export function platformWords(): string[] {
  return PLATFORMS.map((p) => `${p.id} (${p.name})`);
}
