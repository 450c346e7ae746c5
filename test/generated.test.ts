import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTable } from '../src/docs/rules-doc.js';
import { withRuleHeader } from '../src/docs/rule-page.js';
import { columnKeysSource } from '../src/docs/column-keys.js';
import { docsPath } from '../src/rules/types.js';
import { sheetsDoc } from '../src/docs/sheets-doc.js';
import { configJsonSchema } from '../src/docs/generate.js';
import { configTable } from '../src/docs/config-doc.js';
import { errorsDoc } from '../src/docs/errors-doc.js';
import { valuesDoc } from '../src/docs/values-doc.js';
import { packageDescription, platformsDoc, withPlatformNames } from '../src/docs/platforms-doc.js';
import { WORD_RULES, withWordTables } from '../src/docs/title-law-doc.js';
import { BUILTIN_RULES, RULES } from '../src/rules/registry.js';


const root = join(__dirname, '..');
const stale = 'is stale: run `npm run generate` and commit the result';

describe('generated files are up to date', () => {
  it(`docs/sheets.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/sheets.md'), 'utf8')).toBe(sheetsDoc());
  });
  it(`the rule table in docs/reference.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/reference.md'), 'utf8')).toContain(ruleTable());
  });
  it(`the config table in docs/reference.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/reference.md'), 'utf8')).toContain(configTable());
  });
  it.each(WORD_RULES)(`docs/rules/%s.md's word tables ${stale}`, (id) => {
    const page = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8');
    expect(page).toBe(withWordTables(page, id));
  });
  it.each([...RULES, ...BUILTIN_RULES].map((r) => [r.id, r] as const))(`docs/rules/%s.md's header (sheet kinds, severity, messages, options) ${stale}`, (id, rule) => {
    const page = readFileSync(join(root, docsPath(id)), 'utf8');
    expect(page).toBe(withRuleHeader(page, rule));
  });
  it(`src/domain/column-keys.ts (the column keys as types) ${stale}`, () => {
    expect(readFileSync(join(root, 'src/domain/column-keys.ts'), 'utf8')).toBe(columnKeysSource());
  });
  it.each(['README.md', 'README.en.md', 'docs/reference.md'])(`the platforms %s names in prose ${stale}`, (page) => {
    const text = readFileSync(join(root, page), 'utf8');
    expect(text).toMatch(/<!-- platforms:\w+ -->/);
    expect(text).toBe(withPlatformNames(text));
  });
  it(`package.json's description ${stale}`, () => {
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).description).toBe(packageDescription());
  });
  it(`docs/platforms.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/platforms.md'), 'utf8')).toBe(platformsDoc());
  });
  it(`docs/values.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/values.md'), 'utf8')).toBe(valuesDoc(readFileSync(join(root, 'src/cells/grammar/values.peggy'), 'utf8')));
  });
  it(`docs/errors.md ${stale}`, () => {
    expect(readFileSync(join(root, 'docs/errors.md'), 'utf8')).toBe(errorsDoc());
  });
  it(`schema/ecsop.config.schema.json ${stale}`, () => {
    expect(readFileSync(join(root, 'schema/ecsop.config.schema.json'), 'utf8')).toBe(configJsonSchema());
  });
});

describe('every rule has its doc page, and its test', () => {
  it('every column check (schema/*) has its table in test/rules, as the other rules', () => {
    const tables = readdirSync(join(root, 'test/rules')).map((f) => readFileSync(join(root, 'test/rules', f), 'utf8')).join('\n');
    expect(BUILTIN_RULES.filter((r) => r.id.startsWith('schema/') && !tables.includes(`ruleTester('${r.id}'`)).map((r) => r.id)).toEqual([]);
  });

  it.each([...RULES.map((r) => r.id), ...BUILTIN_RULES.map((r) => r.id)])('%s', (id) => {
    // the page every finding of the rule links to (its `docs`)
    expect(existsSync(join(root, docsPath(id))), docsPath(id)).toBe(true);
    if (!id.includes('/')) {
      expect(existsSync(join(root, 'src/rules', `${id}.ts`)), `src/rules/${id}.ts`).toBe(true);
      expect(existsSync(join(root, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
    }
  });
});
