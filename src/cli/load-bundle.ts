import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * Loads one of ecsop's CommonJS bundles (dist/ecsop.cjs, dist/worker.cjs) with the code cache V8
 * made of it when it was built (`<bundle>.v8cache`, scripts/build.mjs). Compiling a 2–3 MB bundle
 * was 90 ms of every start of the command and of every worker's; with the cache, 30 ms, and the
 * functions its start runs are compiled already (issue #25: start-up and worker warm-up count).
 * Node 20 caches no ES module's code, hence CommonJS run through `vm`. A cache that does not fit
 * (another node, other V8 flags, a bundle built again without it) is refused by V8 itself and the
 * bundle compiled as it always was: the cache only ever saves time.
 */
export function loadBundle(url: URL): { exports: Record<string, unknown>; script: vm.Script } {
  const file = fileURLToPath(url);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    // a regular file only (a pipe there would wait for good)
    if (statSync(`${file}.v8cache`).isFile()) cachedData = readFileSync(`${file}.v8cache`);
  } catch {
    // none: compiled as usual
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // the bundles import exceljs and mp4box when a command needs them, through this module's `import`
  // (src/workbook/import-lazily.ts): `import()` in code run by `vm` has no loader of its own
  (globalThis as Record<symbol, unknown>)[Symbol.for('ecsop.import')] ??= (specifier: string) => import(specifier);
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}
