import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { LOADED_BUNDLES } from '../config/default-snapshot.js';

/**
 * Loads one of ecsop's CommonJS bundles (dist/ecsop.cjs, dist/worker.cjs) with the code cache V8
 * made of it when it was built (`<bundle>.v8cache`, scripts/build.mjs). Compiling a 2–3 MB bundle
 * was 90 ms of every start of the command and of every worker's; with the cache, 30 ms, and the
 * functions its start runs are compiled already (issue #25: start-up and worker warm-up count).
 * Node 20 caches no ES module's code, hence CommonJS run through `vm`. A cache that does not fit
 * (another node, other V8 flags, a bundle built again without it) is refused by V8 itself and the
 * bundle compiled as it always was: the cache only ever saves time. V8 tells a cache's source by its
 * length alone, so the cache starts with the CRC-32 of the bundle it was made of (`cache()`): a
 * bundle edited to the same length runs as edited, not as the code it was (outsider helper-71).
 */
export function loadBundle(url: URL): { exports: Record<string, unknown>; script: vm.Script; cache(): Buffer } {
  const file = fileURLToPath(url);
  const bytes = readFileSync(file);
  // the build writes the bundles in ASCII (scripts/build.mjs): one-byte text, read without decoding; anything else as UTF-8
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const made = Buffer.alloc(4);
  made.writeUInt32BE(crc32(bytes));
  let cachedData: Buffer | undefined;
  try {
    // a regular file only (a pipe there would wait for good), of this bundle
    if (statSync(`${file}.v8cache`).isFile()) {
      const kept = readFileSync(`${file}.v8cache`);
      if (kept.length > made.length && kept.subarray(0, made.length).equals(made)) cachedData = kept.subarray(made.length);
    }
  } catch {
    // none: compiled as usual
  }
  // this bundle's CRC, for what the build kept beside it (src/config/default-snapshot.ts)
  const loaded = ((globalThis as Record<symbol, Map<string, number> | undefined>)[LOADED_BUNDLES] ??= new Map());
  loaded.set(file, made.readUInt32BE(0));
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // the bundles import exceljs and mp4box when a command needs them, through this module's `import`
  // (src/workbook/import-lazily.ts): `import()` in code run by `vm` has no loader of its own
  (globalThis as Record<symbol, unknown>)[Symbol.for('ecsop.import')] ??= (specifier: string) => import(specifier);
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cache: () => Buffer.concat([made, script.createCachedData()]) };
}
