import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/i18n/format.js';
import { LANGS, type Lang } from '../../src/i18n/languages.js';

const RUNS = { numRuns: 2000, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

/**
 * What `format` did when it ran its pattern over the template for every message (before the
 * templates were taken apart once and kept): written here again as the reference.
 */
function byPattern(template: string, data: object, lang: Lang): string {
  return template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (m, k: string, one?: string, other?: string) => {
    if (!Object.hasOwn(data, k)) return m;
    const v = (data as Record<string, unknown>)[k];
    if (one !== undefined) {
      const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
      return Number.isFinite(n) && new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en').select(n) === 'one' ? one : other!;
    }
    if (typeof v === 'object' && v !== null && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string') && Object.keys(v).length === LANGS.length) return (v as Record<Lang, string>)[lang];
    return String(v);
  });
}

const KEYS = ['n', 'value', 'files', 'a_b', 'x1'];
/** Templates made of texts, braces, bars and placeholders, whole or broken. */
const template = fc.array(fc.oneof(
  fc.constantFrom('{', '}', '|', '{|', '||', '{{', '}}', '，', '条', ' ', 'file', '中文'),
  fc.constantFrom(...KEYS).map((k) => `{${k}}`),
  fc.tuple(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })).map(([k, one, other]) => `{${k}|${one}|${other}}`),
  fc.string({ maxLength: 6 }),
), { maxLength: 12 }).map((xs) => xs.join(''));
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double(), fc.string({ maxLength: 5 }), fc.constantFrom('1', '1,000', '1.0', ''), fc.constant(null), fc.constant(undefined),
  fc.record({ zh: fc.string({ maxLength: 3 }), en: fc.string({ maxLength: 3 }) }).map((r) => ({ ...r })), fc.record({ zh: fc.string({ maxLength: 3 }) }).map((r) => ({ ...r })));
const data = fc.dictionary(fc.constantFrom(...KEYS, 'other'), value).map((d) => ({ ...d }));

describe('format: templates taken apart once', () => {
  it('fills every template as running the pattern over it does', () => {
    fc.assert(fc.property(template, data, fc.constantFrom(...LANGS), (tpl, d, lang) => {
      // twice: the second time from the template as kept
      expect(format(tpl, d, lang)).toBe(byPattern(tpl, d, lang));
      expect(format(tpl, d, lang)).toBe(byPattern(tpl, d, lang));
    }), RUNS);
  });

  it('examples: a word after a number, a text in each language, a placeholder without data', () => {
    expect(format('{n} {n|file|files}', { n: 1 }, 'en')).toBe('1 file');
    expect(format('{n} {n|file|files}', { n: '1,000' }, 'en')).toBe('1,000 files');
    expect(format('省份：{p}', { p: { zh: '新疆', en: 'Xinjiang' } }, 'zh')).toBe('省份：新疆');
    expect(format('{a}{b}', { a: 'x' }, 'zh')).toBe('x{b}');
  });
});
