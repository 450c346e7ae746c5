import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/workbook/open.js';
import { UnreadableFileError } from '../../src/workbook/types.js';
import { tempDir } from '../helpers/cli.js';
import { xlsx } from '../corpus/build.js';
import { mutate, rng } from './mutate.js';

const run = promisify(execFile);
const root = join(__dirname, '../..');
/** `npm run fuzz` runs 10,000; `npm test` a few hundred. */
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const BATCH = 250;
/** bounds a batch must keep: a hang or a blow-up is a failure, not a slow test */
const BATCH_SECONDS = 120;
const MAX_RSS_MB = 1536;

/** Valid workbooks of every kind ecsop reads, to mutate. */
function seeds(): Array<{ ext: string; bytes: Buffer; zip: boolean }> {
  const out = [{ ext: '.xlsx', bytes: xlsx(), zip: true }];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const f of readdirSync(join(root, dir))) {
      const ext = extname(f).toLowerCase();
      if (!['.xlsx', '.csv'].includes(ext) || f.includes('renamed')) continue;
      out.push({ ext, bytes: readFileSync(join(root, dir, f)), zip: ext === '.xlsx' });
    }
  }
  out.push({ ext: '.xls', bytes: Buffer.from('<html><meta charset="utf-8"><table><tr><td>订单号</td><td>金额</td></tr><tr><td>1</td><td>99</td></tr></table></html>'), zip: false });
  return out;
}

interface Outcome { cases: number; clean: number; escapes: string[]; maxRssMb: number; slowestBatch: number; inProcess: number }

describe(`fuzz: ${CASES} mutated workbooks (seed ${SEED})`, () => {
  const dir = tempDir('ecsop-fuzz-');
  const outcome: Outcome = { cases: 0, clean: 0, escapes: [], maxRssMb: 0, slowestBatch: 0, inProcess: 0 };
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    // the figures a closing note quotes
    console.log(`fuzz: ${outcome.cases} cases, ${outcome.clean} clean answers, ${outcome.escapes.length} escapes, ${outcome.inProcess} also read in-process, peak memory ${outcome.maxRssMb} MB, slowest batch of ${BATCH} ${outcome.slowestBatch.toFixed(1)} s`);
  });

  it('every mutant gets a clean answer: exit 0 or 1, a whole JSON report naming it, no stack trace, bounded time and memory, nothing polluted', async () => {
    const r = rng(SEED);
    const pool = seeds();
    writeFileSync(join(dir, 'fuzz.config.json'), JSON.stringify({ limits: { workerHeapMB: 256, fileSeconds: 30 } }));
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (let start = 0; start < CASES; start += BATCH) {
      const batch = join(dir, `batch-${start}`);
      mkdirSync(batch);
      const names: string[] = [];
      for (let i = start; i < Math.min(CASES, start + BATCH); i++) {
        const seed = pool[Math.floor(r() * pool.length)];
        const name = `m${String(i).padStart(5, '0')}${seed.ext}`;
        const bytes = mutate(r, seed.bytes, seed.zip);
        writeFileSync(join(batch, name), bytes);
        names.push(name);
        // one in ten is also read here, in this process: what a reader does to Object.prototype shows
        if (i % 10 === 0) {
          outcome.inProcess++;
          try {
            const wb = await openWorkbook(join(batch, name), { limits: { maxFileBytes: 64 << 20 } });
            for await (const sheet of wb.sheets()) for await (const _batch of sheet.batches()) { /* read it all */ }
          } catch (err) {
            if (!(err instanceof UnreadableFileError)) outcome.escapes.push(`${name}: in-process ${(err as Error).stack}`);
          }
        }
      }
      const t0 = Date.now();
      let code = 0;
      let stdout = '';
      let stderr = '';
      try {
        ({ stdout, stderr } = await run(process.execPath, ['--max-old-space-size=512', '-r', join(__dirname, 'rss.cjs'), join(root, 'bin/ecsop.js'), 'check', batch, '--config', join(dir, 'fuzz.config.json'), '--format', 'json', '--jobs', '4'], { maxBuffer: 1 << 28, timeout: BATCH_SECONDS * 1000, env: { ...process.env, LANG: 'en_US.UTF-8' } }));
      } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string; killed?: boolean };
        ({ code, stdout, stderr } = e);
        if (e.killed) outcome.escapes.push(`batch ${start}: killed after ${BATCH_SECONDS} s`);
      }
      const seconds = (Date.now() - t0) / 1000;
      outcome.slowestBatch = Math.max(outcome.slowestBatch, seconds);
      const rss = Number(/ECSOP_MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      outcome.maxRssMb = Math.max(outcome.maxRssMb, Math.round(rss));
      if (code !== 0 && code !== 1) outcome.escapes.push(`batch ${start}: exit ${code}: ${stderr.slice(0, 500)}`);
      if (/\n\s+at .+:\d+:\d+/.test(stderr)) outcome.escapes.push(`batch ${start}: a stack trace: ${stderr.slice(0, 500)}`);
      if (rss > MAX_RSS_MB) outcome.escapes.push(`batch ${start}: ${Math.round(rss)} MB`);
      let report: { files: Array<{ path: string }> } | undefined;
      try { report = JSON.parse(stdout); } catch { outcome.escapes.push(`batch ${start}: the JSON report does not parse`); }
      if (report) {
        const seen = new Set(report.files.map((f) => f.path.split('/').pop()));
        const missing = names.filter((n) => !seen.has(n));
        if (missing.length) outcome.escapes.push(`batch ${start}: not in the report: ${missing.slice(0, 5).join(', ')}`);
        outcome.clean += names.length - missing.length - (code === 0 || code === 1 ? 0 : names.length);
      }
      outcome.cases += names.length;
      rmSync(batch, { recursive: true, force: true });
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(outcome.escapes).toEqual([]);
    expect(outcome.clean).toBe(CASES);
  }, Math.max(120_000, (CASES / BATCH + 1) * BATCH_SECONDS * 1000));
});
