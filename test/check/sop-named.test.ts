import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * Issue #24: a sheet named exactly as one of the SOP's sheets whose headers do not match is the
 * SOP's sheet gone wrong (headers renamed, a title row pushed them down), not an unknown sheet: a
 * warning naming the headers it lacks, never a quiet info and a pass.
 */
describe('a sheet named as the SOP\'s with headers that do not match', () => {
  it.each(KINDS.map((k) => [k.title, k] as const))('%s: a warning naming the missing headers', async (title, kind) => {
    const dir = tempDir();
    writeFileSync(join(dir, `${title}.csv`), '编号,备注说明,其他\n1,2,3\n');
    const r = await ecsop(['check', `${title}.csv`, '-f', 'json'], { cwd: dir });
    const f = JSON.parse(r.stdout).findings.filter((x: { ruleId: string }) => x.ruleId === 'sheet/unknown-kind');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    for (const c of kind.columns.filter((c) => c.required && !c.alternative)) expect(f[0].message).toContain(c.header);
  });

  it('a sheet of another name stays an info, and --fail-on warning fails the named one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '我的表.csv'), '编号,备注说明,其他\n1,2,3\n');
    writeFileSync(join(dir, '订单.csv'), '编号,备注说明,其他\n1,2,3\n');
    const other = JSON.parse((await ecsop(['check', '我的表.csv', '-f', 'json'], { cwd: dir })).stdout).findings;
    expect(other.map((x: { severity: string }) => x.severity)).toEqual(['info']);
    expect((await ecsop(['check', '订单.csv', '--fail-on', 'warning'], { cwd: dir })).code).toBe(1);
    const en = await ecsop(['check', '订单.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toMatch(/named as the SOP’s “订单” but its headers do not match, so it was not checked; missing headers: 订单号/);
  });
});
