import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { HEADER, ROW, rowsXml, sheetXml, xlsx } from '../corpus/build.js';

/**
 * `ecsop watch DIR` (issue #26) as a person runs it: a real process on a real folder, saves made
 * by other processes (a copy, a temp file renamed over the workbook as Excel and WPS save, Python's
 * openpyxl), lock files of Excel/WPS and LibreOffice beside them, a file deleted, and with
 * --poll for network drives. One line a save; Ctrl-C ends it at once with nothing partial left.
 */
const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');
const examples = join(root, 'examples');

class Watcher {
  readonly lines: string[] = [];
  private buffer = '';
  private waiters: Array<() => void> = [];
  readonly proc: ChildProcess;
  stderr = '';

  constructor(args: string[], cwd: string) {
    this.proc = spawn(process.execPath, [bin, 'watch', ...args, '--lang', 'zh', '--now', '2024-05-21T12:00'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.buffer += d.toString();
      const parts = this.buffer.split('\n');
      this.buffer = parts.pop()!;
      this.lines.push(...parts);
      for (const w of this.waiters.splice(0)) w();
    });
    this.proc.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.closed = new Promise((resolve) => this.proc.on('close', (code) => resolve(code)));
  }

  /** The first line from `from` on that matches, within `ms`. */
  async line(re: RegExp, from = 0, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = this.lines.slice(from).find((l) => re.test(l));
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no line matching ${re} in:\n${this.lines.join('\n')}\n${this.stderr}`);
      await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, 200); });
    }
  }

  /** Its exit code once it has ended and all it said is read (at 'exit', stderr's last line may still be in its pipe). */
  private readonly closed: Promise<number | null>;

  stop(): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGINT');
    return this.closed;
  }
}

const running: Watcher[] = [];
afterEach(async () => { for (const w of running.splice(0)) await w.stop(); });

function folder(): string {
  const dir = tempDir('ecsop-watch-');
  cpSync(examples, join(dir, '店铺A'), { recursive: true });
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What `check -f json` says of 店铺A now, what a watch's lines are held against: its summary, and one file's errors,
 * warnings, repeated titles and accepted findings.
 */
function checkNow(dir: string) {
  const r = JSON.parse(spawnSync(process.execPath, [bin, 'check', '店铺A', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir, encoding: 'utf8' }).stdout) as { summary: { errors: number; warnings: number; suppressed?: number }; files: Array<{ path: string; suppressed?: number }>; findings: Array<{ file: string; severity: string; ruleId: string }> };
  const of = (path: string) => {
    const mine = r.findings.filter((f) => f.file === path);
    const count = (severity: string) => mine.filter((f) => f.severity === severity).length;
    return { errors: count('error'), warnings: count('warning'), duplicates: mine.filter((f) => f.ruleId === 'title-duplicate').length, suppressed: r.files.find((f) => f.path === path)!.suppressed ?? 0 };
  };
  return { summary: r.summary, of };
}

/**
 * Until the watch's first check is reading the folder: it has a file matching `re` open (a large export, streamed), or
 * one of `files` was read (its access time, set back beforehand, moves: small files are open for too short a time to
 * be seen). A save or an unmount made a fixed time after the start came, on a loaded machine, before the check began:
 * part of the start, no save (clean-clone CI). Without /proc (not Linux), a second and a half.
 */
async function whenReading(w: Watcher, re: RegExp, files: string[] = [], ms = 60_000): Promise<void> {
  const fds = `/proc/${w.proc.pid}/fd`;
  if (!existsSync('/proc/self/fd')) { await sleep(1500); return; }
  const end = Date.now() + ms;
  const open = () => { try { return readdirSync(fds).some((fd) => { try { return re.test(readlinkSync(join(fds, fd))); } catch { return false; } }); } catch { return false; } };
  const read = () => files.some((f) => { try { return statSync(f).atimeMs > UNREAD_AT.getTime(); } catch { return false; } });
  while (!open() && !read()) {
    if (Date.now() > end) throw new Error(`the watch did not read a file matching ${re} within ${ms} ms`);
    await sleep(20);
  }
}

/** An access time long past, set on files whose first read `whenReading` is to see (it moves when they are read). */
const UNREAD_AT = new Date('2020-01-01T00:00:00Z');

/** The i-th of n pieces of a file's bytes, as a slow copy writes them. */
const piece = (whole: Buffer, i: number, n: number) => whole.subarray(Math.floor((whole.length * i) / n), Math.floor((whole.length * (i + 1)) / n));

/** The drive of 店铺A unmounted: its files away (in 盘上), the mount point left as an empty folder. */
function unmount(dir: string): void {
  renameSync(join(dir, '店铺A'), join(dir, '盘上'));
  mkdirSync(join(dir, '店铺A'));
}

/** The drive mounted again: the mount point, and whatever was saved into it meanwhile, covered by its files. */
function remount(dir: string): void {
  rmSync(join(dir, '店铺A'), { recursive: true });
  renameSync(join(dir, '盘上'), join(dir, '店铺A'));
}

/** A watcher of 店铺A in a new copy of the examples, once it says it watches; the line count then. */
async function watchingShop(how: readonly string[]): Promise<{ dir: string; w: Watcher; n: number }> {
  const dir = folder();
  const w = new Watcher(['店铺A', ...how], dir);
  running.push(w);
  await w.line(/^正在监视 店铺A/);
  return { dir, w, n: w.lines.length };
}

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
    const dir = folder();
    mkdirSync(join(dir, '店铺A/店铺B'));
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/店铺B/上架.xlsx'));
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
  /** Each file's suppressed count and warnings in check's JSON of the folder now. */
  it('a partner whose change is only in accepted findings gets its line, with the accepted count check gives (outsider helper-118)', async () => {
    const dir = folder();
    mkdirSync(join(dir, '店铺A/店铺B'));
    // the same listings in two shops: the later workbook's titles are duplicates, accepted when the drive was adopted
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/店铺B/上架.xlsx'));
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
    const dir = folder();
    mkdirSync(join(dir, '店铺A/店铺B'));
    copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/店铺B/上架.xlsx'));
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

describe('ecsop watch beside a large export', () => {
  it('a save is said while a large workbook is read for the dashboard, and a large workbook deleted while it is read is let go (outsider helper-114: 10–23 s late)', async () => {
    const dir = folder();
    // an orders export of 300,000 rows, each with a warning (a phone number that is none): its result is too big to
    // keep in memory, and each dashboard reads it again (6–7 s on the 2-core machine of docs/performance.md)
    const orders = (n: number) => xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ...Array.from({ length: n }, (_, i) => [`2024052${String(i).padStart(7, '0')}`, ROW[1], ROW[2], '12345', ...ROW.slice(4)])])) }] });
    const big = orders(300_000);
    writeFileSync(join(dir, '店铺A/大订单.xlsx'), big);
    const w = new Watcher(['店铺A', '--html', '看板.html'], dir);
    running.push(w);
    // a save while the first check reads the folder (seconds, beside the export): said once the watch is on (outsider helper-118: never)
    await whenReading(w, /大订单\.xlsx$/);
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    const started = w.lines.indexOf(await w.line(/^正在监视 店铺A/, 0, 60_000));
    const on = Date.now();
    expect(await w.line(/02-店铺基础搭建/, started, 30_000)).toMatch(/新增 [1-9]\d* 个/);
    // said at once, not behind the first dashboard, which reads the export again (it did not give way to a save the
    // start's catch-up found, only to the watcher's own reports: 30 s and more on a loaded machine, clean-clone CI)
    expect(Date.now() - on).toBeLessThan(3000);
    // the dashboard is being made now (the large export read again); saves meanwhile are said at once
    for (let round = 0; round < 3; round++) {
      await sleep(1500);
      const n = w.lines.length;
      const at = Date.now();
      copyFileSync(join(examples, round % 2 ? '01-市场调研与选品.xlsx' : '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
      await w.line(/01-市场调研与选品/, n, 30_000);
      // the issue asks for 2 s on a local disk; 3 here, for a loaded test machine (the large export alone takes twice that)
      expect(Date.now() - at, `round ${round}`).toBeLessThan(3000);
    }
    // the dashboard is made once saves stop, whole (it reads the export again: up to two minutes on a loaded test machine)
    await sleep(2000);
    for (let i = 0; i < 240 && !existsSync(join(dir, '看板.html')); i++) await sleep(500);
    expect(readFileSync(join(dir, '看板.html'), 'utf8')).toContain('</html>');
    // a large export copied in and deleted while it is read: let go, no line of it, the next save said at once
    writeFileSync(join(dir, '店铺A/大订单2.xlsx'), big);
    await sleep(1500);
    rmSync(join(dir, '店铺A/大订单2.xlsx'));
    const n = w.lines.length;
    const at = Date.now();
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/01-市场调研与选品/, n, 30_000);
    expect(Date.now() - at).toBeLessThan(3000);
    await sleep(1000);
    expect(w.lines.filter((l) => l.includes('大订单2'))).toEqual([]);
    // the large export saved again, then a small workbook while it is read: the small one is said first, the export after
    const m = w.lines.length;
    writeFileSync(join(dir, '店铺A/大订单.xlsx'), orders(299_999));
    await sleep(1500);
    const put = Date.now();
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/01-市场调研与选品/, m, 30_000);
    expect(Date.now() - put).toBeLessThan(3000);
    expect(await w.line(/大订单\.xlsx/, m, 120_000)).toMatch(/299999 个警告/);
    // saves that land while every file is counted again (a config written: nothing gives way to a save then), the
    // export's first: once the count is done the small one is said first, not behind the export's read
    await sleep(2500);
    writeFileSync(join(dir, 'ecsop.config.json'), '{}\n');
    await whenReading(w, /大订单\.xlsx$/);
    const k = w.lines.length;
    writeFileSync(join(dir, '店铺A/大订单.tmp'), big);
    renameSync(join(dir, '店铺A/大订单.tmp'), join(dir, '店铺A/大订单.xlsx'));
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    const retaken = w.lines.indexOf(await w.line(/已更改,按它重新统计/, k, 120_000));
    const counted = Date.now();
    const small = w.lines.indexOf(await w.line(/01-市场调研与选品/, retaken, 30_000));
    expect(Date.now() - counted).toBeLessThan(3000);
    expect(w.lines.indexOf(await w.line(/大订单\.xlsx/, retaken, 120_000))).toBeGreaterThan(small);
    expect(await w.stop()).toBe(130);
  }, 600_000);
});

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
