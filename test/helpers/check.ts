import { join } from 'node:path';
import { checkFile } from '../../src/check/engine.js';
import { finishRules } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/rules/types.js';
import { kindById } from '../../src/sheets/registry.js';
import type { KindId } from '../../src/sheets/types.js';
import { tempDir } from './cli.js';
import { writeWorkbook, type CellInput } from './workbook.js';

/**
 * Writes one sheet of `kind` (header from the kind's definition, then `rows` given by column key)
 * and checks it. Returns the findings, optionally only those of one rule.
 */
export async function checkRows(kind: KindId, rows: Array<Record<string, CellInput>>, opts: { config?: unknown; rule?: string; now?: Date; lang?: 'zh' | 'en' } = {}): Promise<Finding[]> {
  const def = kindById(kind);
  const header = def.columns.map((c) => (c.hint ? `${c.header}(${c.hint})` : c.header));
  const body = rows.map((r) => def.columns.map((c) => (r[c.key] === undefined ? null : r[c.key])));
  const file = join(tempDir(), `${kind}.xlsx`);
  await writeWorkbook(file, { [def.title]: [header, ...body] });
  const engine = { config: resolveConfig(opts.config ?? {}), lang: opts.lang ?? ('zh' as const), now: opts.now ?? new Date(Date.UTC(2024, 4, 20)) };
  const findings: Finding[] = [];
  const sink = { finding: (f: Finding) => findings.push(f), record: () => {} };
  const outcome = await checkFile(file, `${kind}.xlsx`, engine, sink);
  await finishRules(outcome.contributions, engine, sink); // rules that join rows (duplicates, keywords) report after the file
  return opts.rule ? findings.filter((f) => f.ruleId === opts.rule) : findings;
}
