import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/cli/load-bundle.js';
import { tempDir } from '../helpers/cli.js';
import { installOfItsOwn } from '../helpers/install.js';
import { mp4 } from '../helpers/media.js';

const dist = join(__dirname, '../../dist');

/** Runs an ES module script in a fresh node, as the command starts; what it prints. */
function fresh(script: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'probe.mjs'), script);
  const r = spawnSync(process.execPath, [join(dir, 'probe.mjs')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

/**
 * The CLI and its workers are CommonJS bundles compiled with the code cache the build made of
 * them (issue #25: compiling them was 90 ms of every start and of every worker's). A cache that
 * does not fit only costs the time it was to save: V8 refuses it and the bundle is compiled.
 */
describe('the bundles with their code caches', () => {
  it('the bundles are ASCII, read as one-byte strings (a Chinese character in a comment or a regular expression made each a two-byte string, 40 ms to read)', () => {
    for (const name of ['ecsop.cjs', 'worker.cjs']) {
      const bytes = readFileSync(join(dist, name));
      expect(bytes.findIndex((b) => b > 0x7f), name).toBe(-1);
    }
    // what the escapes stand for still reads: a rule's Chinese words, matched by a regular expression of the bundle
    const r = spawnSync(process.execPath, [join(dist, '../bin/ecsop.js'), 'lint', '--text', '全网最低价 连衣裙', '--lang', 'zh'], { encoding: 'utf8' });
    expect(r.stdout).toContain('title-price-claim');
  });

  it('a bundle edited to the same length runs as edited: its cache, made of the bundle before, is not taken (outsider helper-71: V8 tells a source by its length alone)', () => {
    const install = installOfItsOwn('same-length');
    try {
      const version = () => spawnSync(process.execPath, [join(install, 'bin/ecsop.js'), '--version'], { encoding: 'utf8' }).stdout.trim();
      const before = version();
      expect(before).toMatch(/^\d+\.\d+\.\d+/);
      const bundle = join(install, 'dist', 'ecsop.cjs');
      const text = readFileSync(bundle, 'latin1');
      const edited = text.replace(`var VERSION = "${before}";`, `var VERSION = "${before.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}";`);
      expect(edited.length).toBe(text.length);
      expect(edited).not.toBe(text);
      writeFileSync(bundle, edited, 'latin1');
      expect(version()).not.toBe(before);
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });

  it('the build made a cache of each that this node takes, V8 tuned first as bin/ecsop.js and dist/ecsop.js do', () => {
    if (!existsSync(join(dist, 'ecsop.cjs.v8cache'))) throw new Error('run `npm run build` first (npm test does)');
    const load = pathToFileURL(join(dist, 'load-bundle.js')).href;
    const out = fresh(`
      import { Worker } from 'node:worker_threads';
      import { writeFileSync } from 'node:fs';
      // as bin/ecsop.js does before it loads the CLI
      const { tuneV8 } = await import(${JSON.stringify(pathToFileURL(join(dist, 'ahead.js')).href)});
      tuneV8();
      const { loadBundle } = await import(${JSON.stringify(load)});
      const cli = loadBundle(new URL(${JSON.stringify(pathToFileURL(join(dist, 'ecsop.cjs')).href)}));
      console.log('cli', cli.script.cachedDataRejected);
      const probe = new URL('./worker-probe.mjs', import.meta.url);
      writeFileSync(probe, \`
        import { parentPort } from 'node:worker_threads';
        const { loadBundle } = await import(\${JSON.stringify(${JSON.stringify(load)})});
        const { script } = loadBundle(new URL(\${JSON.stringify(${JSON.stringify(pathToFileURL(join(dist, 'worker.cjs')).href)})}));
        parentPort.postMessage({ rejected: script.cachedDataRejected });
      \`);
      const w = new Worker(probe, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
      w.on('message', (m) => { if ('rejected' in m) { console.log('worker', m.rejected); void w.terminate(); } });
    `);
    expect(out.split('\n')).toEqual(['cli false', 'worker false']);
  });

  it('each cache holds the code a check runs, not only what loading runs (made after the build had the CLI check the examples)', () => {
    // what a cache made right after loading holds, as the build made it before: the bundle compiled and run, nothing more
    const bare = (name: string) => Number(fresh(`
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import vm from 'node:vm';
      const { tuneV8 } = await import(${JSON.stringify(pathToFileURL(join(dist, 'ahead.js')).href)});
      tuneV8();
      const file = ${JSON.stringify(join(dist, '__NAME__'))}.replace('__NAME__', ${JSON.stringify(name)});
      const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})', { filename: file });
      const module = { exports: {} };
      if (${JSON.stringify(name)} === 'ecsop.cjs') script.runInThisContext()(module.exports, createRequire(file), module, file, ${JSON.stringify(dist)});
      console.log(script.createCachedData().length);
    `));
    for (const name of ['ecsop.cjs', 'worker.cjs']) {
      const made = readFileSync(join(dist, `${name}.v8cache`)).length;
      // the functions a run calls were compiled when the cache was made: it is larger by their code
      expect([name, made > bare(name) * 1.1]).toEqual([name, true]);
    }
  });

  it('a damaged or foreign cache is refused and the bundle compiled: the command works as before', () => {
    const dir = tempDir();
    copyFileSync(join(dist, 'ecsop.cjs'), join(dir, 'ecsop.cjs'));
    writeFileSync(join(dir, 'ecsop.cjs.v8cache'), Buffer.from('not a code cache of this node, nor of any'));
    // not made of this bundle (its first bytes, the bundle's CRC-32, differ): never given to V8
    const foreign = loadBundle(pathToFileURL(join(dir, 'ecsop.cjs')));
    expect(foreign.script.cachedDataRejected).toBeUndefined();
    expect(foreign.exports.VERSION).toMatch(/^\d+\.\d+\.\d+/);
    // made of this bundle and damaged after: V8 refuses it (a folder of its own: V8 keeps a script it compiled by its name and source)
    const crc = readFileSync(join(dist, 'ecsop.cjs.v8cache')).subarray(0, 4);
    const hurt = tempDir();
    copyFileSync(join(dist, 'ecsop.cjs'), join(hurt, 'ecsop.cjs'));
    writeFileSync(join(hurt, 'ecsop.cjs.v8cache'), Buffer.concat([crc, Buffer.from('not a code cache of this node, nor of any')]));
    const damaged = loadBundle(pathToFileURL(join(hurt, 'ecsop.cjs')));
    expect(damaged.script.cachedDataRejected).toBe(true);
    expect(damaged.exports.VERSION).toMatch(/^\d+\.\d+\.\d+/);
    // and none at all
    const other = tempDir();
    copyFileSync(join(dist, 'ecsop.cjs'), join(other, 'ecsop.cjs'));
    const none = loadBundle(pathToFileURL(join(other, 'ecsop.cjs')));
    expect(none.script.cachedDataRejected).toBeUndefined();
    expect(typeof none.exports.main).toBe('function');
    // a pipe there is never read (it would wait for a writer for good)
    spawnSync('mkfifo', [join(other, 'ecsop.cjs.v8cache')]);
    const pipe = loadBundle(pathToFileURL(join(other, 'ecsop.cjs')));
    expect(pipe.script.cachedDataRejected).toBeUndefined();
  });
});

/**
 * exceljs and mp4box are imported when a command needs them. In code run through `vm` with a code
 * cache, `import()` had no loader: `ecsop init` ended with an internal error (and node's loader for
 * `vm` prints an experimental-feature warning). The commands that import them, from the built CLI.
 */
describe('the built CLI imports what a command needs when it runs', () => {
  const bin = join(__dirname, '../../bin/ecsop.js');
  const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });

  it('init writes the workbooks with exceljs; media probes a video with mp4box; nothing else on stderr', () => {
    const dir = tempDir();
    const init = cli(['init', 'sop'], dir);
    expect([init.status, init.stderr]).toEqual([0, '']);
    expect(readdirSync(join(dir, 'sop')).filter((f) => f.endsWith('.xlsx'))).toHaveLength(5);
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', '主图视频.mp4'), mp4(1920, 1080));
    const media = cli(['media', 'img', '--lang', 'en'], dir);
    expect(media.stderr).toBe('');
    expect(media.stdout).toContain('1920×1080');
  });
});
