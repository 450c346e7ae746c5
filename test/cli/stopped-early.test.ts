import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Interrupted, type Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { pause, whenAborted } from '../../src/check/when-aborted.js';
import { ecsop, tempDir } from '../helpers/cli.js';

const examples = join(__dirname, '../../examples');
const stopped = () => { const c = new AbortController(); c.abort(new Interrupted('SIGINT')); return c.signal; };

/**
 * A Ctrl-C that comes before a command has reached its checks (outsider helper-33): the listener
 * was added after the abort and never called, so `review --write --queue` wrote both and exited 0,
 * and `init` wrote every workbook. Each now stops where it stands: exit 130, the stop line, nothing
 * written that was not whole and said.
 */
describe('Ctrl-C before the command reached its checks', () => {
  it('whenAborted calls at once on a signal that has already aborted; a pause ends with the signal', async () => {
    let calls = 0;
    whenAborted(stopped(), () => calls++);
    expect(calls).toBe(1);
    const c = new AbortController();
    const off = whenAborted(c.signal, () => calls++);
    off();
    c.abort();
    expect(calls).toBe(1);
    const later = new AbortController();
    const started = Date.now();
    setTimeout(() => later.abort(), 20);
    await pause(5000, later.signal);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('review --write --queue and check -o: stopped, nothing written', async () => {
    const dir = tempDir();
    const review = await ecsop(['review', join(examples, '05-订单处理与履约.xlsx'), '--write', 'c.xlsx', '--queue', 'q.csv', '--no-progress'], { cwd: dir, signal: stopped() });
    expect(review.code).toBe(130);
    expect(review.stderr).toContain('已停止');
    const check = await ecsop(['check', examples, '-o', 'r.json', '--no-progress'], { cwd: dir, signal: stopped() });
    expect(check.code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('init begins no workbook after Ctrl-C, and says each it wrote as it wrote it', async () => {
    const dir = tempDir();
    const r = await ecsop(['init', 'sop', '--examples'], { cwd: dir, signal: stopped() });
    expect(r.code).toBe(130);
    expect(existsSync(join(dir, 'sop')) ? readdirSync(join(dir, 'sop')) : []).toEqual([]);
    const whole = await ecsop(['init', 'sop2'], { cwd: dir });
    expect(whole.code).toBe(0);
    // a line a workbook, in the order written
    expect(whole.stdout.trim().split('\n')).toHaveLength(readdirSync(join(dir, 'sop2')).length);
  });

  it('a Ctrl-C while the report\'s end is copied into --output (the HTML page\'s sections waited in a spool) stops the run: exit 130, no report put in place (outsider helper-103: it was written, exit 1)', async () => {
    const dir = tempDir();
    const lines = ['订单号,收件地址,金额,电话'];
    for (let i = 0; i < 30_000; i++) lines.push(`A${i},新疆乌鲁木齐市天山区解放北路${i}号,${600 + (i % 50)},13812345678`);
    writeFileSync(join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
    const stop = new AbortController();
    // Ctrl-C once the report's temporary file has its first bytes: the page is written at its end (its cards come first)
    const watch = setInterval(() => {
      // the file may be gone between the listing and its stat (put in place or removed): no entry is no bytes
      for (const name of readdirSync(dir)) if (name.endsWith('.tmp') && (statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0) > 0) stop.abort(new Interrupted('SIGINT'));
    }, 1);
    try {
      const r = await ecsop(['check', 'orders.csv', '--format', 'html', '--all', '-o', 'r.html', '--no-progress'], { cwd: dir, signal: stop.signal });
      expect(stop.signal.aborted).toBe(true);
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('已停止');
      expect(r.stderr).not.toContain('已写入');
      expect(readdirSync(dir)).toEqual(['orders.csv']);
    } finally {
      clearInterval(watch);
    }
  });

  it('a Ctrl-C after the report is written ends the process with the run\'s own code, saying nothing more (it was killed by node\'s default: helper-33)', async () => {
    const dir = tempDir();
    const results: Array<[number | null, string]> = [];
    for (let i = 0; i < 3; i++) {
      const child = spawn(process.execPath, [join(__dirname, '../../bin/ecsop.js'), 'check', examples, '-o', `r${i}.json`, '--no-progress', '--lang', 'en'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      const code = await new Promise<number | null>((resolve) => {
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          // the report is written: the run is ending
          if (/wrote/.test(stderr)) child.kill('SIGINT');
        });
        child.on('close', (c) => resolve(c));
      });
      results.push([code, stderr.trim()]);
    }
    for (const [code, stderr] of results) {
      // findings in the examples: exit 1, as without the signal; the report whole
      expect(code).toBe(1);
      expect(stderr).toMatch(/^wrote r\d\.json$/);
    }
    for (let i = 0; i < 3; i++) expect(() => JSON.parse(readFileSync(join(dir, `r${i}.json`), 'utf8'))).not.toThrow();
  });

  it('a Ctrl-C as the report is printed: review --write --queue and score --write write neither after it (helper-34)', async () => {
    for (const [cmd, file, outs] of [['review', '05-订单处理与履约.xlsx', ['--write', 'c.xlsx', '--queue', 'q.csv']], ['score', '01-市场调研与选品.xlsx', ['--write', 's.xlsx']]] as const) {
      const dir = tempDir();
      const ctrl = new AbortController();
      let stderr = '';
      const io: Io = {
        // the report is printed at the end of the checks: the signal comes then, before the copy and the queue
        stdout: () => { if (!ctrl.signal.aborted) ctrl.abort(new Interrupted('SIGINT')); },
        stderr: (t) => { stderr += t; },
        cwd: dir, env: { LANG: 'zh_CN.UTF-8' }, stdoutTTY: false, stderrTTY: false, readStdin: async () => '', systemLocale: 'en-US', signal: ctrl.signal,
      };
      const code = await run([cmd, join(examples, file), ...outs, '--no-progress'], io);
      expect([cmd, code], stderr).toEqual([cmd, 130]);
      expect(stderr).not.toMatch(/已写入|wrote/);
      expect(readdirSync(dir), cmd).toEqual([]);
    }
  });
});
