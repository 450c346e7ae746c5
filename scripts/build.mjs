// Bundles the CLI into one ESM file: start-up is about half that of loading many modules.
// Dependencies stay external (they are installed); exceljs is only imported lazily.
import { build } from 'esbuild';
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/ecsop.js' });
await build({ ...common, entryPoints: ['src/docs/generate.ts'], outfile: 'dist/generate.js' });
await build({ ...common, entryPoints: ['src/cli/readme-examples.ts'], outfile: 'dist/readme.js' });
await build({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' });
await build({ ...common, entryPoints: ['src/workbook/xlsx/sheet-reader.ts'], outfile: 'dist/sheet-reader.js' });
await build({ ...common, entryPoints: ['src/bench.ts'], outfile: 'dist/bench.js' });
