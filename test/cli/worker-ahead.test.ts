import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wantsWorkerAhead } from '../../src/cli/ahead.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { resolveConfig } from '../../src/config/config.js';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');
const examples = join(root, 'examples');
const NOW = ['--now', '2024-05-21T12:00'];

/** The built command, as a user runs it; `ECSOP_WORKER_AHEAD=0` runs it without the worker started ahead. */
function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env } });
}

/**
 * A command that checks workbooks starts its first worker before the CLI has loaded
 * (bin/ecsop.js, src/check/worker-ahead.ts): its start-up overlaps the command's own instead of
 * following it (a single file checked in 0.28 s instead of 0.40 s). What a user sees must not move.
 */
describe('the worker started before the command loads', () => {
  it('is started for the commands that check workbooks, not for help, titles typed, a freight quote or init', () => {
    const yes = [['--lang', 'en', 'check', 'd'], ['--lang=en', 'review', 'o.xlsx'], ['check', 'd'], ['review', 'o.xlsx', '-f', 'json'], ['score', 's.xlsx'], ['roi', 'c.xlsx'], ['watch', 'd'], ['lint', 'l.xlsx'], ['freight', 'f.xlsx']];
    const no = [[], ['--help'], ['-V'], ['init', 'sop'], ['media', 'img'], ['rules'], ['help', 'check'], ['check', '--help'], ['review', 'o.xlsx', '-h'],
      ['lint', '--text', '标题'], ['lint', '-t', '标题'], ['lint', '--text=标题'], ['lint', '-t标题'], ['--lang', 'en', 'init', 'check'], ['toString'], ['constructor', 'x'], ['freight', '--to', '新疆', '--weight', '2'], ['freight', '--weight=2']];
    for (const argv of yes) expect(wantsWorkerAhead(argv, {}), argv.join(' ')).toBe(true);
    for (const argv of no) expect(wantsWorkerAhead(argv, {}), argv.join(' ')).toBe(false);
    expect(wantsWorkerAhead(['check', 'd'], { ECSOP_WORKER_AHEAD: '0' })).toBe(false);
  });

  it('warms up on the SOP\'s orders example (in the package) when a big cache is read; a pipe or a big file at that path is passed over, and a file sent at once is read at once', async () => {
    // the one the CLI names (dist/, beside the package's examples/)
    const built = readFileSync(join(root, 'dist', 'ecsop.cjs'), 'utf8');
    expect(built).toMatch(/new URL\("\.\.\/examples\/05-/);
    expect(existsSync(join(examples, '05-订单处理与履约.xlsx'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files).toContain('examples');
    const dir = tempDir('warm-');
    const fifo = join(dir, 'pipe.xlsx');
    const big = join(dir, 'big.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    writeFileSync(big, Buffer.alloc(100 * 1024));
    const { Worker } = await import('node:worker_threads');
    for (const path of [fifo, big, join(examples, '05-订单处理与履约.xlsx'), join(dir, 'none.xlsx')]) {
      const worker = new Worker(new URL(pathToFileURL(join(root, 'dist', 'worker.js')).href));
      try {
        const took = await new Promise<number>((resolve, reject) => {
          let sent = 0;
          worker.on('error', reject);
          worker.on('message', (m: { type: string }) => {
            if (m.type === 'ready') {
              worker.postMessage({ type: 'warm-up', path });
              worker.postMessage({ type: 'configure', init: { opts: { config: resolveConfig({}), lang: 'zh', now: new Date('2024-05-21T12:00:00Z') } } });
              sent = Date.now();
              worker.postMessage({ type: 'task', id: 1, path: join(examples, '04-营销活动策划.xlsx'), display: 'x' });
            } else if (m.type === 'events') worker.postMessage({ type: 'ack' });
            else if (m.type === 'done') resolve(Date.now() - sent);
            else if (m.type === 'error') reject(new Error('error'));
          });
        });
        // never the pipe's wait, never a big file read first
        expect(took, path).toBeLessThan(5000);
      } finally {
        await worker.terminate();
      }
    }
  });

  it('every report is the same with it and without it, in every format, with and without the cache', () => {
    const dir = tempDir('ahead-');
    mkdirSync(join(dir, 'drive'));
    for (const f of readdirSync(examples)) copyFileSync(join(examples, f), join(dir, 'drive', f));
    for (const format of ['text', 'json', 'junit', 'github', 'html']) {
      const args = ['check', 'drive', '-f', format, ...NOW];
      const ahead = cli(args, dir);
      const without = cli(args, dir, { ECSOP_WORKER_AHEAD: '0' });
      expect([ahead.status, ahead.stderr], format).toEqual([without.status, without.stderr]);
      expect(ahead.stdout, format).toBe(without.stdout);
    }
    const review = cli(['review', join('drive', '05-订单处理与履约.xlsx'), ...NOW], dir);
    expect(review.stdout).toMatch(/待人工审核/);
    expect(review.stdout).toBe(cli(['review', join('drive', '05-订单处理与履约.xlsx'), ...NOW], dir, { ECSOP_WORKER_AHEAD: '0' }).stdout);
    const cached = ['check', 'drive', '--cache', '--cache-location', 'c', ...NOW];
    const first = cli(cached, dir);
    const again = cli(cached, dir);
    expect(first.stdout).toMatch(/05-订单处理与履约/);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stdout).toBe(cli(['check', 'drive', ...NOW], dir, { ECSOP_WORKER_AHEAD: '0' }).stdout);
    // without it, with a cache, a file the cache does not have: its worker starting holds the process (it ended with 13, nothing written)
    writeFileSync(join(dir, 'drive', '新.csv'), '订单号,收货地址,实付金额\n1,浙江省杭州市西湖区文三路1号,10\n');
    const alone = cli(['check', join('drive', '新.csv'), '--cache', '--cache-location', 'c2', ...NOW], dir, { ECSOP_WORKER_AHEAD: '0' });
    expect([alone.status, alone.stdout]).toEqual([0, cli(['check', join('drive', '新.csv'), ...NOW], dir).stdout]);
    expect(existsSync(join(dir, 'c2'))).toBe(true);
  });

  it('is let go when the config gives workers another heap cap (the pool starts its own), and the run is the same', () => {
    const dir = tempDir('ahead-heap-');
    copyFileSync(join(examples, '05-订单处理与履约.xlsx'), join(dir, 'o.xlsx'));
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ limits: { workerHeapMB: 256 } }));
    // a probe that runs the command as bin/ecsop.js does and says whether the worker started ahead ended
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, `
      const { startAhead } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/ahead.js')).href)});
      startAhead(['review', 'o.xlsx']);
      const ahead = globalThis[Symbol.for('ecsop.worker-ahead')];
      let ended = false;
      ahead.worker.on('exit', () => { ended = true; });
      // the workers the command starts itself, counted
      const threads = (await import('node:module')).createRequire(import.meta.url)('node:worker_threads');
      let started = 0;
      const Own = threads.Worker;
      threads.Worker = class extends Own { constructor(...args) { super(...args); started++; } };
      const { main } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/ecsop.js')).href)});
      const code = await main(['review', 'o.xlsx', '--now', '2024-05-21T12:00', '-o', 'r.txt']);
      setTimeout(() => { console.log(JSON.stringify({ code, ended, started })); }, 200);
    `);
    const run = (config: boolean) => {
      if (!config) writeFileSync(join(dir, 'ecsop.config.json'), '{}');
      const r = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), report: readFileSync(join(dir, 'r.txt'), 'utf8') };
    };
    const other = run(true);
    const own = run(false);
    // another heap cap: the worker started ahead is ended and one of the pool's checks the file
    expect([other.ended, other.started]).toEqual([true, 1]);
    // the default: the pool takes it and starts none of its own (it is still running when the command is done)
    expect([own.ended, own.started]).toEqual([false, 0]);
    expect(other.code).toBe(own.code);
    expect(other.report).toBe(own.report);
  });

  it('a command that ends before it checks anything (a usage error) is not held open by it', () => {
    const dir = tempDir('ahead-usage-');
    const r = cli(['check', '.', '--no-such-flag'], dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-flag/);
    const missing = cli(['review', '没有这个文件.xlsx'], dir);
    expect(missing.status).toBe(2);
  });
});

/**
 * A refused output with the worker started ahead: its one line, nothing written — and only its
 * line (the output is checked before the cache, the suppressions or any file is read: a run that
 * read them first said two lines, the cache's "rebuilt after this run" that never happened).
 */
describe('a refused output, the worker started ahead', () => {
  it('an output that is one of the inputs is refused: exit 2, one line (a damaged cache or a missing suppressions file not said before it), the input as it was, no cache written', async () => {
    const dir = tempDir('ahead-refused-');
    mkdirSync(join(dir, 'drive'));
    for (const f of readdirSync(examples)) copyFileSync(join(examples, f), join(dir, 'drive', f));
    const target = join(dir, 'drive', '05-订单处理与履约.xlsx');
    const before = readFileSync(target);
    for (const extra of [[], ['--cache', '--cache-location', 'c']]) {
      const r = await ecsop(['check', 'drive', '-o', target, '--force', ...extra, ...NOW], { cwd: dir });
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), extra.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/05-订单处理与履约\.xlsx.*输入/);
      expect(r.stdout).toBe('');
      expect(readFileSync(target).equals(before)).toBe(true);
    }
    expect(existsSync(join(dir, 'c'))).toBe(false);
    // and as the built command runs it, with the worker started ahead
    const built = cli(['check', 'drive', '-o', target, '--force', '--cache', '--cache-location', 'c', ...NOW], dir);
    expect([built.status, built.stderr.trim().split('\n').length, built.stdout]).toEqual([2, 1, '']);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'c'))).toBe(false);
    // a damaged cache, a suppressions file named that is not there: only the output's line
    writeFileSync(join(dir, 'damaged'), 'garbage');
    for (const extra of [['--cache', '--cache-location', 'damaged'], ['--suppressions-location', 'nothere.json']]) {
      const r = cli(['check', 'drive', '-o', target, '--force', ...extra, ...NOW], dir);
      expect([r.status, r.stderr.trim().split('\n').length], extra.join(' ')).toEqual([2, 1]);
      expect(r.stderr).toMatch(/05-订单处理与履约\.xlsx/);
    }
    expect(readFileSync(join(dir, 'damaged'), 'utf8')).toBe('garbage');
  });

  it('an existing file of the user is refused without --force while the files are read, and kept', async () => {
    const dir = tempDir('ahead-exists-');
    copyFileSync(join(examples, '05-订单处理与履约.xlsx'), join(dir, 'o.xlsx'));
    writeFileSync(join(dir, 'notes.txt'), '我的笔记\n');
    const r = await ecsop(['review', 'o.xlsx', '-o', 'notes.txt', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt.*--force/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('我的笔记\n');
  });
});
