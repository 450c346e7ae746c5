import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Workbook } from 'exceljs';

/**
 * Writes a workbook so that `path` is either the old file or the complete new one, never half
 * written: first to a temporary file beside it, then renamed over. An existing file is kept as
 * `<name>.bak` (the way back) when `backup` is set.
 */
export async function writeWorkbookAtomic(wb: Workbook, path: string, opts: { backup?: boolean } = {}): Promise<{ backup?: string }> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    let backup: string | undefined;
    if (opts.backup && existsSync(path)) {
      backup = `${path}.bak`;
      await rename(path, backup);
    }
    await rename(tmp, path);
    return { backup };
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
