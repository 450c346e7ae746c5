import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** npm from the cache only: the test needs no network (npm ci has filled the cache) */
const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/**
 * Installable from a clone: `prepare` builds dist/ (installing the dependencies first when the
 * clone has none), so `npm install -g .` from a fresh clone gives a working `ecsop`, and
 * `npm pack` a package with dist/ in it.
 */
describe('from a fresh clone', () => {
  it('npm install -g . gives a working ecsop; npm pack holds dist/', () => {
    const dir = tempDir('ecsop-install-');
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '--quiet', root, clone], { stdio: 'ignore' });
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const prefix = join(dir, 'global');
    execFileSync(npm, ['install', '-g', '.', '--prefix', prefix], { cwd: clone, env, stdio: 'ignore' });
    const bin = process.platform === 'win32' ? join(prefix, 'ecsop.cmd') : join(prefix, 'bin', 'ecsop');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const check = spawnSync(bin, ['check', join(clone, 'examples'), '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    expect(check.status).toBe(1); // the SOP's own slips are findings
    expect(JSON.parse(check.stdout).summary.files).toBe(5);
    execFileSync(npm, ['pack', '--silent'], { cwd: clone, env, stdio: 'ignore' });
    const tarball = readdirSync(clone).find((f) => f.endsWith('.tgz'))!;
    const files = execFileSync('tar', ['-tzf', join(clone, tarball)], { encoding: 'utf8' });
    expect(files).toContain('package/dist/ecsop.js');
    expect(files).toContain('package/bin/ecsop.js');
  }, 180_000);
});
