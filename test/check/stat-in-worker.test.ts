import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsOnce } from '../../src/check/files.js';
import { closeWorkers, statInWorkers, warmWorkers } from '../../src/check/run.js';
import { statValues } from '../../src/check/stat-values.js';
import { resolveConfig } from '../../src/config/config.js';
import { statOrNone } from '../../src/workbook/stat-or-none.js';
import { ecsop, tempDir } from '../helpers/cli.js';

const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];

/**
 * A run over many inputs has their `stat`s taken by a worker while it reads its cache (issue #26):
 * each is the one the run would have taken itself — a file, a folder, nothing there, a link — and
 * what depends on them (the output's never-onto-an-input check, the cache's lookups) is unchanged.
 */
describe('the inputs looked at by a worker', () => {
  it('gives each path the stat this thread would take', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'x\n');
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'a.csv'), join(dir, 'link.csv'));
    const paths = ['a.csv', 'folder', 'missing.csv', 'link.csv', 'a.csv/below'].map((p) => join(dir, p));
    const config = resolveConfig({});
    warmWorkers(config);
    // a worker answers once it has loaded its code
    let values: Float64Array | undefined;
    for (let i = 0; i < 200 && !values; i++) {
      values = await statInWorkers(config, paths);
      if (!values) await new Promise((r) => setTimeout(r, 20));
    }
    expect(values).toEqual(statValues(paths));
    const statOf = statsOnce();
    statOf.fill(paths, values!);
    for (const p of paths) {
      const own = statOrNone(p);
      const kept = statOf(p);
      expect(kept === undefined, p).toBe(own === undefined);
      if (own && kept) expect({ dev: kept.dev, ino: kept.ino, size: kept.size, mtimeMs: kept.mtimeMs, ctimeMs: kept.ctimeMs, file: kept.isFile() }, p).toEqual({ dev: own.dev, ino: own.ino, size: own.size, mtimeMs: own.mtimeMs, ctimeMs: own.ctimeMs, file: own.isFile() });
    }
    await closeWorkers();
    // no worker: none answers, and the run takes its stats itself
    expect(await statInWorkers({ limits: { workerHeapMB: 1234 } } as never, paths)).toBeUndefined();
    await closeWorkers();
  });

  it('a worker still loading its code takes them (this thread may not have heard its `ready` yet), and warms up after them', async () => {
    await closeWorkers();
    const dir = tempDir();
    const paths = Array.from({ length: 50 }, (_, i) => join(dir, `f${i}.xlsx`));
    for (const p of paths.slice(0, 25)) writeFileSync(p, 'x');
    const config = resolveConfig({});
    warmWorkers(config);
    // asked at once: the worker was started a moment ago (before, this was undefined and the caller took them itself)
    const values = await statInWorkers(config, paths, join(root, 'examples', '05-订单处理与履约.xlsx'));
    expect(values).toEqual(statValues(paths));
    await closeWorkers();
  });

  it('a drive of 600 files: a report named as one of them is refused, and the cache answers for all of them', async () => {
    const dir = tempDir('ecsop-stat-worker-');
    mkdirSync(join(dir, '盘'));
    const example = join(root, 'examples', '05-订单处理与履约.xlsx');
    for (let i = 0; i < 600; i++) copyFileSync(example, join(dir, '盘', `${String(i).padStart(3, '0')}.xlsx`));
    const before = readFileSync(join(dir, '盘', '123.xlsx'));
    const refused = await ecsop(['check', '盘', '-o', '盘/123.xlsx', '--force', ...NOW], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, '盘', '123.xlsx')).equals(before)).toBe(true);
    // one of them under another name (a hard link: another path to its inode), as the report's output
    linkSync(join(dir, '盘', '007.xlsx'), join(dir, 'same.txt'));
    const linked = await ecsop(['check', '盘', '-o', 'same.txt', '--force', ...NOW], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(readFileSync(join(dir, 'same.txt')).equals(before)).toBe(true);
    const cold = await ecsop(['check', '盘', '--cache', '-o', 'r.txt', ...NOW], { cwd: dir });
    expect(cold.stderr).toMatch(/0 个文件未变,直接用上次结果;600 个文件重新检查/);
    const warm = await ecsop(['check', '盘', '--cache', '-o', 'r2.txt', ...NOW], { cwd: dir });
    expect(warm.stderr).toMatch(/600 个文件未变,直接用上次结果;0 个文件重新检查/);
    expect(readFileSync(join(dir, 'r2.txt'), 'utf8')).toBe(readFileSync(join(dir, 'r.txt'), 'utf8'));
    expect(readdirSync(join(dir, '盘'))).toHaveLength(600);
  });
});
