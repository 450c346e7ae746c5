import { format, inEvery, type Lang, type Localized } from './format.js';
import { CATALOGS } from './languages.js';
import type { MessageId, zh } from './zh.js';

/**
 * The catalogs' texts by id: one file per language (`zh.ts`, `en.ts`), listed in `languages.ts`.
 * Definitions (rules, readers, writers, models, sheet kinds) name their texts with `msg(id)`; the
 * command line and the reports with `t(lang, id)`.
 */
export type MessageKey = MessageId;

/** The name of a placeholder: `{name}` or, with plural forms, `{name|one|other}`; a brace of prose (`{ "rules": … }`) is none. */
type PlaceholderName<P extends string> = P extends `${infer N}|${string}` ? PlaceholderName<N> : P extends `${string}${' ' | '"' | ':' | ',' | '{' | '…'}${string}` ? never : P extends '' ? never : P;

/** The placeholders of a text: `'{count} 个文件'` → `'count'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? PlaceholderName<P> | Placeholders<Rest> : never;

/**
 * The data a message needs: every placeholder of its Chinese text (the catalog every other language
 * is checked against), so a call that leaves one out fails tsc instead of showing `{region}` to a person.
 */
export type MessageData<K extends MessageKey> = { readonly [P in Placeholders<(typeof zh)[K]>]: unknown } & object;

/** The data argument of a message: optional when the text has no placeholder, required otherwise. */
export type DataArgs<K extends MessageKey> = [Placeholders<(typeof zh)[K]>] extends [never] ? [data?: object] : [data: MessageData<K>];

/** A catalog string in `lang`, its placeholders filled; tsc checks the data has each one. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...rest: DataArgs<K>): string {
  return format(CATALOGS[lang][key], rest[0] ?? {}, lang);
}

/**
 * `t` for a key chosen at run time (a status, a verdict, an error carried to where it is said): the
 * data was checked where the key was chosen, or the texts have none. test/i18n/placeholders.test.ts
 * renders every id through the commands to find what tsc cannot see here.
 */
export function tAny(lang: Lang, key: MessageKey, data: object = {}): string {
  return format(CATALOGS[lang][key], data, lang);
}

/** A catalog text in every language, its placeholders left for the caller to fill. */
export function msg(key: MessageKey): Localized {
  return inEvery((lang) => CATALOGS[lang][key]);
}

/** A catalog string in every language, filled: for a message whose language is chosen later. */
export function localized<K extends MessageKey>(key: K, ...rest: DataArgs<K>): Localized {
  return inEvery((lang) => tAny(lang, key, rest[0] ?? {}));
}

/** Items as a list in each language (、 in Chinese, commas in English); an item in words is taken in each language. */
export function joined(items: ReadonlyArray<string | Localized>): Localized {
  return inEvery((lang) => items.map((i) => (typeof i === 'string' ? i : i[lang])).join(t(lang, 'list.and')));
}

/** A `|`-separated catalog string as a list (table headers). */
export function list<K extends MessageKey>(lang: Lang, key: K, ...rest: DataArgs<K>): string[] {
  return tAny(lang, key, rest[0] ?? {}).split('|');
}
