// Bundles the CLI into one ESM file, its dependencies with it: node's loader resolving, reading
// and linking the ~200 files of zod, commander, chalk … took 80 ms of every start and 100 ms of
// every worker's (issue #25). exceljs and mp4box stay installed packages: they are imported only
// by the commands that write workbooks or probe videos, when they run.
// A bundled CommonJS package's `require` of node's own modules needs a `require` in the ESM output.
import { build } from 'esbuild';
const banner = { js: "import { createRequire as __ecsopRequire } from 'node:module'; const require = __ecsopRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['exceljs', 'mp4box'], banner, sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/ecsop.js' });
await build({ ...common, entryPoints: ['src/docs/generate.ts'], outfile: 'dist/generate.js' });
await build({ ...common, entryPoints: ['src/cli/readme-examples.ts'], outfile: 'dist/readme.js' });
await build({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' });
await build({ ...common, entryPoints: ['src/workbook/xlsx/sheet-reader.ts'], outfile: 'dist/sheet-reader.js' });
await build({ ...common, entryPoints: ['src/bench.ts'], outfile: 'dist/bench.js' });
