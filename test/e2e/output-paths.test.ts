import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * Every report output is a safe write (issue #22): `-o FILE` never replaces a file ecsop did not
 * write unless --force (and then keeps it as a numbered backup); a device, pipe or link is never
 * replaced by a regular file; `-o -` is standard output.
 */
const example = join(__dirname, '../../examples/01-市场调研与选品.xlsx');
let dir: string;
let input: string;

beforeAll(() => {
  dir = tempDir('output-paths-');
  input = join(dir, 'in.xlsx');
  copyFileSync(example, input);
  process.env.ECSOP_STATE_DIR = join(dir, 'state');
});

describe('-o FILE for a report', () => {
  it("refuses to replace the user's own file (notes.md) without --force, and keeps it as a backup with --force", async () => {
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# 我的笔记\n');
    const refused = await ecsop(['check', input, '-o', notes], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/notes\.md.*已存在.*--force/);
    expect(readFileSync(notes, 'utf8')).toBe('# 我的笔记\n');
    const forced = await ecsop(['check', input, '-o', notes, '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(readFileSync(`${notes}.bak`, 'utf8')).toBe('# 我的笔记\n');
    expect(readFileSync(notes, 'utf8')).toMatch(/in\.xlsx/);
  });

  it.each(['html', 'json', 'junit', 'text'])('an earlier %s report of ecsop is replaced without --force', async (format) => {
    const out = join(dir, `report-${format}.${format === 'junit' ? 'xml' : format === 'text' ? 'txt' : format}`);
    expect((await ecsop(['check', input, '-f', format, '-o', out], { cwd: dir })).code).toBe(1);
    const again = await ecsop(['check', input, '-f', format, '-o', out], { cwd: dir });
    expect(again.code, again.stderr).toBe(1);
    expect(existsSync(`${out}.bak`)).toBe(false);
  });

  it('a report edited by the user since is theirs again', async () => {
    const out = join(dir, 'edited.txt');
    await ecsop(['check', input, '-o', out], { cwd: dir });
    writeFileSync(out, `${readFileSync(out, 'utf8')}\n我加的备注\n`);
    const again = await ecsop(['check', input, '-o', out], { cwd: dir });
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toMatch(/我加的备注/);
  });

  it('`-o -` is standard output', async () => {
    const r = await ecsop(['check', input, '-f', 'json', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('a link, a pipe or a device is refused with one line and stays what it was', async () => {
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'keep');
    const link = join(dir, 'link.txt');
    symlinkSync(target, link);
    const viaLink = await ecsop(['check', input, '-o', link, '--force'], { cwd: dir });
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr.trim().split('\n')).toHaveLength(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const viaFifo = await ecsop(['check', input, '-o', fifo, '--force'], { cwd: dir });
      expect(viaFifo.code).toBe(2);
      expect(viaFifo.stderr).toMatch(/不是普通文件/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });
});

describe('terminal output is inert (issue #22)', () => {
  const HEADER = ['订单号', '支付时间', '收件人', '电话', '收件地址', '商品', '数量', '金额', '是否预售', '买家备注', '库存'];
  const evil = 'A\u001b[2J\u0007B\u202eC\u2028D';

  it('review and score tables, and the lines about copies, show control characters, bidi overrides and line separators escaped', async () => {
    const csv = join(dir, `订单${evil}.csv`);
    writeFileSync(csv, `${HEADER.join(',')}\n${[`2024${evil}`, '2024-05-20 09:12', '张三', '13812345678', '浙江省杭州市西湖区文三路90号', '面膜', 2, 258, '否', '加急', 120].join(',')}\n`);
    const review = await ecsop(['review', csv, '--write', join(dir, 'copy.csv')], { cwd: dir, tty: true, columns: 200 });
    const score = await ecsop(['score', example], { cwd: dir, tty: true, columns: 200 });
    for (const out of [review.stdout, review.stderr, score.stdout]) {
      // chalk's own colour codes are ESC [ … m; nothing else of ESC, BEL, U+202E or U+2028 may pass
      expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2028\u2029]/);
    }
    expect(review.stdout).toContain('\\x1b[2J\\x07B\\u202eC\\u2028D');
  });
});

describe('pipes, sockets and devices are never opened blocking (issue #22)', () => {
  it.skipIf(process.platform === 'win32')('a FIFO named x.csv among the inputs is one finding, the other files are checked', async () => {
    const d = tempDir('fifo-input-');
    execFileSync('mkfifo', [join(d, 'x.csv')]);
    copyFileSync(example, join(d, 'in.xlsx'));
    const r = await ecsop(['check', join(d, 'x.csv'), join(d, 'in.xlsx'), '-f', 'json'], { cwd: d });
    const report = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(2);
    expect(report.findings.find((f: { ruleId: string; file: string }) => f.ruleId === 'file/unreadable' && f.file.endsWith('x.csv'))?.value).toBe('not-a-file');
  });
  it.skipIf(process.platform === 'win32')('a FIFO ecsop.config.json in a parent folder is a config error (exit 2), not a hang', async () => {
    const d = tempDir('fifo-config-');
    execFileSync('mkfifo', [join(d, 'ecsop.config.json')]);
    const sub = join(d, 'sub');
    execFileSync('mkdir', [sub]);
    copyFileSync(example, join(sub, 'in.xlsx'));
    const r = await ecsop(['check', 'in.xlsx'], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ecsop\.config\.json.*不是普通文件/);
  });
});

describe('a run ends on SIGTERM and SIGINT within a second, whatever it waits on (issue #22)', () => {
  it.skipIf(process.platform === 'win32').each(['SIGINT', 'SIGTERM'] as const)('%s while lint waits on a stdin that never closes', async (signal) => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'lint'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    // listened to from the start: a child that ended early is said, not waited for
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const closed = new Promise((r) => child.on('close', r));
    const early = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1500))]);
    expect(early, `ended before the signal: ${stderr}`).toBe(false);
    const sent = Date.now();
    child.kill(signal);
    const code = await exited;
    expect(Date.now() - sent).toBeLessThan(1500);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    // what it said is all read once its pipes close, not at its exit (clean-clone CI: stderr still empty then)
    await closed;
    expect(stderr).toMatch(new RegExp(signal));
    child.stdin.destroy();
  });
});

describe('--annotate-dir that holds the inputs (issue #22)', () => {
  it('never drops them silently and never passes with 0 files', async () => {
    const d = tempDir('annotate-dir-');
    copyFileSync(example, join(d, 'a.xlsx'));
    const all = await ecsop(['check', '.', '--annotate-dir', '.'], { cwd: d });
    expect(all.code).toBe(2);
    expect(all.stderr).toMatch(/--annotate-dir .*另选一个文件夹/);
    const named = await ecsop(['check', 'a.xlsx', '--annotate-dir', '.'], { cwd: d });
    expect(named.code).toBe(2); // the copy would be the input itself: refused by name
    expect(named.stderr).toMatch(/a\.xlsx/);
    // a folder of its own: the copies of an earlier run found there are not inputs, the named one is
    expect((await ecsop(['check', '.', '--annotate-dir', '副本'], { cwd: d })).code).toBe(1);
    const again = await ecsop(['check', join('副本', 'a.xlsx'), '--annotate-dir', '副本', '-f', 'json'], { cwd: d });
    expect(JSON.parse(again.stdout).files.map((f: { path: string }) => f.path)).toEqual([join('副本', 'a.xlsx')]);
  });

  it('the inputs\' folder named through a link is the same folder: refused as the inputs\' own, and copies inside it are not read back as inputs', async () => {
    const d = tempDir('annotate-dir-');
    const shop = join(d, 'real', 'shop');
    mkdirSync(shop, { recursive: true });
    copyFileSync(example, join(shop, 'a.xlsx'));
    symlinkSync(shop, join(d, 'linkshop'));
    const same = await ecsop(['check', 'linkshop', '--annotate-dir', join('real', 'shop')], { cwd: d });
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--annotate-dir .*另选一个文件夹/);
    expect(readdirSync(shop)).toEqual(['a.xlsx']);
    // the inputs' folder mounted a second time is theirs too
    const alias = join(d, 'alias');
    mkdirSync(alias);
    if (spawnSync('mount', ['--bind', shop, alias]).status === 0) {
      try {
        const mounted = await ecsop(['check', 'linkshop', '--annotate-dir', 'alias'], { cwd: d });
        expect(mounted.code).toBe(2);
        expect(readdirSync(shop)).toEqual(['a.xlsx']);
      } finally {
        spawnSync('umount', [alias]);
      }
    }
    // a folder inside the inputs' folder, named by its real path while the inputs are found through the link
    expect((await ecsop(['check', 'linkshop', '--annotate-dir', join('real', 'shop', '副本')], { cwd: d })).code).toBe(1);
    const again = await ecsop(['check', 'linkshop', '--annotate-dir', join('real', 'shop', '副本'), '--force', '-f', 'json'], { cwd: d });
    expect(JSON.parse(again.stdout).files.map((f: { path: string }) => f.path)).toEqual([join('linkshop', 'a.xlsx')]);
  });
});

describe('--write never writes over data beyond the header (issue #22)', () => {
  it('data in L:M with no header keeps its columns; 审核结果 and the score columns go after the last column in use', async () => {
    const { HEADER, ROW, rowsXml, sheetXml, xlsx, write } = await import('../corpus/build.js');
    const { readAll, at } = await import('../helpers/read.js');
    const d = tempDir('write-after-used-');
    const rows = rowsXml([HEADER, ROW]).replace('</row><row r="2">', '</row><row r="2">').replace(/<\/row>$/, '<c r="L2" t="inlineStr"><is><t>私人备注</t></is></c><c r="M2"><v>42</v></c></row>');
    const input = join(d, 'orders.xlsx');
    write(input, xlsx({ sheets: [{ name: '订单', xml: sheetXml(rows) }] }));
    const out = join(d, 'reviewed.xlsx');
    const r = await ecsop(['review', input, '--write', out], { cwd: d });
    expect(r.stderr).toMatch(/reviewed\.xlsx/);
    const copy = (await readAll(out))['订单'];
    expect(at(copy, 'L2')?.value).toBe('私人备注');
    expect(at(copy, 'M2')?.value).toBe(42);
    expect(at(copy, 'N1')?.value).toBe('审核结果');
  });
});

describe('a full disk during --queue (issue #22)', () => {
  // a 256 KB tmpfs, where the machine lets the tests mount one (root on Linux); skipped elsewhere
  const tiny = join(tempDir('tiny-'), 'disk');
  let mounted = false;
  try { execFileSync('mkdir', ['-p', tiny]); execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', tiny], { stdio: 'ignore' }); mounted = true; } catch { mounted = false; }
  it.skipIf(!mounted).each(['q.csv', 'q.xlsx'])('--queue %s ends in one line and exit 2, with the temporary file and the lock removed', async (name) => {
    const { HEADER, ROW } = await import('../corpus/build.js');
    const csv = join(dir, 'many.csv');
    // 20,000 orders that all need a person (加急): far more queue than 256 KB holds, even zipped
    writeFileSync(csv, `${HEADER.join(',')}\n${Array.from({ length: 20_000 }, (_, i) => ROW.map((v, j) => (j === 0 ? `2024${String(i).padStart(8, '0')}` : j === 9 ? `加急 ${((i * 2654435761) >>> 0).toString(16)}${((i * 40503 + 7) >>> 0).toString(36)}` : v)).join(',')).join('\n')}\n`);
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'review', csv, '--queue', join(tiny, name)], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/磁盘空间不足|no space/);
    expect(execFileSync('ls', ['-A', tiny], { encoding: 'utf8' })).toBe('');
  });
  it.skipIf(!mounted).each(['json', 'html', 'junit', 'github', 'text'])('-f %s -o on a full disk: one line, exit 2, nothing left (an HTML page, written whole at the end, once ended with a stack trace)', async (format) => {
    const { spawnSync } = await import('node:child_process');
    const filler = join(tiny, 'filler');
    // the disk nearly full: a report of the examples does not fit
    spawnSync('sh', ['-c', `head -c ${250 * 1024} /dev/zero > '${filler}' 2>/dev/null; true`]);
    const r = spawnSync(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'check', join(__dirname, '../../examples'), '-f', format, '-o', join(tiny, `r.${format}`), '--now', '2024-05-21T12:00'], { encoding: 'utf8', timeout: 60_000 });
    execFileSync('rm', ['-f', filler]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/磁盘空间不足|no space/);
    expect(execFileSync('ls', ['-A', tiny], { encoding: 'utf8' })).toBe('');
  });
  it.skipIf(!mounted).each([['--all'], ['--format', 'json'], ['--format', 'json', '-o', 'r.json']])('a temporary folder that is full (%s, its findings spooled to it): one line that names it, exit 2, nothing left there', async (...flags) => {
    const { HEADER, ROW } = await import('../corpus/build.js');
    const csv = join(dir, 'spooled.csv');
    // 20,000 orders that all need a person: findings past what the report keeps in memory
    writeFileSync(csv, `${HEADER.join(',')}\n${Array.from({ length: 20_000 }, (_, i) => ROW.map((v, j) => (j === 0 ? `2024${String(i).padStart(8, '0')}` : j === 9 ? `加急 ${i}` : v)).join(',')).join('\n')}\n`);
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'check', csv, ...flags], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28, env: { ...process.env, TMPDIR: tiny } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`临时文件夹 ${tiny} 写不下(ENOSPC)`);
    expect(execFileSync('ls', ['-A', tiny], { encoding: 'utf8' })).toBe('');
  });
  afterAll(() => { if (mounted) try { execFileSync('umount', [tiny]); } catch { /* busy */ } });
});

describe('the log of files ecsop wrote cannot be kept (issue #22, third outside run)', () => {
  const withState = async (state: string, run: () => Promise<void>) => {
    const was = process.env.ECSOP_STATE_DIR;
    process.env.ECSOP_STATE_DIR = state;
    try { await run(); } finally { process.env.ECSOP_STATE_DIR = was; }
  };
  it('the report is written, and one line says that replacing it next time needs --force', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await withState(join(blocker, 'state'), async () => {
      const out = join(dir, 'unremembered.txt');
      const r = await ecsop(['check', input, '-o', out], { cwd: dir });
      expect(r.code).toBe(1);
      expect(readFileSync(out, 'utf8')).toMatch(/in\.xlsx/);
      expect(r.stderr).toMatch(/没能记下.*unremembered\.txt.*ENOTDIR.*--force/);
      // and indeed, without the log the next run treats it as the user's
      expect((await ecsop(['check', input, '-o', out], { cwd: dir })).code).toBe(2);
    });
  });
  it.skipIf(process.platform === 'win32')('a FIFO or a link where the log is: never opened blocking, never written through; SIGTERM still ends the run', async () => {
    const state = tempDir('odd-state-');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, '我的文件\n');
    for (const make of [() => execFileSync('mkfifo', [join(state, 'written.jsonl')]), () => symlinkSync(victim, join(state, 'written.jsonl')), () => execFileSync('ln', [victim, join(state, 'written.jsonl')])]) {
      execFileSync('rm', ['-f', join(state, 'written.jsonl')]);
      make();
      await withState(state, async () => {
        const out = join(dir, `odd-log-${Date.now()}.txt`);
        const r = await ecsop(['check', input, '-o', out], { cwd: dir });
        expect(r.code).toBe(1);
        expect(existsSync(out)).toBe(true);
        expect(r.stderr).toMatch(/没能记下/);
      });
    }
    expect(readFileSync(victim, 'utf8')).toBe('我的文件\n');
  });
  const full = join(tempDir('full-state-'), 'disk');
  let mounted = false;
  try { execFileSync('mkdir', ['-p', full]); execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full], { stdio: 'ignore' }); mounted = true; } catch { mounted = false; }
  it.skipIf(!mounted)('on a full disk the log is not emptied, and the run says it could not note the file', async () => {
    const state = join(full, 'state');
    await withState(state, async () => {
      const first = join(dir, 'first.txt');
      expect((await ecsop(['check', input, '-o', first], { cwd: dir })).code).toBe(1);
      // the log ends on a page boundary, so that the next line needs a page the disk no longer has
      const logFile = join(state, 'written.jsonl');
      const size = readFileSync(logFile).length;
      writeFileSync(logFile, `${'#'.repeat(4096 - size - 1)}\n`, { flag: 'a' });
      const log = readFileSync(logFile, 'utf8');
      // fill the disk to the last byte
      try { execFileSync('dd', ['if=/dev/zero', `of=${join(full, 'filler')}`, 'bs=4k', 'count=1000'], { stdio: 'ignore' }); } catch { /* full */ }
      const second = join(dir, 'second.txt');
      const r = await ecsop(['check', input, '-o', second], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/没能记下.*second\.txt.*ENOSPC/);
      expect(readFileSync(join(state, 'written.jsonl'), 'utf8').startsWith(log)).toBe(true);
      // the first report is still known as ecsop's
      expect((await ecsop(['check', input, '-o', first], { cwd: dir })).code).toBe(1);
    });
  });
  afterAll(() => { if (mounted) try { execFileSync('umount', [full]); } catch { /* busy */ } });
});

describe('the third outside run of issue #22: machine formats, - for files, weights', () => {
  it('JSON and JUnit carry a bidi override or a line separator as an escape (the same text to a parser)', async () => {
    const { HEADER, ROW, rowsXml, sheetXml, xlsx, write } = await import('../corpus/build.js');
    const p = join(dir, 'bidi.xlsx');
    write(p, xlsx({ sheets: [{ name: '订单\u202e单', xml: sheetXml(rowsXml([HEADER, ROW.map((v, i) => (i === 9 ? '加急\u2028\u202e' : v))])) }] }));
    const json = await ecsop(['check', p, '-f', 'json'], { cwd: dir });
    expect(json.stdout).not.toMatch(/[\u202a-\u202e\u2028\u2029]/);
    expect(JSON.parse(json.stdout).files[0].sheets[0].name).toBe('订单\u202e单');
    const junit = await ecsop(['check', p, '-f', 'junit'], { cwd: dir });
    expect(junit.stdout).not.toMatch(/[\u202a-\u202e\u2028\u2029]/);
    expect(junit.stdout).toContain('&#x202E;');
  });
  it.each([['review', '--queue'], ['review', '--write'], ['score', '--write'], ['check', '--annotate']])('%s %s - is refused by name: a workbook or a queue is a file', async (cmd, flag) => {
    const r = await ecsop([cmd, input, flag, '-'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${flag} 写到文件或文件夹,不能写到标准输出`));
  });
  it.each(['-5', 'NaN', '1e300', '0'])('freight --weight %s names the weight, not the pairing of flags', async (w) => {
    const r = await ecsop(['freight', '--to', '浙江省杭州市', '--weight', w], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weight .* 不是包裹的重量/);
  });
  it('--annotate-dir: an input really named a (2).xlsx keeps its name; the copy of a.csv takes the next free one', async () => {
    const d = tempDir('collide2-');
    const { HEADER, ROW } = await import('../corpus/build.js');
    writeFileSync(join(d, 'a.csv'), `${HEADER.join(',')}\n${ROW.join(',')}\n`);
    copyFileSync(input, join(d, 'a.xlsx'));
    copyFileSync(input, join(d, 'a (2).xlsx'));
    const r = await ecsop(['check', 'a.csv', 'a.xlsx', 'a (2).xlsx', '--annotate-dir', 'out'], { cwd: d });
    expect(r.stderr).toMatch(/out\/a \(2\)\.xlsx(?!\()/);
    expect(r.stderr).toMatch(/a \(3\)\.xlsx\(即 a\.(csv|xlsx) 的副本\)/);
  });
  it('a sheet not well-formed outside its rows (a raw < in pageMargins) is unreadable when checked, and gets no copy', async () => {
    const { HEADER, ROW, rowsXml, sheetXml, xlsx, write } = await import('../corpus/build.js');
    const p = join(dir, 'margins.xlsx');
    write(p, xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ROW]), { after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3" x="a<b"/>' }) }] }));
    const out = join(dir, 'margins.annotated.xlsx');
    const r = await ecsop(['check', p, '--annotate', out, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string; value?: string }) => [f.ruleId, f.value])).toEqual([['file/unreadable', 'corrupt']]);
    expect(r.stderr).toMatch(/margins\.xlsx/);
    expect(existsSync(out)).toBe(false);
  });
  it('--annotate-dir: a copy whose name took a number says which input it is', async () => {
    const d = tempDir('collide-');
    const { HEADER, ROW } = await import('../corpus/build.js');
    writeFileSync(join(d, 'a.csv'), `${HEADER.join(',')}\n${ROW.join(',')}\n`);
    copyFileSync(input, join(d, 'a.xlsx'));
    const r = await ecsop(['check', 'a.csv', 'a.xlsx', '--annotate-dir', 'out'], { cwd: d });
    expect(r.stderr).toMatch(/a \(2\)\.xlsx\(即 a\.(csv|xlsx) 的副本\)/);
  });
});

describe('lint output is inert too (issue #22, second outside run)', () => {
  it('a title with ESC, BEL and U+202E is shown escaped in its line, its findings and the suggestion', async () => {
    const r = await ecsop(['lint', '--text', '面膜\u001b[31m医美级\u0007\u202e'], { cwd: dir, tty: true, columns: 200 });
    expect(r.stdout).toContain('\\x1b[31m'); // the ESC the title holds, as text
    const bare = r.stdout.replace(/\u001b\[(?:\d+;)*\d*m/g, '');
    expect(bare).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2028\u2029]/);
  });
});
