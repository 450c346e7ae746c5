// npm run bench: reading speed and memory on generated orders workbooks (bench-data/, not committed).
// Each measurement runs in a fresh process (so peak memory is its own); contenders alternate
// within each round so that machine noise hits them alike. Prints medians and the ratios.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { makeOrders } from './bench-data.mjs';

const sizes = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const COMMAND = process.env.BENCH_COMMAND ?? 'review';
const contenders = [COMMAND, 'reader', 'exceljs-stream'];
const child = new URL('./bench-child.mjs', import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, node ${process.version}`);
for (const rows of sizes) {
  const file = await makeOrders(new URL(`../bench-data/orders-${rows}.xlsx`, import.meta.url).pathname, rows);
  const results = Object.fromEntries(contenders.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const out = execFileSync(process.execPath, ['--max-old-space-size=4096', child, c, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      results[c].push(JSON.parse(out.trim().split('\n').pop()));
    }
  }
  const ms = (c) => median(results[c].map((x) => x.ms));
  const peak = (c) => Math.max(...results[c].map((x) => x.peakMB));
  console.log(`\n${rows.toLocaleString('en')} rows (${file.split('/').pop()}), median of ${rounds}:`);
  console.log('contender            wall s   rows/s      peak MB');
  for (const c of contenders) console.log(`${`ecsop ${c}`.replace('ecsop exceljs-stream', 'exceljs streaming').replace('ecsop reader', 'our reader alone').padEnd(20)} ${(ms(c) / 1000).toFixed(2).padStart(6)}  ${Math.round(rows / (ms(c) / 1000)).toLocaleString('en').padStart(10)}  ${peak(c).toFixed(0).padStart(8)}`);
  console.log(`ratios: exceljs streaming ÷ ecsop ${COMMAND} = ${(ms('exceljs-stream') / ms(COMMAND)).toFixed(2)}× (target ≥ 3); ecsop ${COMMAND} ÷ our reader = ${(ms(COMMAND) / ms('reader')).toFixed(2)}× (target ≤ 2 at 1M); peak ${peak(COMMAND).toFixed(0)} MB (target < 1024)`);
}

// start-up: commands that need no workbook must not load exceljs
const probe = `import { createRequire } from 'node:module'; const { main } = await import(${JSON.stringify(new URL('../dist/ecsop.js', import.meta.url).href)});
const t = performance.now(); const w = process.stdout.write.bind(process.stdout); process.stdout.write = () => true; await main(process.argv.slice(1)); process.stdout.write = w;
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/exceljs/')); console.log(JSON.stringify({ loaded }));`;
for (const args of [['--help'], ['lint', '--text', '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片']]) {
  const times = [];
  let loaded;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe, '--', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
    times.push(performance.now() - t);
    loaded = JSON.parse(out).loaded;
  }
  console.log(`start-up: ecsop ${args[0]} ${args[1] ?? ''}: ${median(times).toFixed(0)} ms (median of 5), exceljs loaded: ${loaded}`);
}
