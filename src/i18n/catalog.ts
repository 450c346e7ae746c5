import { format, inEvery, type Lang, type Localized } from './format.js';
import { CATALOGS } from './languages.js';
import type { MessageId } from './zh.js';

/**
 * The catalogs' texts by id: one file per language (`zh.ts`, `en.ts`), listed in `languages.ts`.
 * Definitions (rules, readers, writers, models, sheet kinds) name their texts with `msg(id)`; the
 * command line and the reports with `t(lang, id)`.
 */
export type MessageKey = MessageId;

/** A catalog string in `lang`, its placeholders filled. */
export function t(lang: Lang, key: MessageKey, data: object = {}): string {
  return format(CATALOGS[lang][key], data, lang);
}

/** A catalog text in every language, its placeholders left for the caller to fill. */
export function msg(key: MessageKey): Localized {
  return inEvery((lang) => CATALOGS[lang][key]);
}

/** A catalog string in every language, filled: for a message whose language is chosen later. */
export function localized(key: MessageKey, data: object = {}): Localized {
  return inEvery((lang) => t(lang, key, data));
}

/** Items as a list in each language (、 in Chinese, commas in English). */
export function joined(items: readonly string[]): Localized {
  return inEvery((lang) => items.join(t(lang, 'list.and')));
}

/** A `|`-separated catalog string as a list (table headers). */
export function list(lang: Lang, key: MessageKey, data: Record<string, unknown> = {}): string[] {
  return t(lang, key, data).split('|');
}
