import { realpathSync } from 'node:fs';
import { statOrNone } from '../workbook/stat-or-none.js';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from '../check/files.js';
import { UsageError, type Io } from './io.js';

/** A file the run writes, and the flag that named it (its own name, or the default it stands for). */
export interface Written { flag: string; path: string }

/** A file's real path, or where it would be (a file not there yet: its folder's real path). */
function realOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try { return join(realpathSync.native(dirname(path)), basename(path)); } catch { return resolve(path); }
  }
}

/**
 * Which file a path names, whatever path reaches it (a link, a second mount of a folder): a file that
 * exists by its device and inode, one not written yet by its folder's and its name.
 */
function identityOf(path: string): string | undefined {
  const st = statOrNone(path);
  if (st) return st.ino !== 0 ? `${st.dev}:${st.ino}` : undefined;
  const folder = statOrNone(dirname(path));
  return folder && folder.ino !== 0 ? `${folder.dev}:${folder.ino}/${basename(path)}` : undefined;
}

/**
 * Refuses a run two of whose outputs are one file — the report written over by the cache, the
 * suppressions file written over the report — before anything is read or written (helper-26 found
 * `-o r.dat --cache-location r.dat` lose the report without a word). One file: the same real path,
 * or the same device and inode (a hard link, a second mount of a folder; for a file not written yet,
 * its folder's and the same name).
 */
export function refuseSharedOutputs(io: Io, written: readonly Written[]): void {
  const seen: Array<Written & { real: string; id?: string }> = [];
  for (const w of written) {
    const real = realOf(w.path);
    const id = identityOf(w.path);
    const other = seen.find((s) => s.real === real || (id !== undefined && s.id === id));
    if (other) throw new UsageError('error.outputs-one-file', { first: other.flag, second: w.flag, path: displayPath(w.path, io.cwd) });
    seen.push({ ...w, real, id });
  }
}
