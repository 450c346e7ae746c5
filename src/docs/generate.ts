import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { FORMAT_NAMES } from '../report/formats.js';
import { initWorkbooks } from '../workbook/init-workbooks.js';
import { configSchema } from '../config/config.js';
import { defaultSettings } from '../config/settings.js';
import { sheetsDoc } from './sheets-doc.js';
import { STAGES } from '../sheets/registry.js';
import { openWorkbook } from '../workbook/open.js';
import { packageParts } from '../workbook/xlsx/zip.js';
import { DEFAULT_LIMITS } from '../config/limits.js';
import type { RawRow } from '../cells/raw.js';
import { withRuleTable } from './rules-doc.js';
import { withRuleHeader } from './rule-page.js';
import { columnKeysSource } from './column-keys.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { docsPath } from '../rules/types.js';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, configTable } from './config-doc.js';
import { packageDescription, platformsDoc, withPlatformNames } from './platforms-doc.js';
import { WORD_RULES, withWordTables } from './title-law-doc.js';
import { errorsDoc } from './errors-doc.js';
import { valuesDoc } from './values-doc.js';
import { HEADER_STYLES } from '../workbook/write-template.js';

/** The reference's list of report formats, from the table of formats. */
export function withFormatNames(text: string): string {
  return text.replace(/^(ecsop check <paths\.\.\.> \[--format )[\w|]+\]/m, (_m, head: string) => `${head}${FORMAT_NAMES.join('|')}]`);
}

/** The JSON Schema of ecsop.config.json, for editors. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema(), { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'ecsop.config.json' }, null, 2)}\n`;
}

/** Regenerates docs/sheets.md, the README rule table, the config schema, templates/ and examples/. */
export async function generate(root: string): Promise<void> {
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs/sheets.md'), sheetsDoc());
  writeFileSync(join(root, 'docs/platforms.md'), platformsDoc());
  writeFileSync(join(root, 'docs/errors.md'), errorsDoc());
  writeFileSync(join(root, 'docs/values.md'), valuesDoc(readFileSync(join(root, 'src/cells/grammar/values.peggy'), 'utf8')));
  writeFileSync(join(root, 'src/domain/column-keys.ts'), columnKeysSource());
  mkdirSync(join(root, 'schema'), { recursive: true });
  writeFileSync(join(root, 'schema/ecsop.config.schema.json'), configJsonSchema());
  for (const rule of [...RULES, ...BUILTIN_RULES]) {
    const page = join(root, docsPath(rule.id));
    const text = withRuleHeader(readFileSync(page, 'utf8'), rule);
    writeFileSync(page, (WORD_RULES as readonly string[]).includes(rule.id) ? withWordTables(text, rule.id as (typeof WORD_RULES)[number]) : text);
  }
  const reference = join(root, 'docs/reference.md');
  if (existsSync(reference)) writeFileSync(reference, withFormatNames(withPlatformNames(withConfigTable(withRuleTable(readFileSync(reference, 'utf8'))))));
  for (const readme of ['README.md', 'README.en.md']) writeFileSync(join(root, readme), withPlatformNames(readFileSync(join(root, readme), 'utf8')));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ ...pkg, description: packageDescription() }, null, 2)}\n`);
  const settings = defaultSettings();
  for (const [dir, examples] of [['templates', false], ['examples', true]] as const) {
    const fresh = mkdtempSync(join(tmpdir(), 'ecsop-generate-'));
    await initWorkbooks(fresh, { examples, force: false, headers: HEADER_STYLES[0], settings });
    mkdirSync(join(root, dir), { recursive: true });
    for (const stage of STAGES) {
      const target = join(root, dir, stage.file);
      // xlsx bytes change with every write (zip timestamps): replace a workbook only when a part changed (values, styles, validations)
      if (!existsSync(target) || JSON.stringify(await partsOf(target)) !== JSON.stringify(await partsOf(join(fresh, stage.file)))) {
        copyFileSync(join(fresh, stage.file), target);
      }
    }
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** Every part of a generated workbook, as text. */
export function partsOf(path: string): Promise<Record<string, string>> {
  return packageParts(path, DEFAULT_LIMITS);
}

/** What a workbook holds, as ecsop reads it. */
export async function readBack(path: string, opts: Parameters<typeof openWorkbook>[1] = {}): Promise<Record<string, RawRow[]>> {
  const wb = await openWorkbook(path, opts);
  // sheet names are data: a sheet called __proto__ must not reach Object.prototype
  const out: Record<string, RawRow[]> = Object.create(null);
  for await (const sheet of wb.sheets()) {
    out[sheet.name] = [];
    for await (const row of sheet.rows()) out[sheet.name].push(row);
  }
  return out;
}

/** Replaces the generated config table inside a README. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < 0) return readme;
  return readme.slice(0, start) + configTable() + readme.slice(end + CONFIG_TABLE_END.length);
}
