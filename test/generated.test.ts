import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWorkbooks } from '../src/workbook/init-workbooks.js';
import { defaultSettings } from '../src/config/settings.js';
import { ruleTable } from '../src/docs/rules-doc.js';
import { withRuleHeader } from '../src/docs/rule-page.js';
import { columnKeysSource } from '../src/docs/column-keys.js';
import { docsPath } from '../src/rules/types.js';
import { sheetsDoc } from '../src/docs/sheets-doc.js';
import { configJsonSchema, partsOf } from '../src/docs/generate.js';
import { configTable } from '../src/docs/config-doc.js';
import { errorsDoc } from '../src/docs/errors-doc.js';
import { valuesDoc } from '../src/docs/values-doc.js';
import { platformsDoc } from '../src/docs/platforms-doc.js';
import { WORD_RULES, withWordTables } from '../src/docs/title-law-doc.js';
import { BUILTIN_RULES, RULES } from '../src/rules/registry.js';
import { STAGES } from '../src/sheets/registry.js';
import { tempDir } from './helpers/cli.js';


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

  it.each([['templates', false], ['examples', true]] as const)(`%s/ reads back the same as a fresh ecsop init (${stale})`, async (dir, examples) => {
    const fresh = tempDir();
    await initWorkbooks(fresh, { examples, force: false, headers: 'zh', settings: defaultSettings() });
    for (const stage of STAGES) {
      // every part: values, and the styles, widths and validations a template is made of
      expect(await partsOf(join(root, dir, stage.file)), `${dir}/${stage.file}`).toEqual(await partsOf(join(fresh, stage.file)));
    }
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
