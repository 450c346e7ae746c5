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
  const parts = partsOf(template);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p === 'string') { out += p; continue; }
    if (!Object.hasOwn(data, p.key)) { out += p.whole; continue; }
    const v = (data as Record<string, unknown>)[p.key];
    if (p.one !== undefined) out += pluralOf(lang, v) === 'one' ? p.one : p.other!;
    else out += typeof v === 'string' ? v : isLocalized(v) ? v[lang] : String(v);
  }
  return out;
}

/** A placeholder of a template: `{key}`, or `{key|one|other}` for a word that follows a number. */
interface Placeholder { whole: string; key: string; one?: string; other?: string }

const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;
/** Templates taken apart (the catalog's and the rules' few hundred; more are taken apart each time, not kept). */
const PARTS = new Map<string, Array<string | Placeholder>>();
const MAX_PARTS = 4096;

/**
 * A template as its texts and its placeholders, in order: the pattern is run once per template,
 * not once per message (a rule's message is filled for each of a million rows).
 */
function partsOf(template: string): Array<string | Placeholder> {
  let parts = PARTS.get(template);
  if (parts) return parts;
  parts = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push({ whole: m[0], key: m[1], one: m[2], other: m[3] });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  if (PARTS.size < MAX_PARTS) PARTS.set(template, parts);
  return parts;
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
