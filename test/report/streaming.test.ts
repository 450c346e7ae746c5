import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { width } from '../../src/report/layout.js';
import { ecsop, tempDir } from '../helpers/cli.js';

const root = join(__dirname, '../..');
const golden = (name: string) => readFileSync(join(root, 'test/golden', name), 'utf8');
const NOW = ['--now', '2024-05-21T12:00', '--lang', 'zh'];

/** An orders CSV of `n` orders, every one of them needing review (remote region, over 500 元). */
function ordersCsv(dir: string, n: number, name = 'orders.csv'): string {
  const lines = ['订单号,收件地址,金额,电话'];
  for (let i = 0; i < n; i++) lines.push(`A${i},新疆乌鲁木齐市天山区解放北路${i}号,${600 + (i % 50)},13812345678`);
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

describe('every format streams into the same v1 report as before', () => {
  it.each(['check', 'review', 'score', 'lint', 'roi', 'freight'])('%s --format json on the examples is byte for byte today\'s report, with 1 job or 2', async (cmd) => {
    for (const jobs of ['1', '2']) {
      const res = await ecsop([cmd, 'examples/', '--format', 'json', ...NOW, '--jobs', jobs], { cwd: root });
      expect(res.stdout).toBe(golden(`${cmd}-examples.json`));
    }
  });
  it('junit and github too', async () => {
    expect((await ecsop(['check', 'examples/', '--format', 'junit', ...NOW], { cwd: root })).stdout).toBe(golden('check-examples.junit.xml'));
    expect((await ecsop(['check', 'examples/', '--format', 'github', ...NOW], { cwd: root })).stdout).toBe(golden('check-examples.github.txt'));
  });
});

describe('the text report a person can read', () => {
  const dir = tempDir();
  const csv = ordersCsv(dir, 2_000);

  it('shows the first findings of a sheet by row and counts the rest per rule', async () => {
    const res = await ecsop(['check', csv], { cwd: dir });
    const lines = res.stdout.split('\n').filter((l) => l.startsWith('orders.csv:'));
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatch(/^orders\.csv:2:1: 警告 orders!A2 待人工审核:金额超过自动审核上限 500 元;偏远地区\(新疆\)\(设置 sop\.orders\.autoApproveMaxYuan、sop\.orders\.remoteRegions\) \[order-manual-review\]$/);
    expect(lines.map((l) => Number(l.split(':')[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(res.stdout).toContain('……另有 1980 条 order-manual-review');
    expect(res.stdout).toMatch(/order-manual-review +警告 +2000 +1/);
    expect(res.stdout).toContain('共检查 1 个文件、1 张工作表、2000 行:0 个错误,2000 个警告,0 个提示');
  });

  it('--max-findings and --all decide how many are shown', async () => {
    const five = await ecsop(['check', csv, '--max-findings', '5', '--lang', 'en'], { cwd: dir });
    expect(five.stdout.split('\n').filter((l) => l.startsWith('orders.csv:'))).toHaveLength(5);
    expect(five.stdout).toContain('… 1995 more order-manual-review');
    const all = await ecsop(['check', csv, '--all'], { cwd: dir });
    expect(all.stdout.split('\n').filter((l) => l.startsWith('orders.csv:'))).toHaveLength(2_000);
    expect(all.stdout).not.toContain('另有');
  });

  it('--quiet lists errors only', async () => {
    const res = await ecsop(['check', csv, '--quiet', '--fail-on', 'warning'], { cwd: dir });
    expect(res.stdout).not.toContain('orders.csv:2:');
    expect(res.stdout).toContain('2000 个警告');
    expect(res.code).toBe(1);
  });

  it('on a terminal, fits 80 columns: no line wider, long values wrapped inside their column', async () => {
    const res = await ecsop(['check', 'examples/', ...NOW], { cwd: root, tty: true, env: { NO_COLOR: '1', COLUMNS: '80' }, columns: 80 });
    const lines = res.stdout.split('\n');
    expect(lines.some((l) => l.includes('┌'))).toBe(true);
    for (const l of lines) expect(width(l), l).toBeLessThanOrEqual(80);
    const wide = await ecsop(['check', 'examples/', ...NOW], { cwd: root, tty: true, env: { NO_COLOR: '1' }, columns: 160 });
    expect(wide.stdout).toMatch(/│ 单元格 │ 级别 │ 列 +│ 值 +│ 应为 +│ 问题/);
    for (const l of wide.stdout.split('\n')) expect(width(l)).toBeLessThanOrEqual(160);
  });

  it.each(['zh', 'en'])('every command on a terminal of 80 columns, in %s: no line wider', async (lang) => {
    const runs = [['check', 'examples/'], ['review', 'examples/'], ['score', 'examples/'], ['lint', 'examples/'], ['roi', 'examples/'], ['freight', 'examples/'], ['freight', '--to', '新疆维吾尔自治区乌鲁木齐市天山区', '--weight', '3.5'], ['rules'], ['init', '--help']];
    for (const args of runs) {
      const now = args[1] === 'examples/' ? NOW : [];
      const res = await ecsop([...args, ...now, '--lang', lang], { cwd: root, tty: true, env: { NO_COLOR: '1', COLUMNS: '80' }, columns: 80 });
      const lines = res.stdout.split('\n');
      expect(lines.length, args.join(' ')).toBeGreaterThan(1);
      expect(lines.filter((l) => width(l) > 80), `${args.join(' ')} --lang ${lang}`).toEqual([]);
    }
  });

  it('shows tabs, line breaks and escape sequences from a workbook as text, never raw', async () => {
    const d = tempDir();
    writeFileSync(join(d, 'o.csv'), '订单号,收件地址,金额\n"A\t1\u001b[2J","新疆乌鲁木齐市\n天山区解放北路1号",600\n');
    for (const tty of [false, true]) {
      const res = await ecsop(['check', 'o.csv'], { cwd: d, tty, env: { NO_COLOR: '1' }, columns: 120 });
      expect(res.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

describe('reports at scale', () => {
  it('a sheet where every order needs review: every format completes and counts all of them', async () => {
    const dir = tempDir();
    const csv = ordersCsv(dir, 20_000);
    const json = JSON.parse((await ecsop(['check', csv, '--format', 'json'], { cwd: dir })).stdout);
    expect(json.findings).toHaveLength(20_000);
    expect(json.summary.warnings).toBe(20_000);
    const review = JSON.parse((await ecsop(['review', csv, '--format', 'json'], { cwd: dir })).stdout);
    expect(review.orders).toHaveLength(20_000);
    expect(review.review).toMatchObject({ orders: 20_000, manual: 20_000 });
    const junit = (await ecsop(['check', csv, '--format', 'junit', '--fail-on', 'warning'], { cwd: dir })).stdout;
    // one test case per file and rule: one failure counting them, every finding listed in it
    expect(junit.match(/<failure /g)).toHaveLength(1);
    expect(junit).toMatch(/<testsuites name="ecsop" tests="1" failures="1" errors="0">/);
    expect(junit).toContain('message="20000 条问题,其中 20000 条达到警告级别"');
    expect(junit.match(/^警告 /gm)).toHaveLength(20_000);
    // under the default --fail-on error the warnings are no failure, and stay visible
    const warned = (await ecsop(['check', csv, '--format', 'junit'], { cwd: dir })).stdout;
    expect(warned).toMatch(/tests="1" failures="0"/);
    expect(warned.match(/^警告 /gm)).toHaveLength(20_000);
    const text = await ecsop(['check', csv], { cwd: dir });
    expect(text.stdout).toContain('……另有 19980 条 order-manual-review');
  });
});

describe('pipes and signals, with the real command', () => {
  const bin = join(root, 'bin/ecsop.js');

  it('a closed pipe (| head -3) ends the run quietly with the exit code of what was found', () => {
    const dir = tempDir();
    const csv = ordersCsv(dir, 30_000);
    const run = spawnSync('bash', ['-c', `set -o pipefail; node ${bin} check ${csv} --all --fail-on warning | head -3`], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('every command whose reader stops after one line (| head -1) ends quietly: no unhandled EPIPE, no stack trace, the same exit code', () => {
    const dir = tempDir();
    const commands = ['init out --examples', 'init out2 --examples --lang en', 'rules', 'rules --lang en', '--help', 'check out', 'review out', 'score out --format json', 'lint out', 'roi out', 'freight --to 广东 --weight 3', 'media out', 'check --help'];
    for (const cmd of commands) {
      for (let i = 0; i < 2; i++) {
        const run = spawnSync('bash', ['-c', `node ${bin} ${cmd} | head -c 20 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
        expect(run.stderr, cmd).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
        expect(run.stdout, cmd).toMatch(/exit=[012]\n/);
      }
    }
  }, 120_000);

  it('through a pipe and into --output, each format is byte for byte the report as written a piece at a time, however its lines are gathered', async () => {
    const dir = tempDir();
    const csv = ordersCsv(dir, 5_000);
    for (const format of ['github', 'text', 'json', 'junit', 'html']) {
      const args = ['review', csv, '--all', '--format', format, ...NOW];
      // in-process, each piece the writer makes goes to the collector as it is made: nothing gathered
      const pieces = await ecsop(args, { cwd: dir });
      const piped = spawnSync(process.execPath, [bin, ...args], { cwd: dir, maxBuffer: 1 << 28 });
      const written = spawnSync(process.execPath, [bin, ...args, '--output', `report.${format}`], { cwd: dir });
      expect(piped.status, format).toBe(pieces.code);
      expect(written.status, format).toBe(pieces.code);
      expect(piped.stdout.length, format).toBeGreaterThan(20_000);
      expect(piped.stdout.toString('utf8'), format).toBe(pieces.stdout);
      expect(readFileSync(join(dir, `report.${format}`), 'utf8'), format).toBe(pieces.stdout);
    }
  }, 120_000);

  it('a reader of the pipe sees the first file\'s lines while the run goes on (a long run is not silent until it ends)', async () => {
    const dir = tempDir();
    ordersCsv(dir, 5, 'a-small.csv');
    // then a large file with nothing to say: the small file's lines are all there is to show for a while
    const clean = ['订单号,收件地址,金额,电话'];
    for (let i = 0; i < 150_000; i++) clean.push(`B${i},广东省广州市天河区体育西路${i}号,${100 + (i % 50)},13812345678`);
    writeFileSync(join(dir, 'b-large.csv'), `${clean.join('\n')}\n`);
    const child = spawn(process.execPath, [bin, 'check', '.', '--all', '--jobs', '1', '--format', 'github', ...NOW], { cwd: dir });
    let first: { at: number; line: string } | undefined;
    let output = '';
    child.stdout.on('data', (c: Buffer) => { first ??= { at: Date.now(), line: c.toString('utf8').split('\n')[0] }; output += c; });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const end = Date.now();
    expect(code).toBe(0);
    expect(output.split('\n').filter(Boolean).every((l) => l.includes('file=a-small.csv'))).toBe(true);
    expect(first!.line).toMatch(/^::warning file=a-small\.csv,/);
    // the large file takes a second or more to read; the small file's lines came long before its end
    expect(end - first!.at).toBeGreaterThan(300);
  }, 60_000);

  it('stdout and stderr into one log (2>&1) keep the order they were said in: a file\'s section before the line saying its copy was written', () => {
    const dir = tempDir();
    ordersCsv(dir, 5, 'a-small.csv');
    ordersCsv(dir, 100_000, 'b-large.csv');
    const run = spawnSync('bash', ['-c', `node ${bin} check a-small.csv b-large.csv --jobs 1 --annotate-dir out ${NOW.join(' ')} 2>&1 | cat`], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const lines = run.stdout.split('\n');
    const section = lines.findIndex((l) => l.startsWith('a-small.csv:'));
    const wrote = lines.findIndex((l) => /a-small\.xlsx/.test(l));
    const large = lines.findIndex((l) => l.startsWith('b-large.csv:'));
    expect(section).toBeGreaterThanOrEqual(0);
    expect(wrote).toBeGreaterThan(section);
    // said while the large file was still read, and shown so
    expect(large).toBeGreaterThan(wrote);
  }, 60_000);

  it('Ctrl-C leaves no partial output file and no temporary file', async () => {
    const dir = tempDir();
    ordersCsv(dir, 10, 'a-small.csv');
    ordersCsv(dir, 300_000, 'b-large.csv');
    const child = spawn(process.execPath, [bin, 'check', '.', '--all', '--jobs', '1', '--output', 'report.txt'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += c; });
    // once the small file's section is written (to the temporary file), interrupt
    for (let i = 0; i < 500 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(join(dir, 'report.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
