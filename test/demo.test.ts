import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';

const root = join(__dirname, '..');

/** `npm run demo` (its script, on the built dist/): the templates, the check, the page and the annotated copies. */
describe('npm run demo', () => {
  it('writes the workbooks, checks the examples, and leaves report.html and an annotated copy of each example', () => {
    const tmp = tempDir('ecsop-demo-test-');
    const res = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, LANG: 'zh_CN.UTF-8', ECSOP_LANG: '' } });
    expect(res.status).toBe(0);
    const [dir] = readdirSync(tmp).filter((d) => d.startsWith('ecsop-demo-'));
    const out = join(tmp, dir);
    expect(readdirSync(out).filter((f) => f.endsWith('.xlsx'))).toHaveLength(5);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('ecsop 检查报告');
    expect(readdirSync(join(out, 'annotated', 'examples')).sort()).toEqual(readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.xlsx')).sort());
    expect(existsSync(join(out, 'annotated', 'examples', '01-市场调研与选品.xlsx'))).toBe(true);
    expect(res.stdout).toContain('report.html');
    expect(res.stdout).toContain('共检查 5 个文件');
  }, 60_000);
});
