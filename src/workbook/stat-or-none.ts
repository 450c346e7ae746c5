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
