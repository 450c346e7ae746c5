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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
import { writeFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
import { loadBundle } from './load-bundle.js';
// the build (scripts/build.mjs) has its workers check the examples, then stop them: each writes the
// code cache of what it compiled (listening before the bundle does, which ends the worker at 'stop')
const cacheTo = process.env.ECSOP_WORKER_CODE_CACHE;
let bundle;
if (cacheTo) parentPort.on('message', (m) => { if (m?.type === 'stop') writeFileSync(cacheTo + threadId, bundle.cache()); });
bundle = loadBundle(new URL('./worker.cjs', import.meta.url));
`);
await build({ ...common, entryPoints: ['src/docs/generate.ts'], outfile: 'dist/generate.js' });
await build({ ...common, entryPoints: ['src/cli/readme-examples.ts'], outfile: 'dist/readme.js' });
await build({ ...common, entryPoints: ['src/workbook/xlsx/sheet-reader.ts'], outfile: 'dist/sheet-reader.js' });
await build({ ...common, entryPoints: ['src/bench.ts'], outfile: 'dist/bench.js' });

// The code caches, made by this node as the command makes them: V8 tuned first (bin/ecsop.js and
// dist/ecsop.js tune it before the CLI is loaded; a cache made under other flags is refused). Each is
// made after the CLI has checked the examples as a nightly run does (cold, then from its cache, then
// with one file saved again, answered by its content's hash, and a review): a cache made right after loading holds only the code that
// loading runs, and every function a run calls afterwards was compiled on its first call, in every
// run (~100 ms of a drive's re-check from its cache, issue #26). A worker writes its own cache when
// it is stopped (dist/worker.js, ECSOP_WORKER_CODE_CACHE).
for (const f of ['dist/ecsop.cjs.v8cache', 'dist/worker.cjs.v8cache', 'dist/default-config.v8']) rmSync(f, { force: true });
// a script of its own (run with `-e`, its workers would get `-e` too and run it again)
const maker = join(mkdtempSync(join(tmpdir(), 'ecsop-build-')), 'code-caches.mjs');
writeFileSync(maker, `
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(process.cwd() + '/dist/');
const { tuneV8 } = await import(new URL('ahead.js', dist));
tuneV8();
const { loadBundle } = await import(new URL('load-bundle.js', dist));
const cli = loadBundle(new URL('ecsop.cjs', dist));
// the SOP's defaults as resolveConfig({}) makes them, kept beside the bundle (src/config/default-snapshot.ts):
// a command without a config reads them instead of building zod's schemas (15–19 ms of each start); made
// before the runs below, which then take them, and whose code cache holds the schemas' code all the same
writeFileSync('dist/default-config.v8', cli.exports.defaultsSnapshot());
// the ES module bin/ecsop.js and the scripts import: the CLI bundle's exports, whatever src/cli/main.ts exports
writeFileSync('dist/ecsop.js', \`// The CLI: dist/ecsop.cjs with its code cache (scripts/build.mjs), made with V8 tuned.
import { tuneV8 as tune } from './ahead.js';
import { loadBundle } from './load-bundle.js';
tune();
export const { \${Object.keys(cli.exports).join(', ')} } = loadBundle(new URL('./ecsop.cjs', import.meta.url)).exports;
\`);
const work = mkdtempSync(join(tmpdir(), 'ecsop-build-'));
try {
  const drive = join(work, 'drive');
  mkdirSync(drive);
  for (const name of readdirSync('examples')) copyFileSync(join('examples', name), join(drive, name));
  const workers = join(work, 'worker-');
  process.env.ECSOP_WORKER_CODE_CACHE = workers;
  const nightly = ['check', drive, '--no-progress', '--now', '2024-05-21T12:00', '-o', join(work, 'report.txt'), '--cache-location', join(work, 'c.cache')];
  await cli.exports.main(nightly);
  await cli.exports.main(nightly);
  const changed = join(drive, readdirSync(drive)[0]);
  writeFileSync(changed, readFileSync(changed));
  await cli.exports.main(nightly);
  await cli.exports.main(['review', join(drive, readdirSync(drive).find((n) => n.startsWith('05'))), '--no-progress', '--now', '2024-05-21T12:00', '-o', join(work, 'review.txt')]);
  await cli.exports.closeWorkers();
  writeFileSync('dist/ecsop.cjs.v8cache', cli.cache());
  // the cache of the worker that ran the most code
  const made = readdirSync(work).filter((n) => n.startsWith('worker-')).map((n) => join(work, n));
  if (!made.length) throw new Error('no worker wrote its code cache');
  const largest = made.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  renameSync(largest, 'dist/worker.cjs.v8cache');
} finally {
  rmSync(work, { recursive: true, force: true });
}
`);
// what the runs say is shown only when the caches could not be made
const made = spawnSync(process.execPath, [maker], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd(), encoding: 'utf8' });
rmSync(dirname(maker), { recursive: true, force: true });
if (made.status !== 0) {
  process.stderr.write(made.stdout + made.stderr);
  process.exit(made.status ?? 1);
}
