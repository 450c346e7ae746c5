import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, destroyed, openSafely, stampOf, WriteError, writeSafely } from '../../src/workbook/safe-write.js';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tempDir } from '../helpers/cli.js';
import { findFiles } from '../../src/check/files.js';

const text = (s: string) => async (tmp: string) => writeFileSync(tmp, s);
const problemOf = async (p: Promise<unknown>) => {
  try { await p; } catch (err) { return err instanceof WriteError ? err.problem : `not a WriteError: ${String(err)}`; }
  return 'written';
};
/** What a folder holds besides the files named: temporary files and locks must never stay. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.ecsop-lock'));

describe('a write stopped as it begins', () => {
  it('destroyed() resolves when the stream\'s file is closed, so the temporary file removed after it stays gone (CI: a Ctrl-C as the queue opened left .q.csv.…tmp)', async () => {
    const dir = tempDir();
    for (let i = 0; i < 200; i++) {
      const tmp = join(dir, `.q.csv.${i}.tmp`);
      // destroyed at once, while its file may still be opening
      const stream = createWriteStream(tmp);
      await destroyed(stream);
      expect(stream.closed).toBe(true);
      await rm(tmp, { force: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toEqual([]);
    // one already closed: at once
    const done = createWriteStream(join(dir, 'x'));
    await new Promise((resolve) => done.end(resolve));
    await destroyed(done);
  });

  it('a queue, a report and a copy stopped before their checks leave no temporary file, however busy the thread pool', async () => {
    const dir = tempDir();
    const examples = join(__dirname, '../../examples');
    const { ecsop } = await import('../helpers/cli.js');
    const { Interrupted } = await import('../../src/cli/io.js');
    // the thread pool kept busy meanwhile: an open waits behind other work, as on a loaded machine
    const busy = Array.from({ length: 8 }, (_, i) => import('node:crypto').then((c) => new Promise((resolve) => c.pbkdf2(`x${i}`, 's', 20_000, 32, 'sha256', resolve))));
    for (let round = 0; round < 5; round++) {
      const stop = new AbortController();
      stop.abort(new Interrupted('SIGINT'));
      const r = await ecsop(['review', join(examples, '05-订单处理与履约.xlsx'), '--write', 'c.xlsx', '--queue', `q${round % 2 ? '.xlsx' : '.csv'}`, '-o', 'r.json', '-f', 'json', '--no-progress'], { cwd: dir, signal: stop.signal });
      expect(r.code).toBe(130);
    }
    await Promise.all(busy);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the one safe-write path', () => {
  it('writes through a temporary file and leaves nothing else behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.json');
    let seen = '';
    await writeSafely(target, { kind: 'json' }, async (tmp) => {
      seen = tmp;
      expect(tmp.startsWith(join(dir, '.report.json.'))).toBe(true);
      expect(existsSync(target)).toBe(false); // nothing at the target until the content is whole
      writeFileSync(tmp, '{}');
    });
    expect(readFileSync(target, 'utf8')).toBe('{}');
    expect(existsSync(seen)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('never writes onto an input: the same path, a symbolic link to it, a hard link to it', async () => {
    const dir = tempDir();
    const input = join(dir, 'orders.xlsx');
    writeFileSync(input, 'PK original');
    symlinkSync(input, join(dir, 'link.xlsx'));
    linkSync(input, join(dir, 'hard.xlsx'));
    for (const target of [input, join(dir, 'link.xlsx'), join(dir, 'hard.xlsx'), join(dir, '.', 'orders.xlsx')]) {
      expect(await problemOf(writeSafely(target, { kind: 'xlsx', inputs: [input], force: true }, text('x'))), target).toBe('is-input');
    }
    expect(readFileSync(input, 'utf8')).toBe('PK original');
  });

  it('never onto a searched input however the target names it: through a linked folder, a link, a hard link, `..`, a second mount of the folder', async () => {
    const dir = tempDir();
    const real = join(dir, 'real');
    mkdirSync(join(real, 'sub'), { recursive: true });
    symlinkSync(real, join(dir, 'drive'));
    writeFileSync(join(real, 'sub', 'orders.csv'), '订单号\n1\n');
    writeFileSync(join(real, 'other.csv'), '订单号\n2\n');
    // the drive searched through its link, as a mounted share is
    const inputs = (await findFiles([join(dir, 'drive')], dir)).map((f) => f.path);
    symlinkSync(join(real, 'sub', 'orders.csv'), join(dir, 'link.csv'));
    linkSync(join(real, 'other.csv'), join(dir, 'hard.csv'));
    const targets = [join(real, 'sub', 'orders.csv'), join(dir, 'drive', 'sub', 'orders.csv'), join(dir, 'link.csv'), join(dir, 'hard.csv'), join(dir, 'drive', 'sub', '..', 'other.csv')];
    // the same folder mounted a second time (a bind mount, a share mounted twice): the same file under a path no link explains
    const alias = join(dir, 'alias');
    mkdirSync(alias);
    if (spawnSync('mount', ['--bind', real, alias]).status === 0) targets.push(join(alias, 'sub', 'orders.csv'));
    try {
      for (const target of targets) {
        expect(await problemOf(writeSafely(target, { kind: 'csv', inputs, force: true }, text('x'))), target).toBe('is-input');
      }
    } finally {
      spawnSync('umount', [alias]);
    }
    expect(readFileSync(join(real, 'sub', 'orders.csv'), 'utf8')).toBe('订单号\n1\n');
    // a file that is no input, even named as one but for its case, is written (with --force, kept as a backup)
    writeFileSync(join(real, 'sub', 'ORDERS.csv'), 'mine');
    expect(await problemOf(writeSafely(join(real, 'sub', 'ORDERS.csv'), { kind: 'csv', inputs, force: true }, text('x')))).toBe('written');
    expect(readFileSync(join(real, 'sub', 'ORDERS.csv'), 'utf8')).toBe('x');
  });

  it('refuses content of another kind than the name says', async () => {
    const dir = tempDir();
    expect(await problemOf(writeSafely(join(dir, 'r.xlsx'), { kind: 'json' }, text('{}')))).toBe('wrong-kind');
    expect(await problemOf(writeSafely(join(dir, 'q.xlsx'), { kind: 'csv' }, text('a,b')))).toBe('wrong-kind');
    expect(await problemOf(writeSafely(join(dir, 'c.csv'), { kind: 'xlsx' }, text('PK')))).toBe('wrong-kind');
    expect(await problemOf(writeSafely(join(dir, 'old.xls'), { kind: 'xlsx' }, text('PK')))).toBe('wrong-kind');
    expect(await problemOf(writeSafely(join(dir, 'report.json'), { kind: 'json' }, text('{}')))).toBe('written');
    expect(await problemOf(writeSafely(join(dir, 'report'), { kind: 'json' }, text('{}')))).toBe('written');
    expect(readdirSync(dir).sort()).toEqual(['report', 'report.json']);
  });

  it('keeps every replaced file as a numbered backup: --force twice never loses the original', async () => {
    const dir = tempDir();
    const target = join(dir, '01.xlsx');
    writeFileSync(target, 'filled in by the user');
    expect(await problemOf(writeSafely(target, { kind: 'xlsx' }, text('template')))).toBe('exists');
    expect((await writeSafely(target, { kind: 'xlsx', force: true }, text('template 1'))).backup).toBe(`${target}.bak`);
    expect((await writeSafely(target, { kind: 'xlsx', force: true }, text('template 2'))).backup).toBe(`${target}.1.bak`);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe('filled in by the user');
    expect(readFileSync(`${target}.1.bak`, 'utf8')).toBe('template 1');
    expect(readFileSync(target, 'utf8')).toBe('template 2');
    expect(backupName(target)).toBe(`${target}.2.bak`);
  });

  it('a report replaces an earlier report of ecsop without --force, never a file of the user or a workbook', async () => {
    const dir = tempDir();
    const report = join(dir, 'nightly.json');
    await writeSafely(report, { kind: 'json', report: true }, text('{"old":true}'));
    await writeSafely(report, { kind: 'json', report: true }, text('{}'));
    expect(readFileSync(report, 'utf8')).toBe('{}');
    expect(readdirSync(dir)).toEqual(['nightly.json']); // no backup of ecsop's own report
    const notes = join(dir, 'notes.json');
    writeFileSync(notes, '{"mine":true}');
    expect(await problemOf(writeSafely(notes, { kind: 'json', report: true }, text('{}')))).toBe('exists');
    expect(readFileSync(notes, 'utf8')).toBe('{"mine":true}');
    const workbook = join(dir, 'orders.json');
    writeFileSync(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await problemOf(writeSafely(workbook, { kind: 'json', report: true }, text('{}')))).toBe('not-a-report');
  });

  it('refuses a target open in Excel, WPS or LibreOffice, unless --force', async () => {
    const dir = tempDir();
    const target = join(dir, '订单.xlsx');
    writeFileSync(target, 'x');
    writeFileSync(join(dir, '~$订单.xlsx'), 'owner');
    expect(await problemOf(writeSafely(target, { kind: 'xlsx', force: false }, text('y')))).toBe('exists');
    const fresh = join(dir, 'new.xlsx');
    writeFileSync(join(dir, '.~lock.new.xlsx#'), 'lock');
    expect(await problemOf(writeSafely(fresh, { kind: 'xlsx' }, text('y')))).toBe('open-elsewhere');
    expect(await problemOf(writeSafely(fresh, { kind: 'xlsx', force: true }, text('y')))).toBe('written');
  });

  it('refuses when an input changed between the read and the write', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, 'v1');
    const stamp = await stampOf(input);
    writeFileSync(input, 'v2, saved meanwhile in Excel');
    utimesSync(input, new Date(), new Date(Date.now() + 5000));
    const target = join(dir, 'out.xlsx');
    expect(await problemOf(writeSafely(target, { kind: 'xlsx', stamps: [stamp] }, text('copy')))).toBe('input-changed');
    expect(existsSync(target)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses when an input was saved meanwhile at the same size with its time set back, in place or renamed over (outsider helper-69)', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    const target = join(dir, 'out.xlsx');
    for (const how of ['in place', 'renamed over']) {
      writeFileSync(input, 'v1 先生');
      const then = new Date('2024-06-01T10:00:00Z');
      utimesSync(input, then, then);
      const stamp = await stampOf(input);
      await new Promise((r) => setTimeout(r, 20));
      if (how === 'in place') writeFileSync(input, 'v2 女士');
      else { writeFileSync(join(dir, 'tmp'), 'v2 女士'); renameSync(join(dir, 'tmp'), input); }
      utimesSync(input, then, then);
      expect(statSync(input).size, how).toBe(stamp.size);
      expect(await problemOf(writeSafely(target, { kind: 'xlsx', stamps: [stamp] }, text('copy'))), how).toBe('input-changed');
      expect(existsSync(target), how).toBe(false);
    }
    // only looked at again: written
    const stamp = await stampOf(input);
    readFileSync(input);
    await writeSafely(target, { kind: 'xlsx', stamps: [stamp] }, text('copy'));
    expect(existsSync(target)).toBe(true);
  });

  it('a missing folder, a folder in the way, a full disk: one problem each, nothing partial left', async () => {
    const dir = tempDir();
    expect(await problemOf(writeSafely(join(dir, 'no/such/folder/r.json'), { kind: 'json' }, text('{}')))).toBe('no-folder');
    mkdirSync(join(dir, 'taken.json'));
    expect(await problemOf(writeSafely(join(dir, 'taken.json'), { kind: 'json', force: true }, text('{}')))).toBe('is-folder');
    const full = join(dir, 'full.json');
    const enospc = async (tmp: string) => {
      writeFileSync(tmp, 'half');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(await problemOf(writeSafely(full, { kind: 'json' }, enospc))).toBe('no-space');
    expect(existsSync(full)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    // every problem has a message in both languages naming the file
    const err = new WriteError('no-space', full);
    expect(err.text('zh')).toContain(full);
    expect(err.text('en')).toContain(full);
  });

  it('two runs writing one target take turns: no backup is lost (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const dir = tempDir();
      const target = join(dir, 'copy.xlsx');
      writeFileSync(target, 'original');
      await Promise.all(['a', 'b', 'c'].map((who) => writeSafely(target, { kind: 'xlsx', force: true }, async (tmp) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        writeFileSync(tmp, who);
      })));
      const all = readdirSync(dir).map((n) => readFileSync(join(dir, n), 'utf8'));
      expect(all, `trial ${trial}`).toContain('original');
      expect(all.sort()).toEqual(['a', 'b', 'c', 'original']);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('a temporary file and a lock of a process killed outright are swept by the next write', async () => {
    const dir = tempDir();
    const target = join(dir, 'r.json');
    // a process that is gone: a pid far above any live one
    writeFileSync(join(dir, '.r.json.999999999.1.tmp'), 'half a report');
    writeFileSync(join(dir, '.r.json.ecsop-lock'), '999999999');
    await writeSafely(target, { kind: 'json' }, text('{}'));
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('an aborted write leaves neither the temporary file nor the lock', async () => {
    const dir = tempDir();
    const pending = await openSafely(join(dir, 'q.csv'), { kind: 'csv' });
    writeFileSync(pending.tmp, 'partial');
    await pending.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Ctrl-C during a long review --queue removes the temporary file (exit 130)', async () => {
    const dir = tempDir();
    const row = (i: number) => `${i},2024-05-20 09:12,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,2,258,否,,120\r\n`;
    const lines = ['订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存\r\n'];
    for (let i = 1; i <= 400_000; i++) lines.push(row(i));
    writeFileSync(join(dir, 'orders.csv'), lines.join(''));
    const child = spawn(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'review', 'orders.csv', '--queue', 'queue.csv', '--quiet'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // wait for the queue's temporary file to appear, then press Ctrl-C
    for (let i = 0; i < 400 && !readdirSync(dir).some((n) => n.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(dir)).toEqual(['orders.csv']);
  }, 30_000);
});
