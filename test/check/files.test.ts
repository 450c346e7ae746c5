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
  it('a name that is not UTF-8 (GBK from a zip unpacked on Linux) is a finding of its own, never another file\'s, with its GBK reading (outsider helper-37: two such names were one file, ENOENT)', async () => {
    if (process.platform !== 'linux') return;
    const dir = tempDir();
    const at = (...bytes: Array<number | string>) => Buffer.concat([Buffer.from(`${dir}/`), ...bytes.map((b) => (typeof b === 'string' ? Buffer.from(b) : Buffer.from([b])))]);
    // 订单.xlsx in GBK; two names that are no encoding's; a name of U+FFFD itself (valid UTF-8: an ordinary file)
    for (const name of [at(0xb6, 0xa9, 0xb5, 0xa5, '.xlsx'), at(0xff, 0xfe, '.xlsx'), at(0xff, 0xfd, '.xlsx'), at('\uFFFD真名.xlsx'), at('ok.xlsx')]) writeFileSync(name, 'x');
    // a folder 文件夹 in GBK, a workbook in it
    mkdirSync(at(0xce, 0xc4, 0xbc, 0xfe, 0xbc, 0xd0));
    // a GBK-named file that is no workbook (说明, no extension): passed over, as any other such file
    writeFileSync(at(0xcb, 0xb5, 0xc3, 0xf7), 'x');
    writeFileSync(at(0xce, 0xc4, 0xbc, 0xfe, 0xbc, 0xd0, '/a.xlsx'), 'x');
    const found = await findFiles([dir], dir);
    const shown = found.map((f) => [f.display, f.problem?.reason, f.problem?.data.gbk]);
    expect(shown).toEqual(expect.arrayContaining([
      ['\\xB6\\xA9\\xB5\\xA5.xlsx', 'name-encoding', '订单.xlsx'],
      ['\\xFF\\xFE.xlsx', 'name-encoding', '\\xFF\\xFE.xlsx'],
      ['\\xFF\\xFD.xlsx', 'name-encoding', '\\xFF\\xFD.xlsx'],
      // a folder's name (目录 in GBK): what is in it cannot be named either
      // (C4 BC happens to be UTF-8, ļ: shown as it reads)
      ['\\xCEļ\\xFE\\xBC\\xD0', 'name-encoding', '文件夹'],
      ['\uFFFD真名.xlsx', undefined, undefined],
      ['ok.xlsx', undefined, undefined],
    ]));
    expect(found).toHaveLength(6);
  });


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

  it('passes over the recycle bins and snapshots of a NAS and of Windows, unless the path names one (outsider helper-115)', async () => {
    const dir = tempDir('ecsop-files-recycle-');
    const bins = ['#recycle', '#snapshot', '@eaDir', '@Recycle', '@Recently-Snapshot', '$RECYCLE.BIN', 'RECYCLER', 'RECYCLED', 'System Volume Information', 'lost+found', '~snapshot', 'Network Trash Folder', 'Temporary Items', '@GMT-2024.06.01-10.00.00', '#RECYCLE'];
    for (const bin of bins) {
      mkdirSync(join(dir, '共享盘', bin, '店铺A'), { recursive: true });
      writeFileSync(join(dir, '共享盘', bin, '店铺A', '旧版.xlsx'), 'x');
    }
    mkdirSync(join(dir, '共享盘/店铺A/#recycle'), { recursive: true });
    writeFileSync(join(dir, '共享盘/店铺A/#recycle/删掉的.xlsx'), 'x');
    writeFileSync(join(dir, '共享盘/店铺A/订单.xlsx'), 'x');
    // a folder whose name only looks like one is read
    mkdirSync(join(dir, '共享盘/recycle'), { recursive: true });
    writeFileSync(join(dir, '共享盘/recycle/留着.xlsx'), 'x');
    expect((await findFiles(['共享盘'], dir)).map((f) => f.display)).toEqual(['共享盘/recycle/留着.xlsx', '共享盘/店铺A/订单.xlsx']);
    expect((await findFiles(['共享盘/**/*.xlsx'], dir)).map((f) => f.display)).toEqual(['共享盘/recycle/留着.xlsx', '共享盘/店铺A/订单.xlsx']);
    // named: read
    expect((await findFiles(['共享盘/#recycle'], dir)).map((f) => f.display)).toEqual(['共享盘/#recycle/店铺A/旧版.xlsx']);
    expect((await findFiles(['共享盘/@Recycle/店铺A/旧版.xlsx'], dir)).map((f) => f.display)).toEqual(['共享盘/@Recycle/店铺A/旧版.xlsx']);
    // a pattern that names one: read too (outsider helper-117: "no file matches"); one its wildcards reach: not
    expect((await findFiles(['共享盘/#recycle/*/*.xlsx'], dir)).map((f) => f.display)).toEqual(['共享盘/#recycle/店铺A/旧版.xlsx']);
    expect((await findFiles(['共享盘/$RECYCLE.BIN/**/*.xlsx'], dir)).map((f) => f.display)).toEqual(['共享盘/$RECYCLE.BIN/店铺A/旧版.xlsx']);
    await expect(findFiles(['共享盘/*/店铺A/*.xlsx'], dir)).rejects.toBeInstanceOf(PathError);
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
