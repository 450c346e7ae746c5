import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { saveKey } from '../workbook/stat-or-none.js';
import { workerScript } from './run.js';

/**
 * The files that make a build of ecsop: those that check files (the worker, the sheet reader, the
 * command's own) and the loaders of the CommonJS bundles.
 */
const BUILD_FILES = ['ecsop.js', 'ecsop.cjs', 'worker.js', 'worker.cjs', 'load-bundle.js', 'sheet-reader.js'];

/**
 * A build of ecsop as the cache (issue #26) tells builds apart: its stamp, the sha-256 and length of
 * the build's files, and the files as they were when it was worked out (folder, and each one's
 * size, times and inode). Worked out only when the files are not those of the record the cache
 * keeps, so a strong hash costs nothing on a re-check (a CRC-32, which it replaced, can be matched by
 * an edit made to match it). Their size and time alone were not enough: `npm pack` gives every file one
 * time, so two builds of one version looked the same; and every `npm run build` of a nightly CI gave
 * a new time, so its cache never hit.
 */
export interface BuildFiles {
  /** the folder and each file's `name:size:mtime:ctime:inode`, as one string */
  files: string;
  stamp: string;
}

let built: BuildFiles | undefined;

/**
 * This build, once a process (see tellBuild). `known`, what an earlier run worked out (kept in the
 * cache), is taken while the build's files are the very files it was worked out from.
 */
export function buildFiles(known?: BuildFiles): BuildFiles {
  const script = workerScript();
  return (built ??= script ? tellBuild(dirname(script), known) : { files: '', stamp: 'sources' });
}

/** This build's stamp (see buildFiles). */
export const buildStamp = (known?: BuildFiles): string => buildFiles(known).stamp;

/**
 * The build in folder `dir`. `known` is taken when the files are still the very files it was
 * worked out from — the same size, times and inode, as the cache trusts its workbooks' content:
 * reading and summing them is 6 MB and 25–35 ms of every re-check of a drive. Otherwise they are
 * read: a rebuilt, reinstalled or edited build is its content's.
 */
export function tellBuild(dir: string, known?: BuildFiles): BuildFiles {
  const files = [dir, ...BUILD_FILES.map((name) => `${name}:${saveKey(join(dir, name)) || '-'}`)].join('|');
  if (known?.files === files) return { files, stamp: known.stamp };
  const hash = createHash('sha256');
  let bytes = 0;
  for (const name of BUILD_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const data = readFileSync(path);
    hash.update(`${name}:${data.length}:`).update(data);
    bytes += data.length;
  }
  return { files, stamp: `${hash.digest('hex').slice(0, 32)}-${bytes.toString(16)}` };
}
