import { statSync, type Stats } from 'node:fs';

/**
 * A path's stat, or none: nothing there, or nothing that can be looked at — a file where a folder of
 * the path would be (ENOTDIR), no permission. Callers say what that means where they name the path;
 * `statSync`'s own `throwIfNoEntry: false` still throws for these, and each such call was once an
 * internal error (`--cache-location afile/c.cache`, `watch afile/sub`).
 */
export function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * What tells one save of a file from another without reading it: its size, its modification time,
 * and its change time and inode. A save that keeps the size and sets the modification time back
 * (`touch -r`, a copy keeping times, a 2-second FAT/SMB time) changes the change time; one that
 * writes a new file over the old by a rename, the inode (outsider helpers 68 and 69). The write
 * stamp of safe-write.ts, the cache's records, the watcher's and the build's all take it so.
 */
export interface Saved { size: number; mtimeMs: number; ctimeMs: number; ino: number }

/** A stat's Saved, alone (no other field of the stat kept). */
export function savedOf(st: Saved): Saved {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}

/** Whether two looks at a file saw the same save. */
export function sameSave(a: Saved, b: Saved): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A path's save as text, to keep or compare whole; '' when nothing is there. */
export function saveKey(path: string): string {
  const st = statOrNone(path);
  return st ? `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}` : '';
}
