import { statOrNone } from '../workbook/stat-or-none.js';

/** What statValues gives of each path: device, inode, size, modification and change times (ms), and its kind. */
export const STAT_FIELDS = 6;

/** The kind of a path in statValues (its last field): nothing there (or nothing that can be looked at), a regular file, anything else. */
export const STAT_NONE = 0;
export const STAT_FILE = 1;
export const STAT_OTHER = 2;

/**
 * Each path's `stat` as numbers, STAT_FIELDS a path, in one array that crosses between threads
 * without a copy. For a command's inputs on a drive (the output's check and the cache's lookups
 * take one `stat` each): 10,000 of them are ~180 ms of a core, which the worker started ahead
 * spends while the command reads its cache (`statsOnce().fill` in src/check/files.ts).
 */
export function statValues(paths: readonly string[]): Float64Array {
  const values = new Float64Array(paths.length * STAT_FIELDS);
  for (let i = 0; i < paths.length; i++) {
    const st = statOrNone(paths[i]);
    if (!st) continue;
    // field by field: no array a path
    const at = i * STAT_FIELDS;
    values[at] = st.dev;
    values[at + 1] = st.ino;
    values[at + 2] = st.size;
    values[at + 3] = st.mtimeMs;
    values[at + 4] = st.ctimeMs;
    values[at + 5] = st.isFile() ? STAT_FILE : STAT_OTHER;
  }
  return values;
}
