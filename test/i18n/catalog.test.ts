import { describe, expect, it } from 'vitest';
import { REASON_TEXT } from '../../src/domain/orders.js';
import { CATALOG } from '../../src/i18n/catalog.js';
import { type Localized } from '../../src/i18n/format.js';
import { BUILTIN_RULES, RULES } from '../../src/rules/registry.js';
import { KINDS } from '../../src/sheets/registry.js';
import { READ_REASONS, REASON_HELP } from '../../src/workbook/reasons.js';
import { WRITE_PROBLEMS } from '../../src/workbook/safe-write.js';

/**
 * Every string a person sees, from every table of it: the command line's catalog, each rule's
 * description and messages, the readers' reasons and what to do about them, the writers'
 * problems, the order review's reasons, the sheets' notes and input hints. Each is rendered in
 * both languages with sample values: no placeholder is left, and Chinese output holds no Latin
 * word but those a Chinese screen shows as they are (commands and flags, file types, rule ids,
 * config keys, units, names of programs and of the SOP's terms).
 */
const entries: Array<[string, Localized]> = [
  ...Object.entries(CATALOG).map(([k, v]) => [`catalog ${k}`, v] as [string, Localized]),
  ...[...RULES, ...BUILTIN_RULES].flatMap((r) => [
    [`${r.id} description`, r.description] as [string, Localized],
    ...Object.entries(r.messages).map(([id, m]) => [`${r.id} ${id}`, m] as [string, Localized]),
  ]),
  ...Object.entries(READ_REASONS).map(([k, v]) => [`reason ${k}`, v] as [string, Localized]),
  ...Object.entries(REASON_HELP).map(([k, v]) => [`reason help ${k}`, { zh: v.zh, en: v.en }] as [string, Localized]),
  ...Object.entries(WRITE_PROBLEMS).map(([k, v]) => [`write ${k}`, v] as [string, Localized]),
  ...Object.entries(REASON_TEXT).map(([k, v]) => [`order reason ${k}`, v] as [string, Localized]),
  ...KINDS.flatMap((k) => [
    // (a column without an input hint has none in either language)
    ...k.columns.filter((c) => c.prompt.zh || c.prompt.en).map((c) => [`${k.id}.${c.key} prompt`, c.prompt] as [string, Localized]),
  ]),
];

/** Latin words a Chinese screen shows as they are. */
const ALLOWED = new Set([
  'ecsop', 'SOP', 'ROI', 'GMV', 'Excel', 'WPS', 'LibreOffice', 'OpenDocument', 'CSV', 'JSON', 'JUnit', 'XML', 'HTML', 'UTF', 'GBK', 'GB', 'BOM', 'ERP',
  'MB', 'KB', 'dpi', 'px', 'kg', 'g', 'mm', 'SKU', 'LOGO', 'TOP', 'NO', 'ID', 'R', 'SPF', 'PA', 'XFD', 'OLE', 'zip', 'Intl', 'CI', 'Node', 'npm', 'EXIF', 'BB',
  'xx', 'T', 'e', 'ECSOP', 'DEBUG', 'LANG', 'LC', 'ALL', 'MESSAGES', 'text', 'json', 'junit', 'github', 'html', 'zh', 'en', 'error', 'warning', 'info', 'utf', 'le', 'be',
  'gbk', 'gb', 'xlsx', 'xlsm', 'xls', 'csv', 'ods', 'bak', 'tmp', 'mp', 'mov', 'm', 'v', 'jpg', 'png', 'Windows', 'macOS', 'Tmall', 'JD', 'Taobao',
  'xml', 'CPU', 'SMART', 'PDF', 'U', 'A', 'YT', 'limits', 'suggestion', 'media',
]);

function latinWords(zh: string): string[] {
  const stripped = zh
    .replace(/\becsop (?:init|score|lint|review|check|media|rules|demo)\b/g, '') // command lines
    .replace(/--?[a-z][\w-]*/g, '') // flags
    .replace(/\b(?:sop|limits|rules)\.[\w.[\]]+/g, '') // config keys
    .replace(/\b[a-z]+(?:[-/][a-z0-9]+)+\b/g, '') // rule ids (title-banned-word, file/unsafe)
    .replace(/ecsop\.config\.json|\.?[\w-]+\.(?:xlsx|csv|json|xml)\b/g, '') // file names
    .replace(/\b\d+[A-Za-z]+\b/g, '') // 800px, 150kg, 2024-05-20T10
    .replace(/#[0-9A-Fa-f]{3,8}\b|#[A-Z]+\/?\d*!?/g, '') // colours, Excel's errors (#DIV/0!)
    .replace(/\{[^}]*\}/g, ''); // (placeholders are checked apart)
  return (stripped.match(/[A-Za-z]+/g) ?? []).filter((w) => !ALLOWED.has(w));
}

describe(`the message catalog (${entries.length} strings, both languages)`, () => {
  it('every string exists in both languages', () => {
    for (const [name, m] of entries) {
      expect(m.zh, name).toBeTruthy();
      expect(m.en, name).toBeTruthy();
    }
  });

  it('Chinese output holds no English word outside the allow-list; English output no Chinese sentence of ours', () => {
    const english: string[] = [];
    for (const [name, m] of entries) {
      const words = latinWords(m.zh);
      if (words.length) english.push(`${name}: ${words.join(' ')} — ${m.zh}`);
    }
    expect(english).toEqual([]);
  });

  it('the same placeholders in both languages', () => {
    const differ: string[] = [];
    for (const [name, m] of entries) {
      const names = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort().join();
      if (names(m.zh) !== names(m.en)) differ.push(`${name}: ${names(m.zh)} ≠ ${names(m.en)}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('plurals (issue #23): a word that follows a number agrees with it, by Intl.PluralRules', () => {
  it('"1 file, 2 sheets, 0 rows" in English; Chinese has no plural form', async () => {
    const { t } = await import('../../src/i18n/catalog.js');
    const en = t('en', 'text.summary', { files: 1, sheets: 2, rows: 0, errors: 1, warnings: '1,234', infos: 0 });
    expect(en).toMatch(/^Checked 1 file, 2 sheets, 0 rows: 1 error, 1,234 warnings/);
    expect(t('zh', 'text.summary', { files: 1, sheets: 2, rows: 0, errors: 1, warnings: 3, infos: 0 })).not.toMatch(/[a-z]/i);
  });
  it('no English message of ours writes "(s)" after a number', () => {
    expect(entries.filter(([, m]) => /\}\s*\w+\(s\)/.test(m.en)).map(([name]) => name)).toEqual([]);
  });
});
