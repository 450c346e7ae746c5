// npm run bench: speed and memory on generated orders workbooks (bench-data/, not committed).
// Each measurement runs in a fresh process (so peak memory is its own); contenders alternate
// within each round so that machine noise hits them alike. Prints medians and the ratios.
// BENCH_ROWS (100000,1000000), BENCH_ROUNDS (3), BENCH_PARTS (floor,reader,reports,listings,files,cache,watch,html) narrow it down;
// BENCH_FLOOR_ROWS (300000,1000000; 0 for none) the sizes of the floor part (issue #25's targets, on ../shared/bench/gen-orders.mjs files),
// BENCH_FLOOR_FILES (2000,10000) its folders of small workbooks against floor-many.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { makeCopies } from './bench-data.mjs';

const sizes = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const parts = (process.env.BENCH_PARTS ?? 'floor,reader,reports,listings,files,cache,watch,html').split(',');
const child = new URL('./bench-child.mjs', import.meta.url).pathname;
const data = new URL('./bench-data.mjs', import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Makes a data file in its own process and returns its path. */
const make = (rows, manual = false) => execFileSync(process.execPath, [data, String(rows), ...(manual ? ['manual'] : [])], { encoding: 'utf8' }).trim().split('\n').pop();

/** Runs each contender `rounds` times, alternating; returns per contender the median time and the highest peak. */
function measure(contenders, file) {
  const results = Object.fromEntries(contenders.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const out = execFileSync(process.execPath, ['--max-old-space-size=4096', child, c, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      results[c].push(JSON.parse(out.trim().split('\n').pop()));
    }
  }
  return Object.fromEntries(contenders.map((c) => [c, { ms: median(results[c].map((x) => x.ms)), peak: Math.max(...results[c].map((x) => x.peakMB)) }]));
}

console.log(`machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, node ${process.version}; median of ${rounds}`);

/**
 * Issue #25: every command as a ratio to the bare reading floor (../shared/bench/read-floor.mjs
 * --stream, the file read, inflated and scanned into 14 values a row with nothing checked), on the
 * export shape users have (../shared/bench/gen-orders.mjs: split address columns, many unique
 * strings, most orders needing review). Whole processes, paired: in each round the floor, then
 * each command; the ratio is the median of the rounds' ratios. Peak memory is the command's.
 */
if (parts.includes('floor')) {
  const shared = new URL('../../shared/bench/', import.meta.url).pathname;
  const { existsSync, mkdirSync } = await import('node:fs');
  if (!existsSync(`${shared}read-floor.mjs`)) console.log(`\nfloor: ${shared} not found (the yardsticks live beside the checkout), skipped`);
  else {
    const bin = new URL('../bin/ecsop.js', import.meta.url).pathname;
    const dataDir = new URL('../bench-data/', import.meta.url).pathname;
    mkdirSync(dataDir, { recursive: true });
    const runs = [
      ['review', 'review text', 1.2], ['check', 'check text', 1.2], ['review -f json', 'review json', 1.5], ['check -f json', 'check json', 1.5],
      ['review -f html', 'review html', 1.5], ['review -f junit', 'review junit', 1.5], ['review -f github', 'review github', 1.5], ['review --queue', 'review --queue q.csv', 1.5],
      ['check --annotate', 'check --annotate copy.xlsx', 2.5],
    ];
    // whole processes; peak resident memory by GNU time when the machine has it
    const gnuTime = existsSync('/usr/bin/time');
    const time = (script, args, env = {}) => {
      const argv = [process.execPath, script, ...args];
      const t = performance.now();
      const r = spawnSync(gnuTime ? '/usr/bin/time' : argv[0], gnuTime ? ['-f', 'peak %M', ...argv] : argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - t;
      // exit 1 (findings) is the command's answer, not a failure of the run
      if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.slice(1).join(' ')}: exit ${r.status}\n${r.stderr}`);
      return { ms, peak: Number(/peak (\d+)\s*$/.exec(r.stderr ?? '')?.[1]) / 1024 };
    };
    const argsOf = (c, file) => (c === 'review --queue' ? ['review', file, '--queue', `${dataDir}q-${process.pid}.csv`, '--force']
      : c === 'check --annotate' ? ['check', file, '--annotate', `${dataDir}copy-${process.pid}.xlsx`, '--force', '--quiet']
        : [...c.split(' '), file]);
    for (const rows of (process.env.BENCH_FLOOR_ROWS ?? '300000,1000000').split(',').map(Number).filter(Boolean)) {
      const file = `${dataDir}gen-orders-${rows}.xlsx`;
      if (!existsSync(file)) execFileSync(process.execPath, [`${shared}gen-orders.mjs`, String(rows), file], { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
      const ratios = Object.fromEntries(runs.map(([c]) => [c, []]));
      const times = { floor: [], ...Object.fromEntries(runs.map(([c]) => [c, []])) };
      const peaks = Object.fromEntries(runs.map(([c]) => [c, 0]));
      for (let r = 0; r < rounds; r++) {
        for (const [c] of runs) {
          // --annotate's target is set at a million rows
          if (c === 'check --annotate' && rows < 1_000_000) continue;
          const floor = time(`${shared}read-floor.mjs`, [file, '--stream'], { FLOOR_SHEET: '订单' }).ms;
          times.floor.push(floor);
          const run = time(bin, [...argsOf(c, file), '--no-progress', '--now', '2024-05-21T12:00']);
          times[c].push(run.ms);
          ratios[c].push(run.ms / floor);
          peaks[c] = Math.max(peaks[c], run.peak || 0);
        }
      }
      console.log(`\nratio to the reading floor, ${rows.toLocaleString('en')} rows of gen-orders.mjs (floor ${s(median(times.floor))}, median of ${rounds} paired rounds):`);
      console.log('  command                      wall s   ratio  target  peak MB');
      for (const [c, name, target] of runs) {
        if (!ratios[c].length) continue;
        const ratio = median(ratios[c]);
        console.log(`  ${name.padEnd(26)} ${(median(times[c]) / 1000).toFixed(2).padStart(7)}  ${ratio.toFixed(2).padStart(5)}×  ≤${target.toFixed(1)}×  ${peaks[c].toFixed(0).padStart(6)}${ratio <= target ? '' : '  (over)'}${peaks[c] < 400 ? '' : '  (over 400 MB)'}`);
      }
    }
    // folders of small workbooks: ecsop check DIR against floor-many.mjs (read each file, inflate every entry), start-up and workers included
    for (const n of (process.env.BENCH_FLOOR_FILES ?? '2000,10000').split(',').map(Number).filter(Boolean)) {
      const dir = makeCopies(`${dataDir}copies-${n}`, decodeURIComponent(new URL('../examples/05-订单处理与履约.xlsx', import.meta.url).pathname), n);
      const ratios = [];
      const floors = [];
      const checks = [];
      let peak = 0;
      for (let r = 0; r < rounds; r++) {
        const floor = time(`${shared}floor-many.mjs`, [dir]).ms;
        const run = time(bin, ['check', dir, '--no-progress', '--now', '2024-05-21T12:00']);
        floors.push(floor);
        checks.push(run.ms);
        ratios.push(run.ms / floor);
        peak = Math.max(peak, run.peak || 0);
      }
      const ratio = median(ratios);
      console.log(`\nratio to floor-many.mjs, ${n.toLocaleString('en')} small workbooks (copies of the orders example; median of ${rounds} paired rounds):`);
      console.log(`  ecsop check DIR            ${(median(checks) / 1000).toFixed(2).padStart(7)}  ${ratio.toFixed(2).padStart(5)}×  ≤3.0×  ${peak.toFixed(0).padStart(6)}  (floor ${s(median(floors))})${ratio <= 3 ? '' : '  (over)'}`);
    }
  }
}

if (parts.includes('reader')) {
  for (const rows of sizes) {
    const file = make(rows);
    const m = measure(['review', 'reader', 'exceljs-stream'], file);
    console.log(`\nreading ${rows.toLocaleString('en')} rows (${file.split('/').pop()}):`);
    console.log('contender            wall s   rows/s      peak MB');
    for (const [c, name] of [['review', 'ecsop review'], ['reader', 'our reader alone'], ['exceljs-stream', 'exceljs streaming']]) {
      console.log(`${name.padEnd(20)} ${(m[c].ms / 1000).toFixed(2).padStart(6)}  ${Math.round(rows / (m[c].ms / 1000)).toLocaleString('en').padStart(10)}  ${m[c].peak.toFixed(0).padStart(8)}`);
    }
    console.log(`ratios: exceljs streaming ÷ ecsop review = ${(m['exceljs-stream'].ms / m.review.ms).toFixed(2)}× (target ≥ 3); ecsop review ÷ our reader = ${(m.review.ms / m.reader.ms).toFixed(2)}× (target ≤ 2 at 1M); peak ${m.review.peak.toFixed(0)} MB`);
  }
}

if (parts.includes('reports')) {
  const runs = [['check', 'check (text)'], ['check --format json', 'check --format json'], ['review --format json', 'review --format json'], ['review --queue', 'review --queue q.csv'], ['review --write', 'review --write copy.xlsx'], ['check --format junit', 'check --format junit'], ['check --annotate', 'check --annotate copy.xlsx'], ['check --format html', 'check --format html']];
  for (const [rows, manual] of [[1_000_000, false], [200_000, true]]) {
    const file = make(rows, manual);
    const m = measure(runs.map(([c]) => c), file);
    console.log(`\nreports, ${rows.toLocaleString('en')} rows${manual ? ' where nearly every order needs review' : ''} (${file.split('/').pop()}):`);
    for (const [c, name] of runs) console.log(`  ${name.padEnd(24)} ${s(m[c].ms).padStart(9)}  peak ${m[c].peak.toFixed(0).padStart(4)} MB${m[c].peak < 500 ? '' : '  (over the 500 MB target)'}`);
    console.log(`  text ÷ json = ${(m.check.ms / m['check --format json'].ms).toFixed(2)}× (target ≤ 1.5)`);
  }
}

if (parts.includes('listings')) {
  // titles are the heaviest rows: word lists, word segmentation, suggestions; most rows have findings
  const file = execFileSync(process.execPath, [data, '200000', 'listing'], { encoding: 'utf8' }).trim().split('\n').pop();
  const runs = [['lint', 'lint (text)'], ['lint --format json', 'lint --format json'], ['lint --annotate', 'lint --annotate copy.xlsx']];
  const m = measure(runs.map(([c]) => c), file);
  console.log(`\nlistings, 200,000 rows, most titles with findings (${file.split('/').pop()}):`);
  for (const [c, name] of runs) console.log(`  ${name.padEnd(26)} ${s(m[c].ms).padStart(9)}  peak ${m[c].peak.toFixed(0).padStart(4)} MB${m[c].peak < 500 ? '' : '  (over the 500 MB target)'}`);
}

if (parts.includes('files')) {
  const n = Number(process.env.BENCH_FILES ?? 10_000);
  const dir = makeCopies(new URL(`../bench-data/copies-${n}`, import.meta.url).pathname, decodeURIComponent(new URL('../examples/05-订单处理与履约.xlsx', import.meta.url).pathname), n);
  const m = measure(['check', 'inflate-all'], dir);
  console.log(`\na shared drive of ${n.toLocaleString('en')} small workbooks (copies of the orders example, 13 KB each):`);
  console.log(`  ecsop check DIR          ${s(m.check.ms).padStart(9)}  peak ${m.check.peak.toFixed(0)} MB  (${(m.check.ms / n).toFixed(2)} ms a file)`);
  console.log(`  read and inflate them    ${s(m['inflate-all'].ms).padStart(9)}`);
  console.log(`  ratio ${(m.check.ms / m['inflate-all'].ms).toFixed(2)}× (target ≤ 5)`);
  // an annotated copy of each: one safe write a file (temp file, fsync, rename)
  const a = measure(['check --annotate-dir'], dir);
  console.log(`  ecsop check DIR --annotate-dir OUT  ${s(a['check --annotate-dir'].ms).padStart(9)}  peak ${a['check --annotate-dir'].peak.toFixed(0)} MB  (${(a['check --annotate-dir'].ms / n).toFixed(2)} ms a file)`);
}

if (parts.includes('cache')) {
  // issue #26: a drive of 10,000 workbooks, checked once with --cache; then 10 of them saved with new
  // content and the drive checked again. Target: at most 1.5 s and at most 5% of the full run, the
  // report byte for byte the one without the cache.
  const { cpSync, copyFileSync, rmSync, readFileSync } = await import('node:fs');
  const n = Number(process.env.BENCH_CACHE_FILES ?? 10_000);
  const source = makeCopies(new URL(`../bench-data/copies-${n}`, import.meta.url).pathname, decodeURIComponent(new URL('../examples/05-订单处理与履约.xlsx', import.meta.url).pathname), n);
  const dir = new URL(`../bench-data/drive-${n}`, import.meta.url).pathname;
  const cache = new URL(`../bench-data/drive-${n}.cache`, import.meta.url).pathname;
  const bin = new URL('../bin/ecsop.js', import.meta.url).pathname;
  const run = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, 'check', dir, '--no-progress', '--now', '2024-05-21T12:00', '-o', `${dir}.${args.length ? 'cached' : 'plain'}.txt`, ...args], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    return performance.now() - t;
  };
  // the saves: orders exports of 200–209 rows in the shape users have (../shared/bench/gen-orders.mjs), each its own content
  const shared = new URL('../../shared/bench/', import.meta.url).pathname;
  const saves = Array.from({ length: 10 }, (_, i) => {
    const path = new URL(`../bench-data/save-${200 + i}.xlsx`, import.meta.url).pathname;
    execFileSync(process.execPath, [`${shared}gen-orders.mjs`, String(200 + i), path], { stdio: 'ignore' });
    return path;
  });
  const rounds3 = [];
  for (let r = 0; r < rounds; r++) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { force: true });
    for (const f of ['cached', 'plain']) rmSync(`${dir}.${f}.txt`, { force: true });
    cpSync(source, dir, { recursive: true });
    const full = run(['--cache-location', cache]);
    // ten saves with new content, spread over the drive
    for (let i = 0; i < 10; i++) copyFileSync(saves[i], `${dir}/${String(Math.floor((i + 0.5) * n / 10)).padStart(5, '0')}.xlsx`);
    const changed = run(['--cache-location', cache]);
    const none = run(['--cache-location', cache]);
    run([]);
    const same = readFileSync(`${dir}.cached.txt`).equals(readFileSync(`${dir}.plain.txt`));
    rounds3.push({ full, changed, none, same });
  }
  const m = (k) => median(rounds3.map((x) => x[k]));
  console.log(`
--cache, a drive of ${n.toLocaleString('en')} small workbooks (median of ${rounds} rounds):`);
  console.log(`  full run, the cache made           ${s(m('full')).padStart(9)}`);
  console.log(`  10 files saved, run again          ${s(m('changed')).padStart(9)}  ${(100 * m('changed') / m('full')).toFixed(1)}% of the full run  (target ≤ 1.5 s and ≤ 5%)${m('changed') <= 1500 && m('changed') <= 0.05 * m('full') ? '' : '  (over)'}`);
  console.log(`  nothing changed, run again         ${s(m('none')).padStart(9)}`);
  console.log(`  report the same as without --cache: ${rounds3.every((x) => x.same) ? 'yes, byte for byte' : 'NO'}`);
}

if (parts.includes('watch')) {
  // issue #26: ecsop watch on a local disk — a save reported within 2 s; memory flat over 10,000 saves
  console.log('\necsop watch (scripts/watch-soak.mjs):');
  const out = execFileSync(process.execPath, [new URL('./watch-soak.mjs', import.meta.url).pathname, process.env.BENCH_WATCH_SAVES ?? '10000', '50'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const l of out.trim().split('\n')) console.log(`  ${l}`);
}

if (parts.includes('html')) {
  // the HTML report of a million-row run: its size, and how long chromium takes to open it
  const { existsSync, statSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const chromiumPath = process.env.ECSOP_CHROMIUM ?? '/usr/bin/chromium';
  for (const [rows, manual] of [[1_000_000, false], [200_000, true]]) {
    const file = make(rows, manual);
    const html = join(mkdtempSync(join(tmpdir(), 'ecsop-bench-html-')), 'report.html');
    execFileSync(process.execPath, [child, 'check --format html', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, BENCH_HTML: html } });
    const bytes = statSync(html).size;
    let open = 'chromium not found';
    if (existsSync(chromiumPath)) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
      const times = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage();
        const t = performance.now();
        await page.goto(`file://${html}`, { waitUntil: 'load' });
        times.push(performance.now() - t);
        await page.close();
      }
      await browser.close();
      open = `opens in ${median(times).toFixed(0)} ms (median of 5; target < 2,000)`;
    }
    console.log(`\nHTML report, ${rows.toLocaleString('en')} rows${manual ? ' where nearly every order needs review' : ''}: ${(bytes / 1024).toFixed(0)} KB (target < 5 MB), ${open}`);
  }
}

// start-up: commands that need no workbook must not load exceljs
const probe = `import { createRequire } from 'node:module'; const { main } = await import(${JSON.stringify(new URL('../dist/ecsop.js', import.meta.url).href)});
const w = process.stdout.write.bind(process.stdout); process.stdout.write = () => true; await main(process.argv.slice(1)); process.stdout.write = w;
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/exceljs/')); console.log(JSON.stringify({ loaded }));`;
console.log('');
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
