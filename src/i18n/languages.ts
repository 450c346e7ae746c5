import { en } from './en.js';
import { zh } from './zh.js';

/**
 * The languages ecsop speaks, each one catalog file (Chinese first: the default, and the one the
 * others translate). A new language is its file and one line here; `--lang`, `ECSOP_LANG`, the
 * config's `lang` and the system locale then accept it.
 */
export const CATALOGS = {
  zh,
  en,
} as const;

export type Lang = keyof typeof CATALOGS;

export const LANGS = Object.keys(CATALOGS) as Lang[];

/** The language of a run nothing else decides: Chinese, the SOP's and its users' (the first catalog). */
export const DEFAULT_LANG: Lang = LANGS[0];

/** The language for a locale that names a language ecsop has no catalog for (fr_FR); one that names none (C, POSIX) gets DEFAULT_LANG. */
export const NEUTRAL_LANG: Lang = 'en';

/** The language a tag names: `zh`, and as locales and people write it, `zh-CN`, `zh_CN.UTF-8`, `ZH`, `en-US`. */
export function langOfTag(v: unknown): Lang | undefined {
  if (typeof v !== 'string') return undefined;
  const primary = v.trim().toLowerCase().split(/[-_.@]/)[0];
  return isLang(primary) ? primary : undefined;
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && Object.hasOwn(CATALOGS, v);
}

/**
 * What a person most likely meant by a language value ecsop does not take: `cn`, `chinese`, 中文 → zh;
 * `english`, 英文 → en; undefined for any other (the config then offers the nearest by spelling; `cn` is
 * one letter from `en`: spelling alone would send an operator who means Chinese to English).
 */
export function langMeant(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  for (const [lang, words] of Object.entries(LANG_WORDS) as Array<[Lang, readonly string[]]>) if (words.some((w) => v === w || v.startsWith(`${w}-`) || v.startsWith(`${w}_`))) return lang;
  return undefined;
}

/** Words people write for a language that are not its tag. */
const LANG_WORDS: Partial<Record<Lang, readonly string[]>> = {
  zh: ['cn', 'chn', 'chs', 'cht', 'chinese', 'china', 'zhongwen', 'mandarin', '中文', '汉语', '漢語', '简体', '简体中文', '繁体', '繁體', '繁體中文', '中'],
  en: ['eng', 'english', 'us', 'uk', 'gb', '英文', '英语', '英語'],
};
