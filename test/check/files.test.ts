import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles, isSkippedName, PathError } from '../../src/check/files.js';
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
