// `ecsop watch` measured (issue #26): how soon a save is reported on a local disk, and the watcher's
// memory over many saves. node scripts/watch-soak.mjs [saves] [files]
//   - latency: 20 saves a second apart, each timed from the save to its line (target: within 2 s);
//   - soak: `saves` saves (default 10,000) over `files` workbooks (default 50) as fast as the disk
//     takes them, the watcher's resident memory sampled every 200 ms (/proc/PID/status): it prints
//     the peak, and the resident memory after each tenth of the saves, which stays flat.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const saves = Number(process.argv[2] ?? 10_000);
const files = Number(process.argv[3] ?? 50);
const root = new URL('..', import.meta.url).pathname;
const examples = join(root, 'examples');
const sources = ['01-市场调研与选品.xlsx', '02-店铺基础搭建.xlsx', '03-商品上架与优化.xlsx', '04-营销活动策划.xlsx', '05-订单处理与履约.xlsx'].map((f) => join(examples, f));
const dir = mkdtempSync(join(tmpdir(), 'ecsop-soak-'));
const drive = join(dir, '共享盘');
cpSync(examples, drive, { recursive: true });
for (let i = 0; i < files; i++) copyFileSync(sources[i % sources.length], join(drive, `表${i}.xlsx`));

const child = spawn(process.execPath, [join(root, 'bin/ecsop.js'), 'watch', drive, '--lang', 'en', '--now', '2024-05-21T12:00'], { stdio: ['ignore', 'pipe', 'inherit'] });
let lines = [];
let buffer = '';
const waiters = [];
child.stdout.on('data', (d) => {
  buffer += d;
  const parts = buffer.split('\n');
  buffer = parts.pop();
  const now = performance.now();
  for (const p of parts) lines.push({ text: p, at: now });
  for (const w of waiters.splice(0)) w();
});
const next = () => new Promise((r) => { waiters.push(r); setTimeout(r, 100); });
async function line(re, from, ms = 30_000) {
  const end = performance.now() + ms;
  for (;;) {
    const hit = lines.slice(from).find((l) => re.test(l.text));
    if (hit) return hit;
    if (performance.now() > end) throw new Error(`no line ${re}`);
    await next();
  }
}
const rss = () => {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024; } catch { return 0; }
};
let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 200);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A save as Excel makes it: a temporary file written beside, renamed over the workbook. */
const save = (i, source) => {
  const tmp = join(drive, `~WRL${i}.tmp`);
  copyFileSync(source, tmp);
  renameSync(tmp, join(drive, `表${i % files}.xlsx`));
};

await line(/^watching/, 0, 120_000);
const latencies = [];
for (let i = 0; i < 20; i++) {
  const from = lines.length;
  const t = performance.now();
  save(i, sources[(i + 1) % sources.length]);
  const hit = await line(new RegExp(`表${i % files}\\.xlsx`), from);
  latencies.push(hit.at - t);
  await sleep(1000);
}
if (process.env.SOAK_ALL) console.log(latencies.map((l) => (l / 1000).toFixed(2)).join(" "));
latencies.sort((a, b) => a - b);
console.log(`a save reported after (20 saves, local disk): median ${(latencies[10] / 1000).toFixed(2)} s, slowest ${(latencies[19] / 1000).toFixed(2)} s (target: within 2 s)`);

const marks = [];
const started = performance.now();
for (let i = 0; i < saves; i++) {
  save(i, sources[i % sources.length]);
  if ((i + 1) % Math.max(1, Math.floor(saves / 10)) === 0) { await sleep(2000); marks.push(rss()); }
  else if (i % 20 === 0) await sleep(1);
}
// the last saves are reported
await sleep(5000);
const after = rss();
clearInterval(sampler);
console.log(`${saves.toLocaleString('en')} saves over ${files} workbooks in ${((performance.now() - started) / 1000).toFixed(0)} s, ${lines.length - 21} lines: peak ${peak.toFixed(0)} MB; resident after each tenth: ${marks.map((m) => m.toFixed(0)).join(', ')} MB; at the end ${after.toFixed(0)} MB`);
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });
