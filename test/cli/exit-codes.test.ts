import { writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const HEADER = ['产品名称', '市场需求度', '竞争强度', '利润空间', '供应链难度', '综合得分', '选品建议'];
const rows = (n: number, score: number) => Array.from({ length: n }, (_, i) => [`款${i}`, 4, 4, 4, 4, score, '通过']);

/** One test per row of docs/exit-codes.md. */
describe('exit codes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeWorkbook(join(dir, 'clean.xlsx'), { s: [HEADER, ...rows(10, 4)] });
    await writeWorkbook(join(dir, 'warn.xlsx'), { s: [HEADER, ...rows(3, 4)] });
    await writeWorkbook(join(dir, 'error.xlsx'), { s: [HEADER, ...rows(10, 4.1)] });
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
  });
  const run = (args: string[], cwd = dir) => ecsop(args, { cwd });

  it('0: clean', async () => expect((await run(['check', 'clean.xlsx'])).code).toBe(0));
  // the report not written to standard output: test/cli/stdout-failed.test.ts (a real process, /dev/full)
  it.runIf(existsSync('/dev/null'))('2: an --output that is no regular file', async () => {
    const res = await run(['check', 'clean.xlsx', '-o', '/dev/null']);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('0: only warnings with the default --fail-on error', async () => expect((await run(['check', 'warn.xlsx'])).code).toBe(0));
  it('0: --help and --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check');
    expect((await run(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await run(['check', '--help'])).code).toBe(0);
  });
  it('0: init and rules', async () => {
    expect((await run(['init', tempDir()])).code).toBe(0);
    expect((await run(['rules'])).code).toBe(0);
  });
  it('2: suppressions no longer needed, until pruned or passed on', async () => {
    const own = tempDir();
    await writeWorkbook(join(own, 'error.xlsx'), { s: [HEADER, ...rows(10, 4.1)] });
    expect((await run(['check', 'error.xlsx', '--suppress-all'], own)).code).toBe(0);
    await writeWorkbook(join(own, 'error.xlsx'), { s: [HEADER, ...rows(10, 4)] });
    expect((await run(['check', 'error.xlsx'], own)).code).toBe(2);
    expect((await run(['check', 'error.xlsx', '--pass-on-unpruned-suppressions'], own)).code).toBe(0);
    expect((await run(['check', 'error.xlsx', '--prune-suppressions'], own)).code).toBe(0);
    expect((await run(['check', 'error.xlsx'], own)).code).toBe(0);
  });
  it('1: an error finding', async () => expect((await run(['check', 'error.xlsx'])).code).toBe(1));
  it('1: --fail-on warning with a warning', async () => expect((await run(['check', 'warn.xlsx', '--fail-on', 'warning'])).code).toBe(1));
  it('1: more warnings than --max-warnings', async () => {
    expect((await run(['check', 'warn.xlsx', '--max-warnings', '0'])).code).toBe(1);
    expect((await run(['check', 'warn.xlsx', '--max-warnings', '1'])).code).toBe(0);
  });
  it('1: an unreadable file, and the others are still checked', async () => {
    const res = await run(['check', 'broken.xlsx', 'clean.xlsx', '--format', 'json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).files.map((f: { status: string }) => f.status)).toEqual(['error', 'ok']);
  });
  it('2: a path that does not exist, or a glob that matches nothing', async () => {
    const res = await run(['check', 'clean.xlsx', 'missing.xlsx']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('missing.xlsx');
    expect((await run(['check', 'nothing/*.xlsx'])).code).toBe(2);
  });
  it('2: a bad config file', async () => {
    const d = tempDir();
    await writeWorkbook(join(d, 'clean.xlsx'), { s: [HEADER, ...rows(10, 4)] });
    writeFileSync(join(d, 'ecsop.config.json'), '{ not json');
    expect((await run(['check', 'clean.xlsx'], d)).code).toBe(2);
    writeFileSync(join(d, 'ecsop.config.json'), JSON.stringify({ sop: { selection: { wieghts: {} } } }));
    const unknown = await run(['check', 'clean.xlsx'], d);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('sop.selection');
    expect(unknown.stderr).toContain('wieghts');
    writeFileSync(join(d, 'ecsop.config.json'), JSON.stringify({ sop: { selection: { weights: { demand: 30, competition: 30, profit: 25, supply: 20 } } } }));
    const weights = await run(['check', 'clean.xlsx'], d);
    expect(weights.code).toBe(2);
    // said in the run's language (a Chinese run here), never the schema's English
    expect(weights.stderr).toContain('sop.selection.weights:权重须为整数百分点且合计 100');
    expect(weights.stderr).not.toMatch(/sum to 100/);
  });
  it('2: an unknown command, flag or flag value', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['check', 'clean.xlsx', '--frob'])).code).toBe(2);
    expect((await run(['check', 'clean.xlsx', '--format', 'xml'])).code).toBe(2);
    expect((await run(['check', 'clean.xlsx', '--fail-on', 'fatal'])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
  });
  it('2: init over existing workbooks without --force', async () => {
    const d = tempDir();
    await run(['init', d]);
    expect((await run(['init', d])).code).toBe(2);
  });
});
