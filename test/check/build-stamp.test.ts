import { appendFileSync, copyFileSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tellBuild } from '../../src/check/build-stamp.js';
import { tempDir } from '../helpers/cli.js';

/** A build folder of its own: the six files that make a build, small. */
function fakeBuild(): string {
  const dir = join(tempDir('ecsop-build-'), 'dist');
  mkdirSync(dir);
  for (const name of ['ecsop.js', 'ecsop.cjs', 'worker.js', 'worker.cjs', 'load-bundle.js', 'sheet-reader.js']) writeFileSync(join(dir, name), `// ${name}\nmodule.exports = 1;\n`);
  return dir;
}

describe('the build the cache tells apart (check/build-stamp.ts)', () => {
  it('is its files\' content: the same bytes elsewhere are the same stamp, a changed byte another', () => {
    const a = fakeBuild();
    const b = fakeBuild();
    expect(tellBuild(a).stamp).toBe(tellBuild(b).stamp);
    writeFileSync(join(b, 'worker.cjs'), '// worker.cjs\nmodule.exports = 2;\n');
    expect(tellBuild(b).stamp).not.toBe(tellBuild(a).stamp);
  });

  it('tells apart contents that a CRC-32 does not: "plumless" and "buckeroo" sum alike and are two builds', () => {
    const a = fakeBuild();
    const b = fakeBuild();
    writeFileSync(join(a, 'worker.cjs'), '// plumless\n');
    writeFileSync(join(b, 'worker.cjs'), '// buckeroo\n');
    expect(tellBuild(a).stamp).not.toBe(tellBuild(b).stamp);
  });

  it('takes what an earlier run worked out while the files are the very same ones, and reads them again once they are not', () => {
    const dir = fakeBuild();
    const first = tellBuild(dir);
    // the files as they were: the stamp kept (a stamp no content gives, to tell it was taken and not worked out)
    expect(tellBuild(dir, { files: first.files, stamp: 'kept' }).stamp).toBe('kept');
    // another folder's record is no record of this one
    expect(tellBuild(fakeBuild(), { files: first.files, stamp: 'kept' }).stamp).toBe(first.stamp);
    // a file written again with the same size and its modification time set back: its change time tells
    const path = join(dir, 'sheet-reader.js');
    const { atime, mtime } = statSync(path);
    const same = readFileSync(path, 'utf8');
    writeFileSync(path, same.replace('1;', '2;'));
    utimesSync(path, atime, mtime);
    const after = tellBuild(dir, { files: first.files, stamp: 'kept' });
    expect(after.stamp).not.toBe('kept');
    expect(after.stamp).not.toBe(first.stamp);
    // a file added to (a rebuilt bundle), or replaced by a copy of itself (a reinstall: another inode)
    const grown = tellBuild(dir);
    appendFileSync(join(dir, 'ecsop.cjs'), '// another build\n');
    expect(tellBuild(dir, { files: grown.files, stamp: 'kept' }).stamp).not.toBe('kept');
    const copied = tellBuild(dir);
    copyFileSync(join(dir, 'worker.js'), join(dir, 'worker.js.tmp'));
    copyFileSync(join(dir, 'worker.js.tmp'), join(dir, 'worker.js'));
    const again = tellBuild(dir, { files: copied.files, stamp: 'kept' });
    // the content is the same: worked out again, to the same stamp
    expect(again.stamp).toBe(copied.stamp);
  });
});
