import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * Every report output is a safe write (issue #22): `-o FILE` never replaces a file ecsop did not
 * write unless --force (and then keeps it as a numbered backup); a device, pipe or link is never
 * replaced by a regular file; `-o -` is standard output.
 */
const example = join(__dirname, '../../examples/01-市场调研与选品.xlsx');
let dir: string;
let input: string;

beforeAll(() => {
  dir = tempDir('output-paths-');
  input = join(dir, 'in.xlsx');
  copyFileSync(example, input);
  process.env.ECSOP_STATE_DIR = join(dir, 'state');
});

describe('-o FILE for a report', () => {
  it("refuses to replace the user's own file (notes.md) without --force, and keeps it as a backup with --force", async () => {
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# 我的笔记\n');
    const refused = await ecsop(['check', input, '-o', notes], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/notes\.md.*已存在.*--force/);
    expect(readFileSync(notes, 'utf8')).toBe('# 我的笔记\n');
    const forced = await ecsop(['check', input, '-o', notes, '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(readFileSync(`${notes}.bak`, 'utf8')).toBe('# 我的笔记\n');
    expect(readFileSync(notes, 'utf8')).toMatch(/in\.xlsx/);
  });

  it.each(['html', 'json', 'junit', 'text'])('an earlier %s report of ecsop is replaced without --force', async (format) => {
    const out = join(dir, `report-${format}.${format === 'junit' ? 'xml' : format === 'text' ? 'txt' : format}`);
    expect((await ecsop(['check', input, '-f', format, '-o', out], { cwd: dir })).code).toBe(1);
    const again = await ecsop(['check', input, '-f', format, '-o', out], { cwd: dir });
    expect(again.code, again.stderr).toBe(1);
    expect(existsSync(`${out}.bak`)).toBe(false);
  });

  it('a report edited by the user since is theirs again', async () => {
    const out = join(dir, 'edited.txt');
    await ecsop(['check', input, '-o', out], { cwd: dir });
    writeFileSync(out, `${readFileSync(out, 'utf8')}\n我加的备注\n`);
    const again = await ecsop(['check', input, '-o', out], { cwd: dir });
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toMatch(/我加的备注/);
  });

  it('`-o -` is standard output', async () => {
    const r = await ecsop(['check', input, '-f', 'json', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('a link, a pipe or a device is refused with one line and stays what it was', async () => {
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'keep');
    const link = join(dir, 'link.txt');
    symlinkSync(target, link);
    const viaLink = await ecsop(['check', input, '-o', link, '--force'], { cwd: dir });
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr.trim().split('\n')).toHaveLength(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const viaFifo = await ecsop(['check', input, '-o', fifo, '--force'], { cwd: dir });
      expect(viaFifo.code).toBe(2);
      expect(viaFifo.stderr).toMatch(/不是普通文件/);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });
});
