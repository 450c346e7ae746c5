import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, findFiles, isSkippedName, PathError, statsOnce } from '../../src/check/files.js';
import { tempDir } from '../helpers/cli.js';

function tree(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  mkdirSync(join(dir, '.hidden'));
  mkdirSync(join(dir, 'other'));
  for (const f of ['a/1.xlsx', 'a/b/2.csv', 'a/~$1.xlsx', 'a/.~lock.1.xlsx#', 'a/.secret.xlsx', '.hidden/3.xlsx', 'a/notes.txt', 'a/old.xls', 'other/4.xlsx']) writeFileSync(join(dir, f), 'x');
  symlinkSync(join(dir, 'other'), join(dir, 'a/link-to-other'));
  symlinkSync(join(dir, 'a/1.xlsx'), join(dir, 'a/b/same-file.xlsx'));
  return dir;
}

describe('findFiles', () => {
  it('walks folders, skips lock and hidden files, does not follow folder links, visits each file once', async () => {
    const dir = tree();
    const found = await findFiles(['a'], dir);
    expect(found.map((f) => f.display)).toEqual(['a/1.xlsx', 'a/b/2.csv', 'a/old.xls']);
  });

  it('expands globs and does not repeat a file named twice', async () => {
    const dir = tree();
    const found = await findFiles(['a/**/*.csv', 'a/b/2.csv', 'other'], dir);
    expect(found.map((f) => f.display)).toEqual(['a/b/2.csv', 'other/4.xlsx']);
  });

  it('takes a file named explicitly whatever its extension', async () => {
    const dir = tree();
    expect((await findFiles(['a/notes.txt'], dir)).map((f) => f.display)).toEqual(['a/notes.txt']);
  });

  it.each([['missing.xlsx'], ['nothing/*.xlsx']])('%s is an error', async (p) => {
    await expect(findFiles([p], tree())).rejects.toBeInstanceOf(PathError);
  });

  it.each([['~$报表.xlsx', true], ['.~lock.报表.xlsx#', true], ['.DS_Store', true], ['报表.xlsx', false]] as const)('isSkippedName(%j) = %s', (n, skip) => {
    expect(isSkippedName(n)).toBe(skip);
  });
});

describe('displayPath', () => {
  /** What it gave before it had a shortcut for files under the current folder: `relative`, or the path itself outside. */
  const byRelative = (abs: string, cwd: string) => { const rel = relative(cwd, abs); return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/'); };
  it('names a file as `relative` does, under the current folder or not, whatever the folder is written like', () => {
    const cwds = ['/srv/drive', '/srv/drive/', '/srv/./drive', '/srv/x/../drive', '/', '/srv', '/srv/drive/店铺A'];
    const files = ['/srv/drive/a.xlsx', '/srv/drive/店铺A/订单 1.xlsx', '/srv/drive/..data/x.csv', '/srv/drive/.../x.csv', '/srv/drive/a/./b.xlsx', '/srv/drive/a/../b.xlsx',
      '/srv/drive2/a.xlsx', '/srv/drive', '/srv/drive/', '/srv/drive//a.xlsx', '/other/a.xlsx', '/srv/drive/a b/c.xlsx',
      '/srv/drive/a/.', '/srv/drive/a/..', '/srv/drive/.hidden/x.csv', '/srv/drive/a./b.xlsx', '/srv/drive/a/..b/c.csv', '/srv/drive/a/b..', '/srv/drive/a/./', '/srv/drive///a.xlsx'];
    for (const cwd of cwds) for (const abs of files) expect([cwd, abs, displayPath(abs, cwd)]).toEqual([cwd, abs, byRelative(abs, cwd)]);
    // posix names, as the drive's files are written on this machine
    expect(displayPath(posix.join('/srv/drive', '店铺A', '1.xlsx'), '/srv/drive')).toBe('店铺A/1.xlsx');
  });
});

describe('a run\'s stats of its inputs', () => {
  it('each file is looked at once a run, whoever asks first; the next run looks again and sees a change', () => {
    const dir = tempDir();
    const f = join(dir, 'a.csv');
    writeFileSync(f, '订单号\n1\n');
    const run = statsOnce();
    const first = run(f);
    expect(first?.size).toBe(12);
    writeFileSync(f, '订单号\n1\n2\n');
    // the same run keeps what it saw before reading (the cache compares it with the file after the check)
    expect(run(f)).toBe(first);
    expect(statsOnce()(f)?.size).toBe(14);
    expect(run(join(dir, 'gone.csv'))).toBeUndefined();
  });
});
