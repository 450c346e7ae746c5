// One measurement in a fresh process: node scripts/bench-child.mjs <contender> <file>
// Prints {rows, ms, peakMB}. Peak memory is the process's maximum resident set size.
import { main, tuneV8 } from '../dist/ecsop.js';
import { readRowsOnly } from '../dist/bench.js';

const [contender, file] = process.argv.slice(2);
// every contender runs with the V8 setting the ecsop command runs with (see tuneV8)
tuneV8();
const t0 = performance.now();
let rows = 0;
if (contender === 'reader') {
  rows = await readRowsOnly(file);
} else if (contender === 'exceljs-stream') {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const ws of reader) for await (const _row of ws) rows += 1;
} else {
  // the full command, its report discarded
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  await main(contender.split(' ').concat([file, '--jobs', '1', '--no-progress', '--now', '2024-05-21T12:00']));
  process.stdout.write = write;
  rows = -1;
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ rows, ms, peakMB: process.resourceUsage().maxRSS / 1024 }));
