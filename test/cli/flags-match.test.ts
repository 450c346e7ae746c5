import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop } from '../helpers/cli.js';

const examples = join(__dirname, '../../examples');

describe('a flag that matches nothing is a usage error, never a silent pass (issue #24)', () => {
  it('--sheet naming no sheet of any file: exit 2, one line naming the flag, in the run\'s language', async () => {
    for (const cmd of ['check', 'score']) {
      const r = await ecsop([cmd, '.', '--sheet', '不存在'], { cwd: examples });
      expect(r.code, cmd).toBe(2);
      expect(r.stderr.trim().split('\n'), cmd).toHaveLength(1);
      expect(r.stderr, cmd).toMatch(/--sheet 不存在:读取的 5 个文件里都没有这个名称的工作表/);
    }
    const en = await ecsop(['check', '.', '--sheet', '不存在', '--lang', 'en'], { cwd: examples });
    expect(en.stderr).toMatch(/none of the 5 files read has a sheet of this name/);
  });
  it('--sheet naming a sheet of one file checks that sheet only', async () => {
    const r = await ecsop(['check', '.', '--sheet', '订单', '-f', 'json'], { cwd: examples });
    expect(JSON.parse(r.stdout).summary.sheets).toBe(1);
    expect(r.code).not.toBe(2);
  });
});

describe('--lang before the command (issue #24: `ecsop --lang zh` alone works)', () => {
  it('is the run\'s language, for the program\'s help and for the command', async () => {
    const alone = await ecsop(['--lang', 'zh'], { cwd: examples });
    expect(alone.stdout + alone.stderr).toMatch(/用法: ecsop \[选项\] \[命令\]/);
    expect(alone.stdout + alone.stderr).not.toMatch(/未知选项|unknown option/);
    const check = await ecsop(['--lang=en', 'check', '.'], { cwd: examples });
    expect(check.stdout).toMatch(/^Checked 5 files/m);
    const zh = await ecsop(['--lang', 'zh', 'check', '.'], { cwd: examples, env: { LANG: 'en_US.UTF-8' } });
    expect(zh.stdout).toMatch(/^共检查 5 个文件/m);
  });
});
