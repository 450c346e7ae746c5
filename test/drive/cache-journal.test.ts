import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/drive/result-cache.js';
import type { StoredResult } from '../../src/check/run.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * The cache's files (issue #26): a run that changed a few files writes them to a journal beside
 * the cache instead of writing the whole cache again; the cache and its journal are read as one;
 * a damaged journal is said in one line and the cache is written whole; a journal of another
 * cache is no part of this one; a file of the user's under the journal's name is never touched.
 * Results are kept in a form of their own (one table of strings for the whole cache), and the
 * reports are byte for byte those of a run without the cache.
 */
const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];
const EXAMPLES = ['01-市场调研与选品.xlsx', '02-店铺基础搭建.xlsx', '03-商品上架与优化.xlsx', '04-营销活动策划.xlsx', '05-订单处理与履约.xlsx'];

function cacheLine(stderr: string): { hits: number; misses: number } {
  const m = /缓存:(\d+) 个文件未变,直接用上次结果;(\d+) 个文件重新检查/.exec(stderr);
  if (!m) throw new Error(`no cache line in: ${stderr}`);
  return { hits: Number(m[1]), misses: Number(m[2]) };
}

const SHOPS = ['店铺A', '店铺B', '店铺C', '店铺D'];
/** An hour ago: a file saved then is not hashed again for having been saved just before its check. */
const earlier = () => new Date(Date.now() - 3600_000);

/** Four shops of the SOP's five workbooks, saved an hour ago: twenty files. */
function drive(): string {
  const dir = tempDir('ecsop-journal-');
  for (const shop of SHOPS) {
    cpSync(join(root, 'examples'), join(dir, shop), { recursive: true });
    for (const name of EXAMPLES) utimesSync(join(dir, shop, name), earlier(), earlier());
  }
  return dir;
}

/** A file saved with other content: another of the SOP's workbooks over it (a while ago). */
function resave(dir: string, shop: string, i: number): void {
  const file = join(dir, shop, EXAMPLES[i]);
  copyFileSync(join(root, 'examples', EXAMPLES[(i + 1) % 5]), file);
  utimesSync(file, earlier(), earlier());
}

describe('the cache\'s journal', () => {
  it('keeps a few changed files beside the cache, leaves the cache as it was, and reads both as one', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    const journal = `${cache}.journal`;
    await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    const base = readFileSync(cache);
    expect(existsSync(journal)).toBe(false);
    resave(dir, '店铺B', 1);
    const changed = await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(changed.stderr)).toEqual({ hits: 19, misses: 1 });
    expect(existsSync(journal)).toBe(true);
    expect(readFileSync(cache).equals(base)).toBe(true);
    const plain = await ecsop(['check', '.', '-f', 'json', ...NOW], { cwd: dir });
    expect(changed.stdout).toBe(plain.stdout);
    // the next run: everything from the cache and its journal, the same report
    const again = await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(again.stderr)).toEqual({ hits: 20, misses: 0 });
    expect(again.stdout).toBe(plain.stdout);
    // a file deleted, another changed: the journal says both; still one report
    rmSync(join(dir, '店铺C', EXAMPLES[4]));
    resave(dir, '店铺D', 2);
    const more = await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(more.stderr)).toEqual({ hits: 18, misses: 1 });
    expect(more.stdout).toBe((await ecsop(['check', '.', '-f', 'json', ...NOW], { cwd: dir })).stdout);
    expect(cacheLine((await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 19, misses: 0 });
    // many changed: the cache is written whole again and the journal goes
    for (const shop of ['店铺A', '店铺B', '店铺D']) for (const i of [0, 3]) resave(dir, shop, i);
    const many = await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(cacheLine(many.stderr)).toEqual({ hits: 13, misses: 6 });
    expect(existsSync(journal)).toBe(false);
    expect(readFileSync(cache).equals(base)).toBe(false);
    expect(cacheLine((await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 19, misses: 0 });
  });

  it('a damaged journal is one line; its files are checked again and the cache is written whole', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    const journal = `${cache}.journal`;
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    resave(dir, '店铺A', 0);
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    for (const [round, [name, damage]] of Object.entries({
      corrupt: (good: Buffer) => Buffer.concat([good.subarray(0, 80), Buffer.from([good[80] ^ 0xff]), good.subarray(81)]),
      truncated: (good: Buffer) => good.subarray(0, 10),
    }).entries()) {
      writeFileSync(journal, damage(readFileSync(journal)));
      const res = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
      expect(res.stdout, name).toBe((await ecsop(['check', '.', ...NOW], { cwd: dir })).stdout);
      const lines = res.stderr.split('\n').filter((l) => l.includes('.ecsop-cache'));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(/缓存 \.ecsop-cache\.journal 不能用(.+):已忽略,本次运行后重建/);
      // the file the journal held is checked again; the others come from the cache
      expect(cacheLine(res.stderr), name).toEqual({ hits: 19, misses: 1 });
      expect(existsSync(journal), name).toBe(false);
      const again = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
      expect(cacheLine(again.stderr), name).toEqual({ hits: 20, misses: 0 });
      expect(again.stderr, name).not.toMatch(/不能用/);
      // the next journal, to damage in the next round: another file changed
      resave(dir, '店铺B', round + 1);
      await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
      expect(existsSync(journal), name).toBe(true);
    }
  });

  it('a journal of another cache (one written whole since) is no part of this one, and says nothing', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    const journal = `${cache}.journal`;
    const target = join(dir, '店铺A', EXAMPLES[1]);
    const saveAs = (i: number) => { copyFileSync(join(root, 'examples', EXAMPLES[i]), target); utimesSync(target, earlier(), earlier()); };
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    // the old journal: 店铺A's file with the content of the SOP's third workbook
    saveAs(2);
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    const old = readFileSync(journal);
    // then that file saved as the fourth, and the cache written whole (many files changed); the old journal put back beside it
    saveAs(3);
    for (const shop of SHOPS.slice(1)) for (const i of [0, 2, 4]) resave(dir, shop, i);
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(existsSync(journal)).toBe(false);
    writeFileSync(journal, old);
    // saved as the third again: only the old journal has a result for that content, and it is not used
    saveAs(2);
    const res = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(res.stderr).not.toMatch(/不能用/);
    expect(cacheLine(res.stderr)).toEqual({ hits: 19, misses: 1 });
    expect(res.stdout).toBe((await ecsop(['check', '.', ...NOW], { cwd: dir })).stdout);
  });

  it('a file of the user\'s under the journal\'s name is never written over nor removed', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    const journal = `${cache}.journal`;
    await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    writeFileSync(journal, '我的笔记\n');
    const base = readFileSync(cache);
    resave(dir, '店铺B', 3);
    const res = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(res.stderr).not.toMatch(/不能用/);
    expect(res.stderr).toContain('.ecsop-cache.journal 不是 ecsop 的缓存日志,原样保留;缓存每次整个写入');
    expect(readFileSync(journal, 'utf8')).toBe('我的笔记\n');
    // the cache is written whole instead
    expect(readFileSync(cache).equals(base)).toBe(false);
    expect(cacheLine((await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 20, misses: 0 });
    // a folder under that name: the same, and the cache is still kept
    rmSync(journal);
    mkdirSync(journal);
    resave(dir, '店铺C', 2);
    const folder = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(folder.stderr).toContain('.ecsop-cache.journal 不是 ecsop 的缓存日志');
    expect(folder.stderr).not.toMatch(/没有写入|不能用/);
    expect(cacheLine((await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 20, misses: 0 });
    expect(statSync(journal).isDirectory()).toBe(true);
  });

  it('a folder or a file of the user\'s at the journal\'s name before there is any cache: the cache is still made, the thing left as it is', async () => {
    for (const make of [(p: string) => mkdirSync(p), (p: string) => writeFileSync(p, '我的笔记\n')]) {
      const dir = drive();
      const journal = join(dir, '.ecsop-cache.journal');
      make(journal);
      const first = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
      expect(first.stderr).toContain('.ecsop-cache.journal 不是 ecsop 的缓存日志,原样保留;缓存每次整个写入');
      expect(first.stderr).not.toMatch(/没有写入|不能用|EISDIR/);
      expect(existsSync(join(dir, '.ecsop-cache'))).toBe(true);
      expect(cacheLine((await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 20, misses: 0 });
      expect(existsSync(journal)).toBe(true);
    }
  });

  it('a pipe, a device or a folder at the cache\'s or the history\'s name is never opened: one line, the run goes on, nothing written there', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    // a pipe would wait for a writer for good; /dev/zero never ends
    execFileSync('mkfifo', [cache]);
    const pipe = await ecsop(['check', '.', '--cache', '-f', 'json', ...NOW], { cwd: dir });
    expect(pipe.code).toBe(1);
    expect(pipe.stderr.split('\n').filter((l) => l.includes('.ecsop-cache'))).toEqual(['缓存 .ecsop-cache 不是普通文件(文件夹、设备、管道或链接):本次不用缓存,也不往那里写']);
    expect(JSON.parse(pipe.stdout).summary.files).toBe(20);
    expect(statSync(cache).isFIFO()).toBe(true);
    rmSync(cache);
    symlinkSync('/dev/zero', cache);
    const zero = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(zero.stderr.split('\n').filter((l) => l.includes('.ecsop-cache'))).toEqual(['缓存 .ecsop-cache 不是普通文件(文件夹、设备、管道或链接):本次不用缓存,也不往那里写']);
    rmSync(cache);
    // a link to a file of the user's: said as what it is, the file left as it was, no .bak, every run the same (outsider
    // helper-73: "kept as a .bak and rebuilt after this run", and then "not written: a link")
    writeFileSync(join(dir, '我的笔记.txt'), '别动');
    symlinkSync(join(dir, '我的笔记.txt'), cache);
    rmSync(`${cache}.history.jsonl`, { force: true });
    for (let run = 0; run < 2; run++) {
      const linked = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
      expect(linked.stderr.split('\n').filter((l) => l.includes('.ecsop-cache'))).toEqual(['缓存 .ecsop-cache 不是普通文件(文件夹、设备、管道或链接):本次不用缓存,也不往那里写']);
      // and no line that the cache answered, nor a history beside it (outsider helper-74)
      expect(linked.stderr).not.toMatch(/缓存:/);
    }
    expect(existsSync(`${cache}.history.jsonl`)).toBe(false);
    expect(readFileSync(join(dir, '我的笔记.txt'), 'utf8')).toBe('别动');
    expect(existsSync(`${cache}.bak`)).toBe(false);
    // named by --cache-location, it is refused before the run, as a pipe is
    const named = await ecsop(['check', '.', '--cache-location', '.ecsop-cache', ...NOW], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr.trim().split('\n')).toHaveLength(1);
    expect(named.stderr).toContain('.ecsop-cache 是链接,不是普通文件;缓存只写到普通文件');
    rmSync(cache);
    // a folder where the cache would be (a folder given, holding a folder at the cache's name): said as a folder, with
    // what to do about a cache (outsider helper-114: "a device, pipe, socket or link", and `-o -`)
    mkdirSync(join(dir, 'd/.ecsop-cache'), { recursive: true });
    for (const [lang, said] of [['zh', 'd/.ecsop-cache 是文件夹,不是普通文件;缓存只写到普通文件:请给另一个文件名,或另一个文件夹'], ['en', 'd/.ecsop-cache is a folder, not a regular file; a cache is written only to a regular file: give another file name, or another folder']]) {
      const folder = await ecsop(['check', '.', '--cache-location', 'd', '--lang', lang, ...NOW], { cwd: dir });
      expect(folder.code).toBe(2);
      expect(folder.stderr.trim()).toBe(`ecsop: --cache-location d${lang === 'zh' ? ':' : ': '}${said}`);
    }
    // the drive dashboard reads the history beside the cache: a pipe there is no history
    rmSync(`${cache}.history.jsonl`, { force: true });
    execFileSync('mkfifo', [`${cache}.history.jsonl`]);
    const page = await ecsop(['check', '.', '-f', 'html', '-o', 'd.html', ...NOW], { cwd: dir });
    expect(page.code).toBe(1);
    expect(existsSync(join(dir, 'd.html'))).toBe(true);
  });

  it('a cache location that cannot be looked at is refused in one line, never an internal error (outsider helper-87: a folder of mode 000 ended the run so)', async () => {
    const dir = drive();
    // as root no folder is shut: a name the system cannot look up (too long) fails its lstat the same way
    const long = `${'缓'.repeat(100)}.cache`;
    for (const args of [['--cache', '--cache-location', long], ['-f', 'html', '-o', 'd.html', '--cache-location', long]]) {
      const res = await ecsop(['check', '.', ...args, ...NOW], { cwd: dir });
      expect(res.stderr, args.join(' ')).not.toMatch(/internal error|内部错误/);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(res.stderr, args.join(' ')).toContain('--cache-location');
    }
  });

  it('a cache an older ecsop wrote is said in one line and rebuilt, with no backup kept', async () => {
    const dir = drive();
    const cache = join(dir, '.ecsop-cache');
    const older = Buffer.concat([Buffer.from('ECSOP-CACHE\n', 'latin1'), Buffer.from([0, 0, 0, 2]), Buffer.alloc(100, 7)]);
    writeFileSync(cache, older);
    const res = await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir });
    expect(res.stderr).toMatch(/缓存 \.ecsop-cache 不能用.是旧版本 ecsop 的格式 2,已按新格式重建.:已忽略,本次运行后重建/);
    expect(existsSync(`${cache}.bak`)).toBe(false);
    expect(cacheLine((await ecsop(['check', '.', '--cache', ...NOW], { cwd: dir })).stderr)).toEqual({ hits: 20, misses: 0 });
  });
});

describe('results in the cache', () => {
  const file = () => {
    const dir = tempDir('ecsop-results-');
    const path = join(dir, 'a.xlsx');
    copyFileSync(join(root, 'examples', EXAMPLES[0]), path);
    return { dir, path };
  };
  const opts = { key: 'k', build: 'b', now: new Date('2024-05-21T12:00:00Z'), onProblem: () => {} };
  const result = (tag: string, n = 3): StoredResult => ({
    events: Array.from({ length: n }, (_, i) => ['finding', { ruleId: 'r', severity: 'warning', file: 'a.xlsx', message: `${tag} ${i}`, row: i + 2 }] as StoredResult['events'][number]),
    outcome: { summary: { path: 'a.xlsx', status: 'ok', sheets: [{ name: '订单', kind: 'orders', rows: n }] }, contributions: [{ ruleId: 'ship-late', data: { ids: [tag], at: new Float64Array([1, 2]) }, findingsHere: true }], counted: {} },
  } as unknown as StoredResult);

  it('two runs that save at once, each with strings the other has not, both read back exactly', async () => {
    const { dir, path } = file();
    const other = join(dir, 'b.xlsx');
    copyFileSync(join(root, 'examples', EXAMPLES[1]), other);
    const location = join(dir, 'c.cache');
    const a = await ResultCache.open(location, opts);
    const b = await ResultCache.open(location, opts);
    const fa = { path, display: 'a.xlsx' };
    const fb = { path: other, display: 'b.xlsx' };
    await a.lookup(fa);
    await b.lookup(fb);
    a.keep(fa, result('只在甲'));
    b.keep(fb, result('只在乙'));
    await a.save(new Set([path, other]), [dir]);
    await b.save(new Set([path, other]), [dir]);
    const c = await ResultCache.open(location, opts);
    const read = async (f: typeof fa) => { const got = (await c.lookup(f))!(); return { ...got, outcome: { ...got.outcome } }; };
    const { held: _a, ...ga } = (await read(fa)).outcome;
    const { held: _b, ...gb } = (await read(fb)).outcome;
    expect({ ...(await read(fa)), outcome: ga }).toEqual(result('只在甲'));
    expect({ ...(await read(fb)), outcome: gb }).toEqual(result('只在乙'));
  });

  it('a result the codec does not hold is kept in v8\'s form and read back as v8 brings it', async () => {
    const { dir, path } = file();
    const location = join(dir, 'c.cache');
    class Odd { kind = 'odd'; }
    const odd = result('奇');
    (odd.outcome.contributions[0].data as Record<string, unknown>).odd = new Odd();
    const cache = await ResultCache.open(location, opts);
    const f = { path, display: 'a.xlsx' };
    await cache.lookup(f);
    cache.keep(f, odd);
    await cache.save(new Set([path]), [dir]);
    const back = (await (await ResultCache.open(location, opts)).lookup(f))!();
    expect(back.events).toEqual(odd.events);
    expect(back.outcome.summary).toEqual(odd.outcome.summary);
    const data = back.outcome.contributions[0].data as { odd: unknown; at: Float64Array; ids: string[] };
    // as v8 brings an instance back: its fields, as a plain object
    expect(data.odd).toEqual({ kind: 'odd' });
    expect(data.at).toEqual(new Float64Array([1, 2]));
    expect(data.ids).toEqual(['奇']);
  });

  it('the table of strings is made afresh when it grows far past what the results need: the cache does not grow run after run', async () => {
    const { dir, path } = file();
    const location = join(dir, 'c.cache');
    const f = { path, display: 'a.xlsx' };
    const sizes: number[] = [];
    for (let run = 0; run < 8; run++) {
      // every run, new content: 5,000 strings no other run has
      copyFileSync(join(root, 'examples', EXAMPLES[run % 5]), path);
      writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from(String(run))]));
      const fresh = await ResultCache.open(location, opts);
      await fresh.lookup(f);
      fresh.keep(f, result(`第${run}次`, 5000));
      await fresh.save(new Set([path]), [dir]);
      sizes.push(statSync(location).size + (existsSync(`${location}.journal`) ? statSync(`${location}.journal`).size : 0));
    }
    expect(Math.max(...sizes)).toBeLessThan(4 * sizes[0]);
    const back = (await (await ResultCache.open(location, opts)).lookup(f))!();
    expect(back.events.at(-1)).toEqual(['finding', { ruleId: 'r', severity: 'warning', file: 'a.xlsx', message: '第7次 4999', row: 5001 }]);
  });
});
