import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STAGES } from '../sheets/registry.js';
import { writeWorkbookAtomic } from './write-file.js';
import { buildStageWorkbook } from './write-template.js';

/** Some of the workbooks `init` would write exist already (and --force was not given). */
export class TargetsExistError extends Error {
  constructor(readonly paths: string[]) {
    super(`files exist: ${paths.join(', ')}`);
  }
}

/**
 * `ecsop init [dir]`: one workbook per SOP stage. All target files are checked first, so either
 * every workbook is written or none is; each is written atomically.
 */
export async function initWorkbooks(dir: string, opts: { examples: boolean; force: boolean; lang: 'zh' | 'en'; settings: Parameters<typeof buildStageWorkbook>[1]['settings'] }): Promise<Array<{ path: string; backup?: string }>> {
  const targets = STAGES.map((s) => ({ stage: s, path: join(dir, s.file) }));
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length && !opts.force) {
    throw new TargetsExistError(existing.map((e) => e.path));
  }
  await mkdir(dir, { recursive: true });
  const written: Array<{ path: string; backup?: string }> = [];
  for (const t of targets) {
    const wb = await buildStageWorkbook(t.stage.id, { settings: opts.settings, examples: opts.examples, lang: opts.lang });
    const { backup } = await writeWorkbookAtomic(wb, t.path, { backup: opts.force });
    written.push({ path: t.path, backup });
  }
  return written;
}

