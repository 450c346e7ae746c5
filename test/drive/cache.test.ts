import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCache } from '../../src/drive/cache-file.js';
import { ResultCache } from '../../src/drive/result-cache.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { installOfItsOwn } from '../helpers/install.js';
import { writeWorkbook } from '../helpers/workbook.js';

/**
 * `check --cache` (issue #26): an unchanged file is answered from the cache, and the report is
 * byte for byte the one without it; any input a result depends on — the file's content, the
 * config, a rule's options, the format, the language, ecsop's build, --now to the grain a rule
 * reads it — checks the file again. A broken cache is said in one line and rebuilt.
 */
const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];

/** The counts of the cache's line on stderr: files answered from it, files checked. */
function cacheLine(stderr: string): { hits: number; misses: number } {
  const m = /缓存:(\d+) 个文件未变,直接用上次结果;(\d+) 个文件重新检查/.exec(stderr);
  if (!m) throw new Error(`no cache line in: ${stderr}`);
  return { hits: Number(m[1]), misses: Number(m[2]) };
}

function drive(): string {
  const dir = tempDir('ecsop-cache-');
  cpSync(join(root, 'examples'), join(dir, '店铺A'), { recursive: true });
  return dir;
}

const SHIPMENT_HEAD = ['订单号', '收件人', '收件地址', '商品名称', '物流公司', '物流单号', '发货时间', '物流更新时间', '物流状态'];

describe('check --cache', () => {
  it('answers unchanged files from the cache, the report byte for byte the one without it, in every format', async () => {
    const dir = drive();
    for (const format of ['text', 'json', 'html', 'junit', 'github']) {
      const cold = await ecsop(['check', '店铺A', '-f', format, '--cache', ...NOW], { cwd: dir });
      // (JSON, JUnit and GitHub need the same results of the workers: the second of them is answered from the first's)
      expect(cacheLine(cold.stderr).hits + cacheLine(cold.stderr).misses, format).toBe(5);
      // (the HTML dashboard's trend reads the run history beside the cache, with or without --cache: the same runs before each)
      const plain = await ecsop(['check', '店铺A', '-f', format, ...NOW], { cwd: dir });
      const warm = await ecsop(['check', '店铺A', '-f', format, '--cache', ...NOW], { cwd: dir });
      expect(cacheLine(warm.stderr), format).toEqual({ hits: 5, misses: 0 });
      expect(warm.stdout, format).toBe(plain.stdout);
      if (format !== 'html') expect(cold.stdout, format).toBe(plain.stdout);
      expect(warm.code).toBe(plain.code);
    }
    expect(existsSync(join(dir, '.ecsop-cache'))).toBe(true);
  });

  it('writes a kept file\'s section as it was printed, and reads its findings back when a join reports on it after all: byte for byte the report without the cache', async () => {
    const dir = tempDir('ecsop-cache-printed-');
    // two shops with the same listings: title-duplicate joins them, after every file was read
    for (const shop of ['店铺A', '店铺B']) cpSync(join(root, 'examples'), join(dir, '盘', shop), { recursive: true });
    const cache = join(dir, 'c.cache');
    for (const options of [[], ['--quiet'], ['--max-findings', '1'], ['--lang', 'en'], ['--max-findings', '1', '--quiet']]) {
      const args = ['check', '盘', ...options, ...NOW];
      const plain = await ecsop(args, { cwd: dir });
      // the joins' findings land in sections kept from before
      if (!options.includes('--quiet') && !options.includes('--max-findings')) expect(plain.stdout, options.join(' ')).toContain('[title-duplicate]');
      // a run on a terminal (colours, a table) keeps results but no sections; the next run keeps its sections; the one after writes them
      await ecsop([...args, '--cache-location', cache], { cwd: dir, tty: true, columns: 120 });
      for (let i = 0; i < 2; i++) {
        const warm = await ecsop([...args, '--cache-location', cache], { cwd: dir });
        // (--quiet says nothing of the cache)
        if (!options.includes('--quiet')) expect(warm.stderr, options.join(' ')).toMatch(/10 个文件未变|10 files unchanged/);
        expect(warm.stdout, `${options.join(' ')} (run ${i + 2})`).toBe(plain.stdout);
        expect(warm.code).toBe(plain.code);
      }
    }
    // every result holds its section of the plain report
    const kept = await readCache(cache);
    if ('problem' in kept) throw new Error(kept.problem);
    expect(kept.entries.filter((e) => e.print?.key.startsWith('text/')).length).toBeGreaterThanOrEqual(10);
    // (a file keeps four results: the default report's again, the fifth options' run having pushed it out)
    await ecsop(['check', '盘', '--cache-location', cache, ...NOW], { cwd: dir });
    // one file more, with the same titles: the kept files' sections get late findings of a file read this run
    cpSync(join(dir, '盘', '店铺A', '03-商品上架与优化.xlsx'), join(dir, '盘', '店铺C.xlsx'));
    const plain = await ecsop(['check', '盘', ...NOW], { cwd: dir });
    expect(plain.stdout).toContain('店铺C.xlsx');
    const warm = await ecsop(['check', '盘', '--cache-location', cache, ...NOW], { cwd: dir });
    expect(warm.stderr).toMatch(/10 个文件未变/);
    expect(warm.stdout).toBe(plain.stdout);
    expect((await ecsop(['check', '盘', '--cache-location', cache, ...NOW], { cwd: dir })).stdout).toBe(plain.stdout);
  });

  it('checks a file again when its content changes (even at the same size and time), not when it is only touched or copied back', async () => {
    const dir = tempDir('ecsop-cache-');
    const file = join(dir, 'sel.xlsx');
    const head = ['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议'];
    await writeWorkbook(file, { 选品: [head, ['款1', '美妆', 4, 4, 4, 4, 4, '通过']] });
    const first = await ecsop(['check', 'sel.xlsx', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(JSON.parse(first.stdout).summary.errors).toBe(0);
    const before = statSync(file);
    // the same size and modification time, another score: only the content tells
    await writeWorkbook(file, { 选品: [head, ['款1', '美妆', 4, 4, 4, 4, 5, '通过']] });
    utimesSync(file, before.atime, before.mtime);
    const changed = await ecsop(['check', 'sel.xlsx', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(changed.stderr)).toEqual({ hits: 0, misses: 1 });
    expect(JSON.parse(changed.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('selection-score-mismatch');
    // touched: the same content, a new time
    const now = new Date();
    utimesSync(file, now, now);
    const touched = await ecsop(['check', 'sel.xlsx', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(touched.stderr)).toEqual({ hits: 1, misses: 0 });
    expect(touched.stdout).toBe(changed.stdout);
  });

  it('checks again when the config, a rule\'s level or options, the language or the format changes', async () => {
    const dir = drive();
    const run = () => ecsop(['check', '店铺A', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine((await run()).stderr).misses).toBe(5);
    expect(cacheLine((await run()).stderr).hits).toBe(5);
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'order-manual-review': 'error' } }));
    const level = await run();
    expect(cacheLine(level.stderr)).toEqual({ hits: 0, misses: 5 });
    expect(new Set(JSON.parse(level.stdout).findings.filter((f: { ruleId: string; severity: string }) => f.ruleId === 'order-manual-review').map((f: { severity: string }) => f.severity))).toEqual(new Set(['error']));
    expect(cacheLine((await run()).stderr).hits).toBe(5);
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'order-manual-review': 'error' }, sop: { orders: { autoApproveMaxYuan: 300 } } }));
    const setting = await run();
    expect(cacheLine(setting.stderr).misses).toBe(5);
    expect(setting.stdout).not.toBe(level.stdout);
    const english = await ecsop(['check', '店铺A', '--cache', '-f', 'json', '--lang', 'en', ...NOW], { cwd: dir });
    expect(english.stderr).toMatch(/cache: 0 files unchanged, answered from the last run; 5 files checked again/);
    const text = await ecsop(['check', '店铺A', '--cache', ...NOW], { cwd: dir });
    expect(cacheLine(text.stderr).misses).toBe(5);
    expect(text.stdout).toBe((await ecsop(['check', '店铺A', ...NOW], { cwd: dir })).stdout);
  });

  it('keeps a result only as long as --now means the same to its rules: a deadline to the day, a stalled parcel to the instant', async () => {
    const dir = drive();
    const one = (file: string, now: string) => ecsop(['check', file, '--cache', '-f', 'json', '--now', now], { cwd: dir });
    // the campaign sheet's tasks have deadlines: the same day reuses, the next day does not
    const campaign = '店铺A/04-营销活动策划.xlsx';
    expect(cacheLine((await one(campaign, '2024-05-21T09:00')).stderr).misses).toBe(1);
    expect(cacheLine((await one(campaign, '2024-05-21T18:00')).stderr).hits).toBe(1);
    const nextDay = await one(campaign, '2024-05-22T12:00');
    expect(cacheLine(nextDay.stderr).misses).toBe(1);
    expect(JSON.parse(nextDay.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'task-overdue').map((f: { cell: string }) => f.cell)).toEqual(['D4']);
    // a selection sheet reads no --now but for dates typed without a year: another day of the same year reuses
    const selection = '店铺A/01-市场调研与选品.xlsx';
    await one(selection, '2024-05-21T09:00');
    expect(cacheLine((await one(selection, '2024-06-30T09:00')).stderr).hits).toBe(1);
    expect(cacheLine((await one(selection, '2025-01-02T09:00')).stderr).misses).toBe(1);
    // tracking with no update for 48 hours: every other instant checks again
    await writeWorkbook(join(dir, 'ship.xlsx'), { 物流发货管理表: [SHIPMENT_HEAD, ['20240520001', '*先生', '浙江省杭州市', '面膜', '*通快递', 'YT202405200001', new Date(Date.UTC(2024, 4, 20, 10)), new Date(Date.UTC(2024, 4, 20, 12)), '运输中']] });
    expect(cacheLine((await one('ship.xlsx', '2024-05-22T11:00Z')).stderr).misses).toBe(1);
    const later = await one('ship.xlsx', '2024-05-22T12:30Z');
    expect(cacheLine(later.stderr).misses).toBe(1);
    expect(JSON.parse(later.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('tracking-stalled');
    expect(cacheLine((await one('ship.xlsx', '2024-05-22T12:30Z')).stderr).hits).toBe(1);
  });

  it('a trend\'s recency says the day it judged against: another day of the month checks again (outsider helper-68: the cached message named the day before)', async () => {
    const dir = tempDir('ecsop-cache-trend-');
    // 数据周期 2024.1-3 and no 分析日期: judged against --now, and the message names that day
    await writeWorkbook(join(dir, '趋势 分析.xlsx'), { 市场趋势分析表: [['目标市场', '数据来源', '核心指标', '指标数值', '数据周期', '趋势判断'], ['敏感肌修护面膜', '生意参谋', '搜索指数', '12500', '2024.1-3', '增长']] });
    const cache = join(dir, 'c.cache');
    for (const now of ['2024-08-05T09:00', '2024-08-20T09:00', '2024-08-20T18:00']) {
      const args = ['check', '趋势 分析.xlsx', '--now', now];
      const plain = await ecsop(args, { cwd: dir });
      const cached = await ecsop([...args, '--cache', '--cache-location', cache], { cwd: dir });
      expect(plain.stdout, now).toContain(now.slice(0, 10));
      expect(cached.stdout, now).toBe(plain.stdout);
    }
  });

  it('tells builds apart by what their bundles hold: a changed CLI bundle, worker bundle or loader is another build', async () => {
    const install = installOfItsOwn('builds');
    const dir = tempDir('ecsop-builds-');
    copyFileSync(join(root, 'examples/05-订单处理与履约.xlsx'), join(dir, 'a.xlsx'));
    const cached = () => new Promise<{ hits: number; misses: number }>((done, fail) => {
      const child = spawn(process.execPath, [join(install, 'bin/ecsop.js'), 'check', 'a.xlsx', '--cache', '--now', '2024-05-21T12:00'], { cwd: dir, env: { ...process.env, LANG: 'zh_CN.UTF-8', ECSOP_LANG: '' } });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      child.on('error', fail);
      child.on('close', () => { try { done(cacheLine(err)); } catch (e) { fail(e); } });
    });
    expect((await cached()).misses).toBe(1);
    expect((await cached()).hits).toBe(1);
    // the cache keeps the build as it was told, with the files it was told from (the next run takes it while they are the same)
    const kept = await readCache(join(dir, '.ecsop-cache'));
    const told = 'problem' in kept ? undefined : kept.buildFiles;
    expect(told?.files.startsWith(`${realpathSync(join(install, 'dist'))}|ecsop.js:`)).toBe(true);
    expect(told?.stamp).toMatch(/^[0-9a-f]{32}-[0-9a-f]+$/);
    for (const name of ['ecsop.cjs', 'worker.cjs', 'load-bundle.js', 'worker.js']) {
      // the same bundle with one more comment (its code cache no longer fits: it is compiled as usual)
      writeFileSync(join(install, 'dist', name), `${readFileSync(join(install, 'dist', name), 'utf8')}\n// another build\n`);
      expect([name, (await cached()).misses]).toEqual([name, 1]);
      expect([name, (await cached()).hits]).toEqual([name, 1]);
    }
    rmSync(install, { recursive: true, force: true });
  });

  it('two runs of other options saving at once keep each other\'s results, whether the cache was there before them or not (outsider helper-37: the second lost the first\'s)', async () => {
    for (const before of [false, true]) {
      const dir = tempDir('ecsop-cache-');
      const files = ['a.xlsx', 'b.xlsx'].map((name) => {
        copyFileSync(join(root, 'examples/01-市场调研与选品.xlsx'), join(dir, name));
        return { path: join(dir, name), display: name };
      });
      const result = { events: [], outcome: { summary: { path: 'a.xlsx', status: 'ok' as const, sheets: [] }, contributions: [], counted: {} } };
      const location = join(dir, 'c.cache');
      const open = (key: string) => ResultCache.open(location, { key, build: '0.1.0:b', now: new Date(), onProblem: () => {} });
      const run = async (cache: ResultCache) => { for (const f of files) if (!(await cache.lookup(f))) cache.keep(f, result); };
      // an earlier run of a third option set made the cache
      if (before) { const earlier = await open('earlier'); await run(earlier); await earlier.save(new Set(files.map((f) => f.path)), [dir]); }
      // a text run and a JSON run of the same folder, opened before either saved
      const text = await open('text');
      const json = await open('json');
      await run(text);
      await run(json);
      await text.save(new Set(files.map((f) => f.path)), [dir]);
      await json.save(new Set(files.map((f) => f.path)), [dir]);
      for (const key of before ? ['text', 'json', 'earlier'] : ['text', 'json']) {
        const again = await open(key);
        for (const f of files) expect([before, key, f.display, typeof await again.lookup(f)]).toEqual([before, key, f.display, 'function']);
      }
    }
  });

  it('does not reuse what another build of ecsop wrote', async () => {
    const dir = tempDir('ecsop-cache-');
    const file = join(dir, 'a.xlsx');
    copyFileSync(join(root, 'examples/01-市场调研与选品.xlsx'), file);
    const location = join(dir, 'c.cache');
    const found = { path: file, display: 'a.xlsx' };
    const result = { events: [], outcome: { summary: { path: 'a.xlsx', status: 'ok' as const, sheets: [] }, contributions: [], counted: {} } };
    const old = await ResultCache.open(location, { key: 'k', build: '0.1.0:old', now: new Date(), onProblem: () => {} });
    await old.lookup(found);
    old.keep(found, result);
    await old.save(new Set([file]), [dir]);
    const same = await ResultCache.open(location, { key: 'k', build: '0.1.0:old', now: new Date(), onProblem: () => {} });
    expect(await same.lookup(found)).toBeTypeOf('function');
    // the next build reads the file's entries but never keeps them: its first save drops them
    const next = await ResultCache.open(location, { key: 'k2', build: '0.1.0:new', now: new Date(), onProblem: () => {} });
    expect(await next.lookup(found)).toBeUndefined();
    next.keep(found, result);
    await next.save(new Set([file]), [dir]);
    const after = await ResultCache.open(location, { key: 'k', build: '0.1.0:old', now: new Date(), onProblem: () => {} });
    expect(await after.lookup(found)).toBeUndefined();
  });

  it('ignores a truncated, corrupt or foreign cache with one line, rebuilds it, and reports as without it', async () => {
    const dir = drive();
    const plain = await ecsop(['check', '店铺A', '-f', 'json', ...NOW], { cwd: dir });
    await ecsop(['check', '店铺A', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    const cache = join(dir, '.ecsop-cache');
    const good = readFileSync(cache);
    const damaged: Record<string, Buffer> = {
      truncated: good.subarray(0, Math.floor(good.length / 2)),
      // cut within its format word, after its magic (outsider helper-37: it was called foreign and kept as a backup)
      'cut in its header': good.subarray(0, 14),
      corrupt: Buffer.concat([good.subarray(0, 100), Buffer.from([good[100] ^ 0xff]), good.subarray(101)]),
      foreign: Buffer.from('{"eslint": "cache"}'),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(damaged)) {
      writeFileSync(cache, bytes);
      const res = await ecsop(['check', '店铺A', '--cache', '-f', 'json', ...NOW], { cwd: dir });
      expect(res.stdout, name).toBe(plain.stdout);
      expect(res.code, name).toBe(plain.code);
      const lines = res.stderr.split('\n').filter((l) => l.includes('.ecsop-cache'));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(/缓存 \.ecsop-cache 不能用(.+):已忽略,本次运行后重建/);
      if (name.startsWith('cut')) expect(lines[0], name).toContain('文件不完整');
      expect(cacheLine(res.stderr), name).toEqual({ hits: 0, misses: 5 });
      // rebuilt: the next run is answered from it, with no line about it
      const again = await ecsop(['check', '店铺A', '--cache', '-f', 'json', ...NOW], { cwd: dir });
      expect(cacheLine(again.stderr), name).toEqual({ hits: 5, misses: 0 });
      expect(again.stderr, name).not.toMatch(/不能用/);
    }
    // a foreign file at the location is kept as a backup when it is replaced
    expect(readFileSync(join(dir, '.ecsop-cache.bak'), 'utf8')).toBe('{"eslint": "cache"}');
  });

  it('--cache-location names the file (or a folder for it); a workbook name is refused before the run, never written over', async () => {
    const dir = drive();
    mkdirSync(join(dir, 'state'));
    const res = await ecsop(['check', '店铺A', '--cache-location', 'state', ...NOW], { cwd: dir });
    expect(cacheLine(res.stderr).misses).toBe(5);
    expect(existsSync(join(dir, 'state/.ecsop-cache'))).toBe(true);
    expect(existsSync(join(dir, '.ecsop-cache'))).toBe(false);
    const input = join(dir, '店铺A/01-市场调研与选品.xlsx');
    const bytes = readFileSync(input);
    const bad = await ecsop(['check', '店铺A', '--cache-location', '店铺A/01-市场调研与选品.xlsx', ...NOW], { cwd: dir });
    expect(readFileSync(input).equals(bytes)).toBe(true);
    // refused before anything is read, in one line: exit 2
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ecsop: --cache-location 店铺A\/01-市场调研与选品\.xlsx:.*\.cache/);
  });

  it('two runs sharing a cache at once never corrupt it', async () => {
    const dir = drive();
    cpSync(join(dir, '店铺A'), join(dir, '店铺B'), { recursive: true });
    const bin = join(root, 'bin/ecsop.js');
    const child = (folder: string) => new Promise<{ code: number; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [bin, 'check', folder, '--cache', '--no-progress', '--lang', 'zh', ...NOW], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d) => { stderr += d; });
      p.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([child('店铺A'), child('店铺B'), child('店铺A')]);
      for (const r of runs) expect(r.stderr).not.toMatch(/不能用|没有写入/);
    }
    // both folders' results are in it: nothing was lost to the other run's write
    const after = await ecsop(['check', '店铺A', '店铺B', '--cache', ...NOW], { cwd: dir });
    expect(cacheLine(after.stderr)).toEqual({ hits: 10, misses: 0 });
  }, 60_000);
});
