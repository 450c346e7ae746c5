import { CATALOGS, LANGS, type Lang } from './languages.js';

export type { Lang };

/** A text in every language, for a message whose language is chosen later. */
export type Localized = Readonly<Record<Lang, string>>;

export function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && Object.keys(v).length === LANGS.length && LANGS.every((l) => typeof (v as Localized)[l] === 'string');
}

/** A text made in each language by `make`. */
export function inEvery(make: (lang: Lang) => string): Localized {
  return Object.fromEntries(LANGS.map((l) => [l, make(l)])) as Localized;
}

/**
 * Fills `{name}` placeholders. A value that is itself `{ zh, en }` is put in the language of the
 * text, so that a message never carries both languages.
 */
export function format(template: string, data: object = {}, lang: Lang = LANGS[0]): string {
  if (template.indexOf('{') < 0) return template;
  return template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (m, k: string, one?: string, other?: string) => {
    if (!Object.hasOwn(data, k)) return m;
    const v = (data as Record<string, unknown>)[k];
    if (one !== undefined) return pluralOf(lang, v) === 'one' ? one : other!;
    return isLocalized(v) ? v[lang] : String(v);
  });
}

const PLURAL_RULES = new Map<Lang, Intl.PluralRules>();

/**
 * The plural category of a number in a language, by Intl.PluralRules: `{files|file|files}` in a
 * message is the word for `{files}` (the first form for `one`, the second for every other
 * category). Numbers written with separators (`1,234`) are read as the number they show.
 */
function pluralOf(lang: Lang, v: unknown): Intl.LDMLPluralRule {
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  if (!Number.isFinite(n)) return 'other';
  let rules = PLURAL_RULES.get(lang);
  if (!rules) PLURAL_RULES.set(lang, (rules = new Intl.PluralRules(CATALOGS[lang]['lang.locale'])));
  return rules.select(n);
}
