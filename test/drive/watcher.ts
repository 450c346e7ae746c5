import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';

/**
 * `ecsop watch DIR` (issue #26) as a person runs it: a real process on a real folder, saves made
 * by other processes (a copy, a temp file renamed over the workbook as Excel and WPS save, Python's
 * openpyxl), lock files of Excel/WPS and LibreOffice beside them, a file deleted, and with
 * --poll for network drives. One line a save; Ctrl-C ends it at once with nothing partial left.
 * What the watch test files share: a watch run as a child process, read line by line, and the folders it watches.
 */
const root = join(__dirname, '../..');
export const bin = join(root, 'bin/ecsop.js');
export const examples = join(root, 'examples');

export class Watcher {
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

/** The watchers a test started: each test file stops them after each test (`afterEach(stopWatchers)`). */
export const running: Watcher[] = [];
export const stopWatchers = async () => { for (const w of running.splice(0)) await w.stop(); };

export function folder(): string {
  const dir = tempDir('ecsop-watch-');
  cpSync(examples, join(dir, '店铺A'), { recursive: true });
  return dir;
}

/** A folder of two shops: 店铺A (the SOP's examples) and 店铺A/店铺B with the same listings (its titles repeat 店铺A's). */
export function twoShops(): string {
  const dir = folder();
  mkdirSync(join(dir, '店铺A/店铺B'));
  copyFileSync(join(examples, '03-商品上架与优化.xlsx'), join(dir, '店铺A/店铺B/上架.xlsx'));
  return dir;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What `check -f json` says of 店铺A now, what a watch's lines are held against: its summary, and one file's errors,
 * warnings, repeated titles and accepted findings.
 */
export function checkNow(dir: string) {
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
export async function whenReading(w: Watcher, re: RegExp, files: string[] = [], ms = 60_000): Promise<void> {
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
export const UNREAD_AT = new Date('2020-01-01T00:00:00Z');

/** The i-th of n pieces of a file's bytes, as a slow copy writes them. */
export const piece = (whole: Buffer, i: number, n: number) => whole.subarray(Math.floor((whole.length * i) / n), Math.floor((whole.length * (i + 1)) / n));

/** The drive of 店铺A unmounted: its files away (in 盘上), the mount point left as an empty folder. */
export function unmount(dir: string): void {
  renameSync(join(dir, '店铺A'), join(dir, '盘上'));
  mkdirSync(join(dir, '店铺A'));
}

/** The drive mounted again: the mount point, and whatever was saved into it meanwhile, covered by its files. */
export function remount(dir: string): void {
  rmSync(join(dir, '店铺A'), { recursive: true });
  renameSync(join(dir, '盘上'), join(dir, '店铺A'));
}

/** A watcher of 店铺A in a new copy of the examples, once it says it watches; the line count then. */
export async function watchingShop(how: readonly string[]): Promise<{ dir: string; w: Watcher; n: number }> {
  const dir = folder();
  const w = new Watcher(['店铺A', ...how], dir);
  running.push(w);
  await w.line(/^正在监视 店铺A/);
  return { dir, w, n: w.lines.length };
}
