import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { bin, examples, Watcher, running, stopWatchers, folder, sleep, whenReading, UNREAD_AT, piece, unmount, remount, watchingShop } from './watcher.js';

/** `ecsop watch DIR` (issue #26): saves, lock files, slow copies, deletions, a drive going away, Ctrl-C; with change events and --poll. */
afterEach(stopWatchers);

describe.each([['change events', []], ['--poll 200', ['--poll', '200']]] as const)('ecsop watch (%s)', (_name, how) => {
  it('prints one line a save with its errors, warnings and what is new; lock files and temp files are never read', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A', ...how], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A.*5 个工作簿/);
    // Excel/WPS and LibreOffice lock files appear beside the workbook being edited
    writeFileSync(join(dir, '店铺A/~$01-市场调研与选品.xlsx'), 'owner');
    writeFileSync(join(dir, '店铺A/.~lock.01-市场调研与选品.xlsx#'), ',user,host,03.12.2026 10:00,');
    // a save as Excel makes it: a temporary file written, then renamed over the workbook
    const n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/~WRL0001.tmp'));
    renameSync(join(dir, '店铺A/~WRL0001.tmp'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    const line = await w.line(/店铺A\/01-市场调研与选品\.xlsx/, n);
    expect(line).toMatch(/^\d\d:\d\d:\d\d  店铺A\/01-市场调研与选品\.xlsx  \d+ 个错误,\d+ 个警告\(比上次检查新增 \d+ 个\)$/);
    // the content is another sheet's now: what it has was not there before
    expect(Number(/新增 (\d+) 个/.exec(line)![1])).toBeGreaterThan(0);
    await sleep(1500);
    expect(w.lines.slice(n).filter((l) => /~\$|\.~lock|\.tmp/.test(l))).toEqual([]);
    expect(w.lines.slice(n).filter((l) => /01-市场调研与选品/.test(l))).toHaveLength(1);
    // saved again unchanged: nothing new
    const m = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    expect(await w.line(/01-市场调研与选品/, m)).toMatch(/新增 0 个/);
    // deleted
    const k = w.lines.length;
    rmSync(join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    expect(await w.line(/02-店铺基础搭建/, k)).toMatch(/已删除或移走/);
    expect(await w.stop()).toBe(130);
    expect(w.stderr).toContain('已停止');
  }, 60_000);

  it('a slow save (a copy to a network drive, pausing between pieces) is one line once it is whole, never "unreadable" (outsider helper-68)', async () => {
    const { dir, w, n } = await watchingShop(how);
    const whole = readFileSync(join(examples, '04-营销活动策划.xlsx'));
    const fd = openSync(join(dir, '店铺A/慢慢保存.xlsx'), 'w');
    for (let i = 0; i < 6; i++) {
      writeSync(fd, piece(whole, i, 6));
      await sleep(1000);
    }
    closeSync(fd);
    const line = await w.line(/慢慢保存/, n, 20_000);
    await sleep(3000);
    const mine = w.lines.slice(n).filter((l) => /慢慢保存/.test(l));
    expect(mine, w.lines.join('\n')).toEqual([line]);
    expect(line).not.toMatch(/无法|不能|损坏|截断/);
    expect(line).toMatch(/\d+ 个错误,\d+ 个警告/);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a slow save pausing 5 s between pieces is still one line; one deleted before it is whole is no line (outsider helper-69)', async () => {
    const { dir, w, n } = await watchingShop(how);
    const whole = readFileSync(join(examples, '03-商品上架与优化.xlsx'));
    // one written in three pieces with 5 s between them, one in two pieces then deleted
    const slow = openSync(join(dir, '店铺A/停顿.xlsx'), 'w');
    const gone = openSync(join(dir, '店铺A/半截.xlsx'), 'w');
    writeSync(gone, piece(whole, 0, 2));
    for (let i = 0; i < 3; i++) {
      writeSync(slow, piece(whole, i, 3));
      if (i === 0) { await sleep(800); closeSync(gone); rmSync(join(dir, '店铺A/半截.xlsx')); }
      if (i < 2) await sleep(5000);
    }
    closeSync(slow);
    const line = await w.line(/停顿/, n, 30_000);
    await sleep(2500);
    expect(w.lines.slice(n).filter((l) => /停顿/.test(l)), w.lines.join('\n')).toEqual([line]);
    expect(line).not.toMatch(/无法|不能|损坏|截断/);
    expect(w.lines.slice(n).filter((l) => /半截/.test(l)), w.lines.join('\n')).toEqual([]);
    expect(await w.stop()).toBe(130);
  }, 90_000);

  it('a file that comes back (deleted and written again, its folder moved out and back in) is compared with what it held, not said as new (outsider helper-105)', async () => {
    const dir = folder();
    // a folder under the watched one: moved out and back in as a whole
    mkdirSync(join(dir, '店铺A/归档'));
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/归档/旧选品.xlsx'));
    const w = new Watcher(['店铺A', ...how], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A.*6 个工作簿/);
    // deleted, then written again as it was (a save that deletes the workbook before it writes it)
    let n = w.lines.length;
    rmSync(join(dir, '店铺A/03-商品上架与优化.xlsx'));
    expect(await w.line(/03-商品上架与优化/, n)).toMatch(/已删除或移走/);
    n = w.lines.length;
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/03-商品上架与优化.xlsx'));
    const back = await w.line(/03-商品上架与优化/, n);
    expect(back).toMatch(/\d+ 个错误,\d+ 个警告\(比上次检查新增 0 个\)$/);
    expect(Number(/(\d+) 个警告/.exec(back)![1]) + Number(/(\d+) 个错误/.exec(back)![1])).toBeGreaterThan(0);
    // the folder moved out, then back in
    n = w.lines.length;
    renameSync(join(dir, '店铺A/归档'), join(dir, '归档'));
    expect(await w.line(/旧选品/, n)).toMatch(/已删除或移走/);
    n = w.lines.length;
    renameSync(join(dir, '归档'), join(dir, '店铺A/归档'));
    expect(await w.line(/旧选品/, n)).toMatch(/比上次检查新增 0 个\)$/);
    expect(w.lines.filter((l) => /新文件/.test(l)), w.lines.join('\n')).toEqual([]);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a file back that does not read, deleted again, is said deleted again; a new file that never read, deleted, is said deleted (outsider helper-106)', async () => {
    const { dir, w } = await watchingShop(how);
    let n = w.lines.length;
    rmSync(join(dir, '店铺A/01-市场调研与选品.xlsx'));
    expect(await w.line(/01-市场调研与选品/, n)).toMatch(/已删除或移走/);
    n = w.lines.length;
    writeFileSync(join(dir, '店铺A/01-市场调研与选品.xlsx'), 'garbage');
    expect(await w.line(/01-市场调研与选品/, n, 30_000)).toMatch(/1 个错误/);
    n = w.lines.length;
    rmSync(join(dir, '店铺A/01-市场调研与选品.xlsx'));
    expect(await w.line(/01-市场调研与选品/, n)).toMatch(/已删除或移走$/);
    n = w.lines.length;
    writeFileSync(join(dir, '店铺A/坏的.xlsx'), 'not a workbook');
    expect(await w.line(/坏的/, n, 30_000)).toMatch(/新文件:1 个错误/);
    n = w.lines.length;
    rmSync(join(dir, '店铺A/坏的.xlsx'));
    expect(await w.line(/坏的/, n)).toMatch(/已删除或移走$/);
    expect(await w.stop()).toBe(130);
  }, 90_000);

  it('the folder left empty (an unmounted drive leaves its mount point so) is the drive away: one line, then one when it is back, and only what changed read (outsider helper-106)', async () => {
    const { dir, w } = await watchingShop(how);
    await sleep(1000);
    const m = w.lines.length;
    // unmounted: the mount point stays, empty but for what is never read (a marker of the admin's, Finder's file: helper-107)
    unmount(dir);
    writeFileSync(join(dir, '店铺A/.NOT_MOUNTED'), '');
    writeFileSync(join(dir, '店铺A/.DS_Store'), '');
    await w.line(/不见了/, m, 10_000);
    await sleep(1500);
    // mounted again, one workbook saved meanwhile by someone else
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '盘上/01-市场调研与选品.xlsx'));
    remount(dir);
    await w.line(/回来了/, m, 10_000);
    expect(await w.line(/01-市场调研与选品/, m)).toMatch(/比上次检查新增 [1-9]\d* 个\)$/);
    await sleep(1500);
    const after = w.lines.slice(m);
    expect(after.filter((l) => /已删除|新文件/.test(l)), after.join('\n')).toEqual([]);
    expect(after.filter((l) => /店铺A\//.test(l) && !/01-市场调研与选品/.test(l)), after.join('\n')).toEqual([]);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a drive mounted over a mount point something was saved into meanwhile is watched anew: its saves are said (outsider helper-107: none were)', async () => {
    const { dir, w } = await watchingShop(how);
    await sleep(1000);
    let n = w.lines.length;
    // unmounted: the mount point stays, empty; someone saves into it
    unmount(dir);
    await w.line(/不见了/, n, 10_000);
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/本地.xlsx'));
    await w.line(/回来了/, n, 10_000);
    await w.line(/本地/, n);
    await sleep(1500);
    // mounted again over it: another folder at the same path
    n = w.lines.length;
    renameSync(join(dir, '店铺A'), join(dir, '店铺A.local'));
    renameSync(join(dir, '盘上'), join(dir, '店铺A'));
    expect(await w.line(/03-商品上架与优化/, n, 10_000)).toMatch(/比上次检查新增 0 个\)$/);
    expect(await w.line(/本地/, n)).toMatch(/已删除或移走$/);
    await sleep(1500);
    // a save on the drive now
    n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    expect(await w.line(/02-店铺基础搭建/, n, 10_000)).toMatch(/比上次检查新增 [1-9]\d* 个\)$/);
    expect(await w.stop()).toBe(130);
  }, 90_000);

  it('a drive dropping while the first check reads it: the start line counts every file as it is, and only what changed is said once it is back (outsider helper-107)', async () => {
    const dir = tempDir('ecsop-watch-drop-');
    mkdirSync(join(dir, '店铺A'));
    // enough files that the first check is still reading when the drive drops
    const copies = Array.from({ length: 600 }, (_, i) => join(dir, `店铺A/o${i}.xlsx`));
    for (const f of copies) { copyFileSync(join(examples, '05-订单处理与履约.xlsx'), f); utimesSync(f, UNREAD_AT, statSync(f).mtime); }
    const w = new Watcher(['店铺A', ...how], dir);
    running.push(w);
    await whenReading(w, /店铺A\/o\d+\.xlsx$/, copies);
    // unmounted (the mount point stays, empty), then mounted again
    unmount(dir);
    await sleep(2500);
    remount(dir);
    // each copy has 3 warnings and no error (check of one)
    const start = await w.line(/^正在监视/, 0, 60_000);
    expect(start).toMatch(/600 个工作簿,0 个错误,1800 个警告/);
    const n = w.lines.indexOf(start);
    await sleep(4000);
    expect(w.lines.slice(n + 1).filter((l) => /店铺A\//.test(l)), w.lines.join('\n')).toEqual([]);
    expect(await w.stop()).toBe(130);
  }, 120_000);

  it('a save that keeps the size and sets the time back is still a save (outsider helper-68)', async () => {
    const dir = tempDir('ecsop-watch-same-');
    mkdirSync(join(dir, '盘'));
    const csv = (score: string) => `产品名称,类目,市场需求度(1-5分),竞争强度(1-5分),利润空间(1-5分),供应链难度(1-5分),综合得分,选品建议,评估人\n修护面膜,美妆,${score},3,4,2,3.5,推荐,张三\n`;
    const file = join(dir, '盘/选品.csv');
    writeFileSync(file, csv('9'));
    const then = new Date('2024-06-01T10:00:00Z');
    utimesSync(file, then, then);
    const w = new Watcher(['盘', ...how], dir);
    running.push(w);
    await w.line(/^正在监视 盘.*:1 个工作簿,1 个错误/);
    await sleep(1000);
    const n = w.lines.length;
    // the same size, another score (its findings change), and the time set back as it was
    writeFileSync(file, csv('4'));
    utimesSync(file, then, then);
    expect(await w.line(/选品\.csv/, n)).toMatch(/新增 [1-9]\d* 个/);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a row inserted or deleted above the problems moves them, and none of them is new; a new wrong row is (outsider helper-73)', async () => {
    const dir = tempDir('ecsop-watch-moved-');
    mkdirSync(join(dir, '盘'));
    const head = '产品名称,类目,市场需求度(1-5分),竞争强度(1-5分),利润空间(1-5分),供应链难度(1-5分),综合得分,选品建议,评估人\n';
    // each wrong row's one problem is its total score; fewer candidates than the SOP's 10 is a problem of the
    // whole sheet, the same one whatever their number (outsider helper-74: 7 then 8 candidates said 1 new)
    const wrong = (n: number) => Array.from({ length: n }, (_, i) => `款${i + 1},美妆,4,4,4,4,3,通过,张三\n`).join('');
    const right = (name: string) => `${name},美妆,4,4,4,4,4,通过,李四\n`;
    const file = join(dir, '盘/选品.csv');
    writeFileSync(file, head + wrong(3) + right('甲') + right('乙') + right('丙') + right('丁'));
    const w = new Watcher(['盘', ...how], dir);
    running.push(w);
    await w.line(/^正在监视 盘/);
    await sleep(1000);
    const rest = right('甲') + right('乙') + right('丙') + right('丁');
    for (const [content, fresh] of [[head + right('新款') + wrong(3) + rest, 0], [head + wrong(3) + rest, 0], [head + right('新款') + wrong(4) + rest, 1]] as const) {
      const n = w.lines.length;
      writeFileSync(file, content);
      expect(await w.line(/选品\.csv/, n), content).toMatch(new RegExp(`新增 ${fresh} 个`));
      await sleep(600);
    }
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a save made while the watcher starts is not lost: saved again unchanged afterwards, nothing is new', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A', ...how], dir);
    running.push(w);
    // at once, while the folder's starting point is read and the watcher walks it
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/~WRL0002.tmp'));
    renameSync(join(dir, '店铺A/~WRL0002.tmp'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/^正在监视 店铺A/);
    await sleep(1500);
    // reported at most once (its starting point, or one line), never twice
    expect(w.lines.filter((l) => /01-市场调研与选品/.test(l)).length).toBeLessThanOrEqual(1);
    const n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    expect(await w.line(/01-市场调研与选品/, n)).toMatch(/新增 0 个/);
    expect(await w.stop()).toBe(130);
  }, 60_000);
});

describe('ecsop watch', () => {
  it('says a save the watching library does not report (a poll of ten minutes here; on Linux, a folder past the system\'s watches): the folder is walked every 30 s all the same', async () => {
    const { dir, w, n } = await watchingShop(['--poll', '600000']);
    // past the catch-up made as the watch starts (a save right after the start line is read by it)
    await sleep(3000);
    // one polled every ten minutes reports nothing for ten minutes: a new workbook, a save, a deletion
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/新上架.xlsx'));
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    rmSync(join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    expect(await w.line(/新上架/, n, 45_000)).toMatch(/新文件:\d+ 个错误,\d+ 个警告/);
    expect(await w.line(/01-市场调研与选品/, n, 5_000)).toMatch(/\d+ 个错误,\d+ 个警告\(比上次检查新增 [1-9]\d* 个\)$/);
    expect(await w.line(/02-店铺基础搭建/, n, 5_000)).toMatch(/已删除或移走$/);
    // the next sweep finds nothing new: each save one line
    await sleep(31_000);
    for (const name of ['新上架', '01-市场调研与选品', '02-店铺基础搭建']) expect(w.lines.slice(n).filter((l) => l.includes(name)), w.lines.join('\n')).toHaveLength(1);
    expect(await w.stop()).toBe(130);
  }, 120_000);

  it('with --annotate-dir, a file that does not read is said with why, not with "no copy" (outsider helper-70)', async () => {
    const { dir, w, n } = await watchingShop(['--annotate-dir', '副本']);
    writeFileSync(join(dir, '店铺A/坏.xlsx'), 'not a workbook at all');
    const line = await w.line(/坏\.xlsx/, n, 30_000);
    expect(line).toMatch(/无法|不能|不是/);
    expect(line).not.toMatch(/副本/);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('files that do not read wait on their own: a good save meanwhile is said at once, and a broken file saved whole is said as it is (outsider helper-70)', async () => {
    const { dir, w, n } = await watchingShop([]);
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `店铺A/坏${i}.xlsx`), `junk${i}`);
    await sleep(800);
    const saved = Date.now();
    copyFileSync(join(examples, '02-店铺基础搭建.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/01-市场调研与选品/, n, 20_000);
    // not behind the broken files' 2 + 4 + 8 s each
    expect(Date.now() - saved).toBeLessThan(6000);
    expect(w.lines.slice(n).filter((l) => /坏\d/.test(l))).toEqual([]);
    // one broken file saved whole before its waits are over: said as the workbook it now is
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/坏1.xlsx'));
    expect(await w.line(/坏1/, n, 20_000)).not.toMatch(/无法|不能|损坏|截断/);
    // the others, ~14 s after they were saved, each once, saying why
    for (const name of ['坏2', '坏3']) expect(await w.line(new RegExp(name), n, 30_000)).toMatch(/无法|不能|损坏|不是/);
    await sleep(1000);
    for (const name of ['坏1', '坏2', '坏3']) expect(w.lines.slice(n).filter((l) => l.includes(name)), name).toHaveLength(1);
    expect(await w.stop()).toBe(130);
  }, 90_000);

  it('reads a save made by another program (openpyxl) once it is whole, and a new workbook in a new folder', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视/);
    const n = w.lines.length;
    mkdirSync(join(dir, '店铺A/新品'), { recursive: true });
    const py = spawnSync('/usr/bin/python3', ['-c', `
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = '选品'
ws.append(['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议'])
ws.append(['款1', '美妆', 4, 4, 4, 4, 3, '通过'])
wb.save(sys.argv[1])
`, join(dir, '店铺A/新品/选品.xlsx')], { encoding: 'utf8' });
    // no openpyxl on this machine: CI installs it, so there this fails
    if (py.status !== 0 && !process.env.CI) return;
    expect(py.status, py.stderr).toBe(0);
    expect(await w.line(/店铺A\/新品\/选品\.xlsx/, n)).toMatch(/1 个错误/);
  }, 60_000);

  it('goes on through an unreadable file, a burst of saves and the folder going away and coming back; --html is refreshed and never left partial', async () => {
    const dir = folder();
    const out = tempDir('ecsop-watch-out-');
    const w = new Watcher(['店铺A', '--html', join(out, '看板.html')], dir);
    running.push(w);
    await w.line(/^正在监视/);
    let n = w.lines.length;
    writeFileSync(join(dir, '店铺A/坏.xlsx'), 'not a workbook at all');
    expect(await w.line(/坏\.xlsx/, n)).toMatch(/1 个错误/);
    // a burst: 40 saves of 8 files in under a second, each file reported, the watcher still answering
    n = w.lines.length;
    for (let round = 0; round < 5; round++) for (let i = 0; i < 8; i++) copyFileSync(join(examples, '05-订单处理与履约.xlsx'), join(dir, `店铺A/订单${i}.xlsx`));
    for (let i = 0; i < 8; i++) await w.line(new RegExp(`订单${i}\\.xlsx`), n);
    // the drive unmounted and mounted again (the folder moved away and back)
    await sleep(1500);
    const m = w.lines.length;
    renameSync(join(dir, '店铺A'), join(dir, '店铺A.away'));
    await w.line(/不见了/, m, 10_000);
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A.away/新.xlsx'));
    renameSync(join(dir, '店铺A.away'), join(dir, '店铺A'));
    await w.line(/回来了/, m, 10_000);
    expect(await w.line(/店铺A\/新\.xlsx/, m)).toMatch(/新文件/);
    await sleep(1500);
    // one line for the folder going, one for its coming back, and only the file that is new: no file "deleted", none of the others read again
    expect(w.lines.slice(m).filter((l) => /已删除/.test(l))).toEqual([]);
    expect(w.lines.slice(m).filter((l) => /店铺A\//.test(l) && !/新\.xlsx/.test(l))).toEqual([]);
    // the dashboard is written, names the new file, and its folder holds no temporary file
    await sleep(3500);
    const html = readFileSync(join(out, '看板.html'), 'utf8');
    expect(html).toContain('店铺A/新.xlsx');
    expect(html).toContain('id="drive"');
    expect(await w.stop()).toBe(130);
    expect(readdirSync(out).filter((f) => f !== '看板.html')).toEqual([]);
    expect(existsSync(join(dir, '店铺A/.ecsop-cache'))).toBe(false);
  }, 90_000);

  it('Ctrl-C while a file is still being saved over and over ends at once, saying so once (outsider helper-32)', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    // saves every 30 ms: each restarts the wait for a stable size, so the watcher holds a poll of each file as it is stopped
    let saving = true;
    const saves = (async () => {
      for (let i = 0; saving; i++) {
        copyFileSync(join(examples, '05-订单处理与履约.xlsx'), join(dir, `店铺A/订单${i % 5}.xlsx`));
        await sleep(30);
      }
    })();
    await sleep(1200);
    let said = 0;
    w.proc.stderr!.on('data', () => { if (!said && /已停止/.test(w.stderr)) said = Date.now(); });
    const code = await w.stop();
    const exited = Date.now();
    saving = false;
    await saves;
    expect(code).toBe(130);
    // once the run has said it stopped, the process ends (~1 ms here): chokidar's polls of the files being saved held
    // it ~400 ms more, and past the 800 ms backstop, which said the stop line a second time
    expect(said).toBeGreaterThan(0);
    expect(exited - said).toBeLessThan(200);
    expect(w.stderr.match(/已停止/g)).toHaveLength(1);
  }, 30_000);

  it('Ctrl-C while a file that read as cut short waits to be read again ends at once (outsider helper-33)', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    // not a workbook: read as cut short, and tried again a second later (a save still going on)
    writeFileSync(join(dir, '店铺A/坏.xlsx'), 'this is not a zip file at all'.repeat(10));
    await sleep(700);
    let said = 0;
    w.proc.stderr!.on('data', () => { if (!said && /已停止/.test(w.stderr)) said = Date.now(); });
    const started = Date.now();
    expect(await w.stop()).toBe(130);
    // the second's pause is cut short (~50 ms here), and the run says so itself: not the 800 ms backstop
    expect(said - started).toBeLessThan(600);
    expect(w.stderr.match(/已停止/g)).toHaveLength(1);
  }, 30_000);

  it('--annotate-dir refreshes each saved file\'s copy at its own path, keeping one .bak: same names in two folders are two copies', async () => {
    const dir = folder();
    mkdirSync(join(dir, '店铺A/甲'));
    mkdirSync(join(dir, '店铺A/乙'));
    const out = tempDir('ecsop-watch-copies-');
    const w = new Watcher(['店铺A', '--annotate-dir', out], dir);
    running.push(w);
    await w.line(/^正在监视/);
    const n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/甲/活动.xlsx'));
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/乙/活动.xlsx'));
    await w.line(/甲\/活动\.xlsx/, n);
    await w.line(/乙\/活动\.xlsx/, n);
    const m = w.lines.length;
    copyFileSync(join(examples, '05-订单处理与履约.xlsx'), join(dir, '店铺A/甲/活动.xlsx'));
    await w.line(/甲\/活动\.xlsx/, m);
    await sleep(500);
    const copies = (sub: string) => readdirSync(join(out, '店铺A', sub)).sort();
    expect(copies('甲')).toEqual(['活动.xlsx', '活动.xlsx.bak']);
    expect(copies('乙')).toEqual(['活动.xlsx']);
    expect(readdirSync(join(dir, '店铺A')).filter((f) => f.includes('.bak') || f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('refuses what is not a folder, and a --poll that is no interval, in one line', () => {
    const dir = folder();
    const file = spawnSync(process.execPath, [bin, 'watch', '店铺A/01-市场调研与选品.xlsx', '--lang', 'zh'], { cwd: dir, encoding: 'utf8' });
    expect(file.status).toBe(2);
    expect(file.stderr.trim()).toMatch(/^ecsop: 不是文件夹/);
    const poll = spawnSync(process.execPath, [bin, 'watch', '店铺A', '--poll', 'often', '--lang', 'zh'], { cwd: dir, encoding: 'utf8' });
    expect(poll.status).toBe(2);
    expect(poll.stderr.trim().split('\n')).toHaveLength(1);
    // a dashboard that would replace a workbook or a page of someone else's: refused before watching, as --output is
    writeFileSync(join(dir, '主页.html'), '<html>我的主页</html>');
    for (const target of ['店铺A/01-市场调研与选品.xlsx', '主页.html']) {
      const html = spawnSync(process.execPath, [bin, 'watch', '店铺A', '--html', target, '--lang', 'zh'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(html.status, target).toBe(2);
      expect(html.stderr.trim().split('\n'), target).toHaveLength(1);
    }
    expect(readFileSync(join(dir, '主页.html'), 'utf8')).toBe('<html>我的主页</html>');
  });
});
