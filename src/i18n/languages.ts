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
