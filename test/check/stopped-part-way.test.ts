import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');

/**
 * A file stopped part-way (its time limit) keeps the findings of the rows read before it was stopped and
 * adds the one `file/timeout` finding (docs/reference.md) — in every format, whether the report builds
 * each finding (JSON) or counts those it will not list (text, HTML: the workers count them, issue #25).
 * Outsider helper-43 found the HTML report of such a file saying only "1 error" once its unseen findings
 * were counted: what a worker had counted died with it, as it always had in the text report. How far the
 * worker gets in two seconds depends on the machine, so the counts are not compared, only that they are kept.
 */
describe('a file stopped at its time limit keeps what was found before', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/worker.js'))) throw new Error('run `npm run build` first (npm test does)');
    dir = tempDir('ecsop-part-way-');
    // 150,000 orders, each with an unreadable quantity, a short phone and a large amount: far more than two seconds' reading
    // (with one second, a worker of a loaded machine, the whole suite running, had not read its first rows yet)
    const lines = ['订单号,数量,金额,支付时间,电话,收件地址,买家备注'];
    for (let i = 0; i < 150_000; i++) lines.push(`2024060${String(i).padStart(6, '0')},x,"¥${(6000 + i).toLocaleString('en')}.00",2024-06-01 10:00,1381234,浙江省杭州市西湖区文三路${i}号,加急`);
    writeFileSync(join(dir, '大订单.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ limits: { fileSeconds: 2 } }));
  });

  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args, '大订单.csv', '--now', '2024-06-02', '--no-progress', '--lang', 'en'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const total = (summary: string) => Number(/(\d+) errors?, (\d+) warnings?/.exec(summary)?.slice(1).reduce((n, x) => n + Number(x), 0));

  it.each([['review'], ['check']])('%s, text: the timeout and the findings counted before it', (command) => {
    const r = run([command]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/file\/timeout/);
    const line = r.stdout.trim().split('\n').pop()!;
    expect(total(line)).toBeGreaterThan(1);
    expect(r.stdout).toMatch(/schema\/(?:type|range)\s+error\s+\d+/);
  });

  it('review, HTML: the cards count more than the timeout', () => {
    const r = run(['review', '-f', 'html']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('data-rule="file/timeout"');
    const errors = Number(/data-key="error" data-count="(\d+)"/.exec(r.stdout)?.[1]);
    const warnings = Number(/data-key="warning" data-count="(\d+)"/.exec(r.stdout)?.[1]);
    expect(errors + warnings).toBeGreaterThan(1);
  });

  it('review, JSON: the findings built before the timeout, and the timeout', () => {
    const r = run(['review', '-f', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }>; summary: { errors: number } };
    expect(report.findings.some((f) => f.ruleId === 'file/timeout')).toBe(true);
    expect(report.findings.length).toBeGreaterThan(1);
  });
});
