/** The two languages every message exists in. */
export type Lang = 'zh' | 'en';

/** A text in both languages. */
export interface Localized { zh: string; en: string }

export function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && typeof (v as Localized).zh === 'string' && typeof (v as Localized).en === 'string' && Object.keys(v).length === 2;
}

/**
 * Fills `{name}` placeholders. A value that is itself `{ zh, en }` is put in the language of the
 * text, so that a message never carries both languages.
 */
export function format(template: string, data: Record<string, unknown> = {}, lang: Lang = 'zh'): string {
  if (template.indexOf('{') < 0) return template;
  return template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (m, k: string, one?: string, other?: string) => {
    if (!Object.hasOwn(data, k)) return m;
    const v = data[k];
    if (one !== undefined) return pluralOf(lang, v) === 'one' ? one : other!;
    return isLocalized(v) ? v[lang] : String(v);
  });
}

const PLURAL_RULES = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };

/**
 * The plural category of a number in a language, by Intl.PluralRules: `{files|file|files}` in a
 * message is the word for `{files}` (the first form for `one`, the second for every other
 * category). Numbers written with separators (`1,234`) are read as the number they show.
 */
function pluralOf(lang: Lang, v: unknown): Intl.LDMLPluralRule {
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  return Number.isFinite(n) ? PLURAL_RULES[lang].select(n) : 'other';
}
