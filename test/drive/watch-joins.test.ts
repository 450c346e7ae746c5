import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADER, ROW, rowsXml, sheetXml, xlsx } from '../corpus/build.js';
import { bin, examples, Watcher, running, stopWatchers, folder, twoShops, sleep, checkNow, unmount, remount } from './watcher.js';

/** `ecsop watch DIR` (issue #26) with what every line depends on besides the saved workbook: the other workbooks (the rules that compare them), the suppressions file and the config. */
afterEach(stopWatchers);

describe('ecsop watch with a suppressions file', () => {
  it('says beside its counts how many findings the suppressions file accepted, at the start and at each save (outsider helper-90: 0 errors on a desk where a check finds 20)', async () => {
    const dir = folder();
    // the drive adopted: every finding of today accepted
    const adopt = spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8' });
    expect(adopt.status, adopt.stderr).toBe(0);
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    const start = await w.line(/^正在监视 店铺A/);
    expect(start).toMatch(/5 个工作簿,0 个错误,0 个警告;另有 (\d+) 个在压制文件 ecsop-suppressions\.json 里已被接受,不算在内。/);
    const accepted = Number(/另有 (\d+) 个/.exec(start)![1]);
    expect(accepted).toBeGreaterThan(5);
    // a save with today's findings and one more: the new one counted, the accepted ones said beside it
    const n = w.lines.length;
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    const line = await w.line(/01-市场调研与选品/, n);
    expect(line).toMatch(/0 个错误,0 个警告\(比上次检查新增 0 个\);另有 \d+ 个在压制文件 ecsop-suppressions\.json 里已被接受,不算在内$/);
    // a workbook with nothing accepted says nothing of it
    const m = w.lines.length;
    copyFileSync(join(examples, '02-店铺基础搭建.xlsx'), join(dir, '店铺A/新表.xlsx'));
    expect(await w.line(/新表/, m)).not.toContain('压制文件');
    expect(await w.stop()).toBe(130);
  }, 60_000);
});

describe('ecsop watch and the rules that compare workbooks', () => {
  /** A file's errors and warnings as `check` of the folder counts them. */
  it('a save\'s line counts what the joins find on it, as check does; another workbook whose findings the save changed is said in a line of its own (outsider helper-114)', async () => {
    const dir = folder();
    // a copy of the listing sheet, after it in the folder: its titles repeat the first's
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/09-副本.xlsx'));
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    const copy = checkNow(dir).of('店铺A/09-副本.xlsx');
    expect(copy.duplicates).toBeGreaterThan(0);
    // the copy saved again, as it was: its line has the duplicates check counts, none new
    let n = w.lines.length;
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/09-副本.xlsx'));
    expect(await w.line(/09-副本/, n)).toMatch(new RegExp(`  ${copy.errors} 个错误,${copy.warnings} 个警告\\(比上次检查新增 0 个\\)$`));
    // the first workbook's listings replaced: the copy's titles repeat nothing now, and its line says so
    n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/03-商品上架与优化.xlsx'));
    await w.line(/03-商品上架与优化/, n);
    const after = checkNow(dir).of('店铺A/09-副本.xlsx');
    expect(after.duplicates).toBe(0);
    expect(await w.line(/09-副本/, n)).toMatch(new RegExp(`  ${after.errors} 个错误,${after.warnings} 个警告\\(因 店铺A/03-商品上架与优化\\.xlsx 的保存,新增 0 个\\)$`));
    // and back: the copy's duplicates are back, new
    n = w.lines.length;
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/03-商品上架与优化.xlsx'));
    await w.line(/03-商品上架与优化/, n);
    expect(await w.line(/09-副本/, n)).toMatch(new RegExp(`  ${copy.errors} 个错误,${copy.warnings} 个警告\\(因 店铺A/03-商品上架与优化\\.xlsx 的保存,新增 ${copy.duplicates} 个\\)$`));
    // the first one deleted: the copy's duplicates go at once, said as its going's; a save of another file then says nothing of the copy
    n = w.lines.length;
    rmSync(join(dir, '店铺A/03-商品上架与优化.xlsx'));
    await w.line(/03-商品上架与优化\.xlsx  已删除或移走/, n);
    expect(await w.line(/09-副本/, n)).toMatch(new RegExp(`  ${after.errors} 个错误,${after.warnings} 个警告\\(因 店铺A/03-商品上架与优化\\.xlsx 已删除或移走,新增 0 个\\)$`));
    n = w.lines.length;
    copyFileSync(join(examples, '02-店铺基础搭建.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    await w.line(/02-店铺基础搭建/, n);
    await sleep(1000);
    expect(w.lines.slice(n).filter((l) => l.includes('09-副本'))).toEqual([]);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('what the suppressions file accepted of the joins\' findings is said beside the counts, at the start and at a save, as check counts it (outsider helper-116)', async () => {
    const dir = twoShops();
    const adopt = spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8' });
    expect(adopt.status, adopt.stderr).toBe(0);
    const json = JSON.parse(spawnSync(process.execPath, [bin, 'check', '店铺A', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8' }).stdout) as { summary: { suppressed: number }; files: Array<{ path: string; suppressed?: number }> };
    const copy = json.files.find((f) => f.path === '店铺A/店铺B/上架.xlsx')!.suppressed!;
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    expect(await w.line(/^正在监视 店铺A/)).toContain(`另有 ${json.summary.suppressed} 个在压制文件`);
    const n = w.lines.length;
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/店铺B/上架.xlsx'));
    expect(await w.line(/店铺B\/上架/, n)).toContain(`另有 ${copy} 个在压制文件`);
    expect(await w.stop()).toBe(130);
  }, 60_000);
});

/** A listing workbook: each row its 商品ID, title and (or not) its own 核心关键词. */
const listing = (rows: Array<[string, string, string]>) => xlsx({ sheets: [{ name: '商品信息', xml: sheetXml(rowsXml([['商品ID', '平台', '类目', '商品标题', '核心关键词'], ...rows.map(([id, title, k]) => [id, '淘宝', '美妆护肤/面膜/修护面膜', title, k])])) }] });
/** A keyword workbook (商品关键词优化表) of another person: 商品ID and 核心关键词. */
const keywords = (rows: Array<[string, string]>) => xlsx({ sheets: [{ name: '商品关键词优化表', xml: sheetXml(rowsXml([['商品ID', '核心关键词', '搜索指数'], ...rows.map(([id, k]) => [id, k, 1000])])) }] });

describe('ecsop watch: what the suppressions file accepted of another workbook', () => {
  const now = ['--now', '2024-05-21T12:00'];
  it('a partner whose change is only in accepted findings gets its line, with the accepted count check gives (outsider helper-118)', async () => {
    // the same listings in two shops: the later workbook's titles are duplicates, accepted when the drive was adopted
    const dir = twoShops();
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', ...now], { cwd: dir }).status).toBe(0);
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    const n = w.lines.length;
    // the first shop's listings replaced by another workbook: the second's duplicates are gone, and so is what was accepted of them
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/03-商品上架与优化.xlsx'));
    const after = checkNow(dir).of('店铺A/店铺B/上架.xlsx');
    const line = await w.line(/店铺B\/上架\.xlsx/, n);
    expect(line).toContain(`因 店铺A/03-商品上架与优化.xlsx 的保存`);
    expect(line).toContain(`${after.warnings} 个警告`);
    expect(line).toContain(`另有 ${after.suppressed} 个在压制文件`);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it("a partner's own findings of a joining rule are accepted before the joins' findings on it, as check counts them", async () => {
    const dir = folder();
    // one listing with its own keyword placed late (its own finding), two whose keywords another person keeps
    writeFileSync(join(dir, '店铺A/商品.xlsx'), listing([['20001', '补水保湿舒缓熬夜焕亮修护面膜', '修护面膜'], ['20002', '熬夜焕亮舒缓补水保湿抗老精华液', ''], ['20003', '熬夜焕亮舒缓补水保湿美白精华液', '']]));
    writeFileSync(join(dir, '店铺A/关键词.xlsx'), keywords([['20002', '抗老精华']]));
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', ...now], { cwd: dir }).status).toBe(0);
    expect(checkNow(dir).of('店铺A/商品.xlsx').warnings).toBe(0);
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    const n = w.lines.length;
    // the keyword of the third listing added: the listing workbook now has one finding more than was accepted
    writeFileSync(join(dir, '店铺A/关键词.xlsx'), keywords([['20002', '抗老精华'], ['20003', '美白精华']]));
    const after = checkNow(dir).of('店铺A/商品.xlsx');
    expect(after.warnings).toBe(1);
    const line = await w.line(/店铺A\/商品\.xlsx/, n);
    expect(line).toMatch(new RegExp(`0 个错误,${after.warnings} 个警告\\(因 店铺A/关键词\\.xlsx 的保存,新增 1 个\\)`));
    expect(line).toContain(`另有 ${after.suppressed} 个在压制文件`);
    expect(await w.stop()).toBe(130);
  }, 60_000);
});

describe('ecsop watch: the config and the suppressions file changed while it watches', () => {
  const now = ['--now', '2024-05-21T12:00'];
  it.skipIf(!existsSync('/proc/self/io'))('with a dashboard, a new suppressions file is counted without reading a workbook again (it applies after their results); a new config reads them', async () => {
    const dir = folder();
    const other = folder();
    // an orders export of 40,000 orders beside the SOP's workbooks, in both folders
    const orders = xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ...Array.from({ length: 40_000 }, (_, i) => [`2024052${String(i).padStart(7, '0')}`, ...ROW.slice(1)])])) }] });
    for (const d of [dir, other]) writeFileSync(join(d, '店铺A/订单.xlsx'), orders);
    // the file --suppress-all writes on another machine, put on the drive while it is watched
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', ...now], { cwd: other }).status).toBe(0);
    // with a dashboard, whose results are kept in memory
    const w = new Watcher(['店铺A', '--html', '看板.html'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/, 0, 30_000);
    // what the watch has read so far, in bytes (its threads' reads included)
    const readSoFar = () => Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${w.proc.pid}/io`, 'utf8'))![1]);
    let n = w.lines.length;
    let before = readSoFar();
    copyFileSync(join(other, 'ecsop-suppressions.json'), join(dir, 'ecsop-suppressions.json'));
    const retaken = await w.line(/ecsop-suppressions\.json 已更改/, n);
    expect(readSoFar() - before).toBeLessThan(orders.length / 4);
    const adopted = checkNow(dir);
    expect(retaken).toContain(`按它重新统计:6 个工作簿,${adopted.summary.errors} 个错误,${adopted.summary.warnings} 个警告;另有 ${adopted.summary.suppressed} 个在压制文件`);
    // a config changes what each workbook's check finds: every one is read again
    n = w.lines.length;
    before = readSoFar();
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'title-medical-claim': 'off' } }));
    await w.line(/ecsop\.config\.json 已更改/, n);
    expect(readSoFar() - before).toBeGreaterThan(orders.length);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it("a colleague adopting the drive meanwhile: every file's counts retaken in one line, and each later line as check gives it (outsider helper-119: a partner's line mixed the two files)", async () => {
    const dir = twoShops();
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    expect(await w.line(/^正在监视 店铺A/)).not.toContain('已被接受');
    let n = w.lines.length;
    // --suppress-all on another machine (here, the same folder): no workbook is saved, the line comes all the same
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', ...now], { cwd: dir }).status).toBe(0);
    const adopted = checkNow(dir);
    const retaken = await w.line(/ecsop-suppressions\.json 已更改/, n);
    expect(retaken).toMatch(new RegExp(`按它重新统计:6 个工作簿,${adopted.summary.errors} 个错误,${adopted.summary.warnings} 个警告;另有 ${adopted.summary.suppressed} 个在压制文件`));
    n = w.lines.length;
    // a save after: the saved file's line and its partner's both as check counts them now
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/03-商品上架与优化.xlsx'));
    const r = checkNow(dir);
    const partner = r.of('店铺A/店铺B/上架.xlsx');
    const line = await w.line(/店铺B\/上架\.xlsx/, n);
    expect(line).toContain(`${partner.errors} 个错误,${partner.warnings} 个警告`);
    expect(line).toContain(`另有 ${partner.suppressed} 个在压制文件`);
    const saved = r.of('店铺A/03-商品上架与优化.xlsx');
    expect(await w.line(/店铺A\/03-商品上架与优化\.xlsx  /, n)).toContain(`${saved.errors} 个错误,${saved.warnings} 个警告`);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a config saved meanwhile is taken (a rule turned off), one half-typed is said once and the watch goes on as it was', async () => {
    const dir = folder();
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    const start = await w.line(/^正在监视 店铺A/);
    expect(start).toMatch(/5 个工作簿,\d+ 个错误,[1-9]\d* 个警告/);
    let n = w.lines.length;
    writeFileSync(join(dir, 'ecsop.config.json'), '{ "rules": { "title-medical-claim": "off", ');
    expect(await w.line(/配置错误/, n)).toContain('仍按之前读到的统计');
    await sleep(2500);
    expect(w.lines.slice(n).filter((l) => /配置错误/.test(l))).toHaveLength(1);
    n = w.lines.length;
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'title-medical-claim': 'off' } }));
    const r = checkNow(dir);
    expect(await w.line(/ecsop\.config\.json 已更改/, n)).toContain(`按它重新统计:5 个工作簿,${r.summary.errors} 个错误,${r.summary.warnings} 个警告`);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it("a suppressions file saved half-typed: a save meanwhile is still checked with the one before, and said in the watch's language (outsider helper-120: never checked, half English)", async () => {
    const dir = folder();
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', ...now], { cwd: dir }).status).toBe(0);
    const good = readFileSync(join(dir, 'ecsop-suppressions.json'));
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/);
    let n = w.lines.length;
    writeFileSync(join(dir, 'ecsop-suppressions.json'), '{"店铺A/01-市场调研与选品.xlsx": ');
    expect(await w.line(/ecsop-suppressions\.json/, n)).toContain('仍按之前读到的统计');
    // the same fault saved again, and touched: not said again (outsider helper-121)
    await sleep(500);
    writeFileSync(join(dir, 'ecsop-suppressions.json'), '{"店铺A/01-市场调研与选品.xlsx": ');
    await sleep(2500);
    expect(w.lines.slice(n).filter((l) => /仍按之前读到的统计/.test(l))).toHaveLength(1);
    n = w.lines.length;
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    const line = await w.line(/02-店铺基础搭建\.xlsx/, n);
    expect(line).toMatch(/02-店铺基础搭建\.xlsx  \d+ 个错误,\d+ 个警告\(比上次检查新增 [1-9]\d* 个\)/);
    expect(w.lines.slice(n).join('\n')).not.toMatch(/没有检查完|[a-z]{4,} [a-z]{4,}/);
    // fixed: counted again with it, as check counts the folder now
    n = w.lines.length;
    writeFileSync(join(dir, 'ecsop-suppressions.json'), good);
    const r = checkNow(dir);
    expect(await w.line(/已更改/, n)).toContain(`${r.summary.errors} 个错误,${r.summary.warnings} 个警告;另有 ${r.summary.suppressed} 个`);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('a save made as the suppressions file changes is said in a line of its own, what it added new (outsider helper-120: no line, or "0 new")', async () => {
    for (const wait of [0, 700]) {
      const dir = folder();
      const w = new Watcher(['店铺A'], dir);
      running.push(w);
      await w.line(/^正在监视 店铺A/);
      const n = w.lines.length;
      expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-rule', 'title-medical-claim', ...now], { cwd: dir }).status).not.toBe(2);
      await sleep(wait);
      copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
      await w.line(/已更改/, n);
      expect(await w.line(/02-店铺基础搭建\.xlsx/, n), `saved ${wait} ms after`).toMatch(/新增 [1-9]\d* 个/);
      expect(await w.stop()).toBe(130);
    }
  }, 90_000);

  it('a save landing while the re-count reads the folder is said in its own line with what it added (outsider helper-121: "0 new")', async () => {
    const dir = folder();
    // two large exports first in the folder's order: both threads read them for seconds, the saved file after
    const orders = (n: number) => xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ...Array.from({ length: n }, (_, i) => [`2024052${String(i).padStart(7, '0')}`, ...ROW.slice(1)])])) }] });
    const big = orders(200_000);
    writeFileSync(join(dir, '店铺A/00-大订单1.xlsx'), big);
    writeFileSync(join(dir, '店铺A/00-大订单2.xlsx'), big);
    const w = new Watcher(['店铺A'], dir);
    running.push(w);
    await w.line(/^正在监视 店铺A/, 0, 120_000);
    const n = w.lines.length;
    // a suppressions file written by hand: the count starts within 2 s, and reads the exports first
    writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify({ '店铺A/02-店铺基础搭建.xlsx': { 'store-bestsellers': { count: 1 } } }));
    await sleep(2500);
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    await w.line(/已更改/, n, 120_000);
    expect(await w.line(/02-店铺基础搭建\.xlsx/, n, 60_000)).toMatch(/新增 [1-9]\d* 个/);
    expect(await w.stop()).toBe(130);
  }, 240_000);

  it('a drive unmounted with the suppressions file kept on it: one line going, one coming back, no re-count', async () => {
    const dir = folder();
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', '--suppressions-location', '店铺A/', ...now], { cwd: dir }).status).toBe(0);
    const w = new Watcher(['店铺A', '--suppressions-location', '店铺A/'], dir);
    running.push(w);
    expect(await w.line(/^正在监视 店铺A/)).toContain('已被接受');
    const n = w.lines.length;
    unmount(dir);
    await w.line(/不见了/, n);
    await sleep(4500);
    remount(dir);
    await w.line(/回来了/, n);
    await sleep(4500);
    const after = w.lines.slice(n);
    expect(after.filter((l) => /不见了/.test(l)), after.join('\n')).toHaveLength(1);
    expect(after.filter((l) => /已更改|不存在/.test(l)), after.join('\n')).toHaveLength(0);
    expect(await w.stop()).toBe(130);
  }, 60_000);

  it('--suppressions-location takes the file kept on the drive; one that is not there is said', async () => {
    const dir = folder();
    mkdirSync(join(dir, '盘'));
    expect(spawnSync(process.execPath, [bin, 'check', '店铺A', '--suppress-all', '--suppressions-location', '盘/', ...now], { cwd: dir }).status).toBe(0);
    const w = new Watcher(['店铺A', '--suppressions-location', '盘/'], dir);
    running.push(w);
    expect(await w.line(/^正在监视 店铺A/)).toMatch(/0 个错误,0 个警告;另有 \d+ 个在压制文件 盘\/ecsop-suppressions\.json/);
    expect(await w.stop()).toBe(130);
    const missing = new Watcher(['店铺A', '--suppressions-location', '别处/'], dir);
    running.push(missing);
    await missing.line(/^正在监视 店铺A/);
    expect(missing.stderr).toContain('压制文件 别处/ecsop-suppressions.json 不存在');
    expect(await missing.stop()).toBe(130);
    // the drive's file deleted while it watches: said when it goes, not again when the config changes after
    const w2 = new Watcher(['店铺A', '--suppressions-location', '盘/'], dir);
    running.push(w2);
    await w2.line(/^正在监视 店铺A/);
    const n = w2.lines.length;
    rmSync(join(dir, '盘/ecsop-suppressions.json'));
    await w2.line(/已更改/, n);
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'title-medical-claim': 'off' } }));
    await w2.line(/ecsop\.config\.json 已更改/, n);
    expect(w2.lines.slice(n).filter((l) => /不存在/.test(l)), w2.lines.slice(n).join('\n')).toHaveLength(1);
    expect(await w2.stop()).toBe(130);
  }, 60_000);
});
