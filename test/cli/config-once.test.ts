import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configOf } from '../../src/cli/common.js';
import type { Io } from '../../src/cli/io.js';
import { ecsop, tempDir } from '../helpers/cli.js';

const ioIn = (cwd: string): Io => ({ stdout: () => {}, stderr: () => {}, cwd, env: {}, stdoutTTY: false, stderrTTY: false });

describe('the config is read and validated once per run (issue #23)', () => {
  it('the language of the run and the command get the same config, not a second reading', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ lang: 'en' }));
    const io = ioIn(dir);
    const first = configOf(io, undefined);
    // changed on disk after the run read it: the run keeps what it read
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ lang: 'zh' }));
    expect(configOf(io, undefined)).toBe(first);
    expect(configOf(io, undefined).lang).toBe('en');
    // another file asked for is read
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ lang: 'zh' }));
    expect(configOf(io, 'other.json').lang).toBe('zh');
  });

  it('a broken config is one error, said by the command in the locale\'s language', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ecsop.config.json'), '{ "lang": ');
    const r = await ecsop(['rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ecsop\.config\.json:第 1 行第 \d+ 列附近不是有效的 JSON/);
  });

});
