import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');
const examples = join(root, 'examples');

/**
 * A report that cannot be written to standard output (a full disk, an I/O error; /dev/full here) is
 * never a silent success (outsider helper-92: exit 0, nothing said, and a CI job looked green). A reader
 * that goes away (`| head`) is no failure: the rest is not wanted.
 */
describe.runIf(existsSync('/dev/full'))('standard output that cannot be written', () => {
  it.each([
    ['check, text', ['check', examples]],
    ['check, JSON', ['check', examples, '-f', 'json']],
    ['review, JUnit', ['review', join(examples, '05-订单处理与履约.xlsx'), '-f', 'junit']],
    ['rules', ['rules']],
  ])('%s: one line saying so, exit 2', (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, ...args, ...(args[0] === 'rules' ? [] : ['--now', '2024-05-21T12:00'])], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ecsop: 报告没有写完:写到标准输出时出错\(ENOSPC\)/)]);
    } finally {
      closeSync(full);
    }
  });

  it('a reader that stops early (| head -1) is no failure: the command\'s own exit code, nothing said', async () => {
    const child = spawn(process.execPath, [bin, 'check', examples, '-f', 'json', '--now', '2024-05-21T12:00'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });
});
