import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const root = join(__dirname, '../..');
const bin = join(root, 'bin/ecsop.js');

/**
 * Issue #25: for the text report and the HTML report (without the drive dashboard, which counts every
 * finding by person) the workers count the findings a sheet would not show instead of making their
 * messages. The report must be byte for byte what it was when every finding was built
 * (ECSOP_BUILD_ALL=1): the same findings listed, the same "N more" lines in the same order, the same
 * totals, rule table, charts, statuses and exit code — with --quiet (which the HTML report does not
 * apply), --max-findings, held files (a join across files), several sheets and kinds, and in both languages.
 */
describe('the text and HTML reports are the same whether the findings they do not show are built or only counted', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/worker.js'))) throw new Error('run `npm run build` first (npm test does)');
    dir = tempDir('ecsop-text-counted-');
    for (const f of readdirSync(join(root, 'examples'))) copyFileSync(join(root, 'examples', f), join(dir, f));
    // many findings of several rules in one sheet, in rows and columns out of order (a late-row finding of a join)
    const lines = ['订单号,支付时间,收件地址,金额,电话,是否预售,买家备注'];
    for (let i = 0; i < 3000; i++) {
      const id = i % 97 === 0 ? 'A1' : `A${i}`; // duplicates: found when a later row repeats an earlier one
      lines.push(`${id},2024-05-${10 + (i % 20)} 10:00,${i % 3 ? '新疆乌鲁木齐市天山区解放北路1号' : 'xx公司前台'},${i % 5 ? 600 + i : 'abc'},${i % 7 ? '13812345678' : '123'},${i % 11 ? '否' : '是'},${i % 13 ? '' : '加急'}`);
    }
    writeFileSync(join(dir, 'z-orders.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'z-orders-2.csv'), `${lines.slice(0, 400).join('\n')}\n`);
  });

  const run = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [bin, ...args, '--now', '2024-06-01', '--no-progress'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });

  it.each([
    [['check', '.']], [['check', '.', '--quiet']], [['check', '.', '--max-findings', '1']], [['check', '.', '--max-findings', '3', '--lang', 'en']],
    [['review', '.']], [['check', 'z-orders.csv', '--fail-on', 'warning', '--max-warnings', '10']], [['check', '.', '--jobs', '1']],
    [['review', '.', '-f', 'html']], [['review', '.', '-f', 'html', '--quiet', '--jobs', '1']], [['review', 'z-orders.csv', '-f', 'html', '--max-findings', '3', '--lang', 'en']],
    [['check', '.', '-f', 'html', '--max-findings', '2']], [['score', '.', '-f', 'html']], [['roi', '.', '-f', 'html', '--max-findings', '1']],
  ])('%j', (args) => {
    const counted = run(args, {});
    const built = run(args, { ECSOP_BUILD_ALL: '1' });
    expect(counted.stdout.length).toBeGreaterThan(200);
    expect(counted.stdout).toBe(built.stdout);
    expect(counted.stderr).toBe(built.stderr);
    expect(counted.status).toBe(built.status);
  });

  it('the HTML report of the sheet of 3,000 orders lists 100 findings and counts the rest by rule', () => {
    const html = run(['review', 'z-orders.csv', '-f', 'html', '--lang', 'zh'], {}).stdout;
    expect(html.match(/<tr class="(?:error|warning|info)" data-rule=/g)?.length).toBe(100);
    expect(html).toMatch(/另有 \d+ 条 order-manual-review/);
  });

  it('the sheet of 3,000 orders lists 20 findings and counts the rest by rule', () => {
    const out = run(['check', 'z-orders.csv', '--lang', 'zh'], {}).stdout;
    expect(out.split('\n').filter((l) => l.startsWith('z-orders.csv:')).length).toBe(20);
    expect(out).toMatch(/另有 \d+ 条 order-manual-review/);
  });
});
