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
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!Object.hasOwn(data, k)) return m;
    const v = data[k];
    return isLocalized(v) ? v[lang] : String(v);
  });
}
