import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS } from '../../src/i18n/languages.js';
import { zh } from '../../src/i18n/zh.js';
import { latinWords } from '../helpers/latin-words.js';

/**
 * One catalog per language (issue #23): every text a person sees is an id of `src/i18n/zh.ts`
 * (the command line's, each rule's description and messages, the readers' reasons and what to do
 * about them, the writers' problems, the order review's reasons, the sheets' input hints), and
 * every other language's file has each id with the same placeholders. Chinese output holds no
 * Latin word but those a Chinese screen shows as they are (commands and flags, file types, rule
 * ids, config keys, units, names of programs and of the SOP's terms).
 */
const ids = Object.keys(zh) as Array<keyof typeof zh>;


const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
const SOURCES = files('src').filter((f) => !f.startsWith(join('src', 'i18n')));

describe(`the message catalogs (${ids.length} texts, ${LANGS.join(' and ')})`, () => {
  it('every language has every id of the Chinese catalog and no other, none empty', () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGS[lang]).sort(), lang).toEqual([...ids].sort());
      expect(ids.filter((id) => !CATALOGS[lang][id].trim()), lang).toEqual([]);
    }
  });

  it('Chinese output holds no English word outside the allow-list', () => {
    const english: string[] = [];
    for (const id of ids) {
      if (id.startsWith('lang.')) continue; // the language's own settings (its locale, zod's locale name)
      const words = latinWords(zh[id]);
      if (words.length) english.push(`${id}: ${words.join(' ')} — ${zh[id]}`);
    }
    expect(english).toEqual([]);
  });

  it('the same placeholders in every language', () => {
    const differ: string[] = [];
    const names = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort().join();
    for (const lang of LANGS) {
      // (a pick.* text chooses which of the names its callers give it shows: 淘宝 or Taobao)
      for (const id of ids) if (!id.startsWith('pick.') && names(zh[id]) !== names(CATALOGS[lang][id])) differ.push(`${lang} ${id}: ${names(zh[id])} ≠ ${names(CATALOGS[lang][id])}`);
    }
    expect(differ).toEqual([]);
  });

  it('no text of a language lives outside the catalogs, and no code asks which language it is', () => {
    // a { zh: '…', en: '…' } pair, a lang === 'zh' test or a `?? 'zh'` default in src/ is a text or a choice a new language's
    // file could not reach (a sheet kind's headers, notes and hints are the workbook's own text, `Bilingual`: the SOP's Chinese
    // and the English line of --headers zh-en, and stay in its definition)
    const found: string[] = [];
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const [n, line] of text.split('\n').entries()) {
        if (/\bzh: ['`]/.test(line) && /\ben: ['`]/.test(line)) found.push(`${file}:${n + 1} text pair`);
        if (/(?:===|!==|\?\?|[?:]) '(?:zh|en)'(?!-)|'(?:zh|en)' (?:===|!==|\?|:)/.test(line)) found.push(`${file}:${n + 1} language test or default`);
        // a run's text built per language by hand ({ zh: …, en: … } of variables) rather than by inEvery / the catalogs
        if (/\{ zh[,:] /.test(line) && !/\bBilingual\b/.test(line) && !file.includes(join('src', 'sheets'))) found.push(`${file}:${n + 1} text pair`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('plurals (issue #23): a word that follows a number agrees with it, by Intl.PluralRules', () => {
  it('"1 file, 2 sheets, 0 rows" in English; Chinese has no plural form', async () => {
    const { t } = await import('../../src/i18n/catalog.js');
    const en = t('en', 'text.summary', { files: 1, sheets: 2, rows: 0, errors: 1, warnings: '1,234', infos: 0 });
    expect(en).toMatch(/^Checked 1 file, 2 sheets, 0 rows: 1 error, 1,234 warnings/);
    expect(t('zh', 'text.summary', { files: 1, sheets: 2, rows: 0, errors: 1, warnings: 3, infos: 0 })).not.toMatch(/[a-z]/i);
  });
  it('an English count is singular at 1: "1 second", "1 title", never "1 seconds" (the plural form wherever a number counts a noun)', async () => {
    const { t } = await import('../../src/i18n/catalog.js');
    expect(t('en', 'read.timeout', { limit: 1 })).toMatch(/longer than 1 second and/);
    expect(t('en', 'read.timeout', { limit: 600 })).toMatch(/longer than 600 seconds and/);
    // a placeholder followed by a plural noun, not in its plural form: none
    const nouns = 'seconds|rows|files|items|times|warnings|errors|entries|cells|names|titles|sheets|hours|workbooks|findings|orders|characters|words|minutes';
    const bare = ids.filter((id) => new RegExp(`(^|[^/]){\\w+} (${nouns})\\b`).test(CATALOGS.en[id]));
    expect(bare).toEqual([]);
  });
  it('no English message of ours writes "(s)" after a number', () => {
    expect(ids.filter((id) => /\}\s*\w+\(s\)/.test(CATALOGS.en[id]))).toEqual([]);
  });
});
