import { join } from 'node:path';
import { STAGES } from '../sheets/registry.js';
import { checkTarget, makeFolder, WriteError, writeSafely } from './safe-write.js';
import { buildStageWorkbook, type HeaderStyle } from './write-template.js';

/** Some of the workbooks `init` would write exist already (and --force was not given). */
export class TargetsExistError extends Error {
  constructor(readonly paths: string[]) {
    super(`files exist: ${paths.join(', ')}`);
  }
}

/**
 * `ecsop init [dir]`: one workbook per SOP stage. All targets are checked first (existing ones
 * need --force; one open in Excel/WPS is refused), so either every workbook is written or none
 * is; each goes through the safe path, a replaced one kept as a numbered backup.
 */
export async function initWorkbooks(dir: string, opts: {
  examples: boolean; force: boolean; headers: HeaderStyle; settings: Parameters<typeof buildStageWorkbook>[1]['settings'];
  /** Ctrl-C: no workbook is begun after it (each written is whole: the safe-write path) */
  signal?: AbortSignal;
  /** each workbook as it is written, so that what a stopped run wrote has been said */
  onWritten?: (w: { path: string; backup?: string }) => void;
}): Promise<Array<{ path: string; backup?: string }>> {
  const targets = STAGES.map((s) => ({ stage: s, path: join(dir, s.file) }));
  await makeFolder(dir);
  const existing: string[] = [];
  for (const t of targets) {
    try {
      await checkTarget(t.path, { kind: 'xlsx', force: opts.force });
    } catch (err) {
      if (err instanceof WriteError && err.problem === 'exists') existing.push(t.path);
      else throw err;
    }
  }
  if (existing.length) throw new TargetsExistError(existing);
  const written: Array<{ path: string; backup?: string }> = [];
  for (const t of targets) {
    opts.signal?.throwIfAborted();
    const wb = await buildStageWorkbook(t.stage.id, { settings: opts.settings, examples: opts.examples, headers: opts.headers });
    const { backup } = await writeSafely(t.path, { kind: 'xlsx', force: opts.force }, async (tmp) => { await wb.xlsx.writeFile(tmp); });
    written.push({ path: t.path, backup });
    opts.onWritten?.({ path: t.path, backup });
  }
  return written;
}
