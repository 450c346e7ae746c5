import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../src/config/config.js';
import { DEFAULT_SNAPSHOT, readSnapshot, snapshotOf } from '../../src/config/default-snapshot.js';
import { tempDir } from '../helpers/cli.js';
import { installOfItsOwn } from '../helpers/install.js';

const dist = join(__dirname, '../../dist');

/** The header the build writes: the bundle's CRC-32, the defaults' CRC-32, then node's version (its length first). */
const headerLength = (bytes: Buffer) => 9 + bytes[8];

/**
 * The SOP's defaults kept by the build beside the CLI bundle (issue #25's start-up: resolving them built
 * zod's schemas, 15–19 ms of every command run without an ecsop.config.json). What a command takes must
 * be exactly what the sources resolve, and only a copy made of the very bundle it runs in is taken.
 */
describe('the defaults the build keeps beside the bundle', () => {
  it('are what the sources resolve, made of this bundle by this node', () => {
    const path = join(dist, DEFAULT_SNAPSHOT);
    if (!existsSync(path)) throw new Error('run `npm run build` first (npm test does)');
    const bytes = readFileSync(path);
    expect(bytes.readUInt32BE(0)).toBe(crc32(readFileSync(join(dist, 'ecsop.cjs'))) >>> 0);
    expect(bytes.readUInt32BE(4)).toBe(crc32(bytes.subarray(headerLength(bytes))) >>> 0);
    expect(bytes.toString('latin1', 9, headerLength(bytes))).toBe(process.version);
    expect(v8.deserialize(bytes.subarray(headerLength(bytes)))).toStrictEqual(resolveConfig({}));
    expect(readSnapshot(path, bytes.readUInt32BE(0))).toStrictEqual(resolveConfig({}));
  });

  it('a copy of another bundle, of another node, cut short, foreign, a folder or none is not taken', () => {
    const dir = tempDir();
    const good = snapshotOf(resolveConfig({}), 0x1234abcd);
    const at = (name: string, bytes?: Buffer) => { const p = join(dir, name); if (bytes) writeFileSync(p, bytes); return p; };
    expect(readSnapshot(at('good', good), 0x1234abcd)).toStrictEqual(resolveConfig({}));
    expect(readSnapshot(at('good'), 0x1234abce)).toBeUndefined();
    const otherNode = Buffer.from(good);
    otherNode[10] ^= 1;
    expect(readSnapshot(at('other-node', otherNode), 0x1234abcd)).toBeUndefined();
    expect(readSnapshot(at('header-only', good.subarray(0, headerLength(good))), 0x1234abcd)).toBeUndefined();
    expect(readSnapshot(at('cut', good.subarray(0, good.length - 100)), 0x1234abcd)).toBeUndefined();
    expect(readSnapshot(at('foreign', Buffer.concat([good.subarray(0, headerLength(good)), Buffer.from('{"lang":"zh"}')])), 0x1234abcd)).toBeUndefined();
    // damaged in the defaults, one bit at a time (outsider helper-126: most such copies still read as a config, other than the defaults)
    for (let i = headerLength(good); i < good.length; i++) {
      for (const bit of [0x01, 0x10, 0x80]) {
        const damaged = Buffer.from(good);
        damaged[i] ^= bit;
        expect(readSnapshot(at('damaged', damaged), 0x1234abcd), `byte ${i}, bit ${bit}`).toBeUndefined();
      }
    }
    mkdirSync(join(dir, 'folder'));
    expect(readSnapshot(join(dir, 'folder'), 0x1234abcd)).toBeUndefined();
    expect(readSnapshot(join(dir, 'none'), 0x1234abcd)).toBeUndefined();
  });

  it('a command takes the copy beside its bundle, and not once the bundle is another (an install of its own)', () => {
    // an install of its own, its defaults' freight made 13 元 a first kilogram
    const install = installOfItsOwn('defaults');
    try {
      const freight = () => spawnSync(process.execPath, [join(install, 'bin/ecsop.js'), 'freight', '--to', '新疆', '--weight', '2'], { encoding: 'utf8' });
      expect(freight().stdout).toContain('首重10元');
      const path = join(install, 'dist', DEFAULT_SNAPSHOT);
      const kept = readFileSync(path);
      const config = v8.deserialize(kept.subarray(headerLength(kept))) as Config;
      config.settings.freight.firstKgYuan = 13;
      writeFileSync(path, snapshotOf(config, kept.readUInt32BE(0)));
      expect(freight().stdout).toContain('首重13元');
      // the bundle rebuilt or edited (its CRC another): the copy is of the bundle before, and the defaults are resolved
      appendFileSync(join(install, 'dist', 'ecsop.cjs'), '\n// another build\n');
      const r = freight();
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('首重10元');
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });
});
