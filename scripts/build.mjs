// Bundles the CLI and its worker, their dependencies with them: node's loader resolving, reading
// and linking the ~200 files of zod, commander, chalk … took 80 ms of every start and 100 ms of
// every worker's (issue #25). exceljs and mp4box stay installed packages: they are imported only
// by the commands that write workbooks or probe videos, when they run.
//
// The CLI and the worker are CommonJS bundles (dist/ecsop.cjs, dist/worker.cjs) loaded through
// src/cli/load-bundle.ts with a V8 code cache made here (`<bundle>.v8cache`): compiling them was
// 90 ms of every start and of every worker's. dist/ecsop.js and dist/worker.js are the small ES
// modules that load them (what bin/ecsop.js, the scripts and the worker pool name).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

// an ES module bundle: a bundled CommonJS package's `require` of node's own modules needs a `require`
const banner = { js: "import { createRequire as __ecsopRequire } from 'node:module'; const require = __ecsopRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['exceljs', 'mp4box'], banner, sourcemap: true, logLevel: 'warning' };
// a CommonJS bundle: import.meta.url is the bundle's own file
const cjs = { ...common, format: 'cjs', banner: { js: "const __ecsopUrl = require('node:url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': '__ecsopUrl' } };

await build({ ...cjs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/ecsop.cjs' });
await build({ ...cjs, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.cjs' });
// esbuild escapes strings to ASCII but leaves regular expressions and the comments it keeps as
// they are: one Chinese character made the whole 3 MB bundle a two-byte string, 40 ms to read as
// UTF-8 at every start and every worker's instead of 5 as ASCII. Each one becomes its \u escape
// (the same character in a regular expression, a string, an identifier; text in a comment; none
// stands after a backslash, which the build checks). Columns of the source map move on those lines.
for (const file of ['dist/ecsop.cjs', 'dist/worker.cjs']) {
  const source = readFileSync(file, 'utf8');
  if (/\\[^\x00-\x7f]/.test(source)) throw new Error(`${file}: a non-ASCII character after a backslash`);
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
await build({ ...common, entryPoints: ['src/cli/load-bundle.ts'], outfile: 'dist/load-bundle.js' });
// what bin/ecsop.js runs before the CLI is loaded: V8 tuned, the first worker started (src/cli/ahead.ts)
await build({ ...common, banner: undefined, entryPoints: ['src/cli/ahead.ts'], outfile: 'dist/ahead.js' });
writeFileSync('dist/worker.js', `// A worker of the pool: dist/worker.cjs with its code cache (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { loadBundle } from './load-bundle.js';
const { script } = loadBundle(new URL('./worker.cjs', import.meta.url));
// the build asks the first worker for the cache of what it compiled starting
if (workerData?.codeCache) parentPort.postMessage({ type: 'code-cache', data: script.createCachedData() });
`);
await build({ ...common, entryPoints: ['src/docs/generate.ts'], outfile: 'dist/generate.js' });
await build({ ...common, entryPoints: ['src/cli/readme-examples.ts'], outfile: 'dist/readme.js' });
await build({ ...common, entryPoints: ['src/workbook/xlsx/sheet-reader.ts'], outfile: 'dist/sheet-reader.js' });
await build({ ...common, entryPoints: ['src/bench.ts'], outfile: 'dist/bench.js' });

// The code caches, made by this node as the command makes them: V8 tuned first (bin/ecsop.js and
// dist/ecsop.js tune it before the CLI is loaded; a cache made under other flags is refused).
for (const f of ['dist/ecsop.cjs.v8cache', 'dist/worker.cjs.v8cache']) rmSync(f, { force: true });
const made = spawnSync(process.execPath, ['--input-type=module', '-e', `
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
const dist = pathToFileURL(process.cwd() + '/dist/');
const { tuneV8 } = await import(new URL('ahead.js', dist));
tuneV8();
const { loadBundle } = await import(new URL('load-bundle.js', dist));
const cli = loadBundle(new URL('ecsop.cjs', dist));
writeFileSync('dist/ecsop.cjs.v8cache', cli.script.createCachedData());
// the ES module bin/ecsop.js and the scripts import: the CLI bundle's exports, whatever src/cli/main.ts exports
writeFileSync('dist/ecsop.js', \`// The CLI: dist/ecsop.cjs with its code cache (scripts/build.mjs), made with V8 tuned.
import { tuneV8 as tune } from './ahead.js';
import { loadBundle } from './load-bundle.js';
tune();
export const { \${Object.keys(cli.exports).join(', ')} } = loadBundle(new URL('./ecsop.cjs', import.meta.url)).exports;
\`);
const worker = new Worker(new URL('worker.js', dist), { workerData: { codeCache: true }, execArgv: [] });
worker.on('message', (m) => { if (m.type !== 'code-cache') return; writeFileSync('dist/worker.cjs.v8cache', m.data); void worker.terminate(); });
`], { stdio: 'inherit', cwd: process.cwd() });
if (made.status !== 0) process.exit(made.status ?? 1);
