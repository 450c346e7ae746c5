import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { initWorkbooks } from '../cli/init.js';
import { configSchema } from '../config/config.js';
import { defaultSettings } from '../config/settings.js';
import { sheetsDoc } from './sheets-doc.js';
import { withRuleTable } from './rules-doc.js';

/** The JSON Schema of ecsop.config.json, for editors. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'ecsop.config.json' }, null, 2)}\n`;
}

/** Regenerates docs/sheets.md, the README rule table, the config schema, templates/ and examples/. */
export async function generate(root: string): Promise<void> {
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs/sheets.md'), sheetsDoc());
  mkdirSync(join(root, 'schema'), { recursive: true });
  writeFileSync(join(root, 'schema/ecsop.config.schema.json'), configJsonSchema());
  const readme = join(root, 'README.md');
  if (existsSync(readme)) writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')));
  const settings = defaultSettings();
  await initWorkbooks(join(root, 'templates'), { examples: false, force: true, lang: 'zh', settings });
  await initWorkbooks(join(root, 'examples'), { examples: true, force: true, lang: 'zh', settings });
}
