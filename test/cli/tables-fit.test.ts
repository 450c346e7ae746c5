import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { width } from '../../src/report/layout.js';
import { RULES } from '../../src/rules/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * Issue #24: every table fits the terminal's width, its long column folded inside it (the review
 * queue was 184 columns wide in a 120-column terminal); piped, a table is plain lines with no box.
 */
describe('the commands\' tables fit the terminal, and are plain lines when piped', () => {
  const dir = tempDir();
  const long = '浙江省杭州市西湖区文三路90号东部软件园创新大厦A座十二层一千二百零三室前台转交';
  const rows = Array.from({ length: 12 }, (_, i) => `${20240520001 + i},2024-05-20 09:12,*女士,13812345678,${long},面膜修护补水保湿精华液超长商品名称,1,${600 + i},是,加急 请尽快发货 改地址 ${'很长的备注'.repeat(8)},0,待发货,2.5,20`);
  const ready = (async () => {
    await ecsop(['init', '--examples', 'sop'], { cwd: dir });
    writeFileSync(join(dir, 'orders.csv'), `订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存,订单状态,重量,运费\n${rows.join('\n')}\n`);
  })();
  const commands = [
    ['review', 'orders.csv'], ['freight', 'orders.csv'], ['score', 'sop/01-市场调研与选品.xlsx'], ['roi', 'sop/04-营销活动策划.xlsx'], ['rules'], ['check', 'orders.csv'],
  ];

  it.each(commands.flatMap((c) => [60, 80, 120].map((cols) => [c.join(' '), cols] as const)))('%s in %i columns', async (command, columns) => {
    await ready;
    for (const lang of ['zh', 'en']) {
      const r = await ecsop([...command.split(' '), '--lang', lang], { cwd: dir, tty: true, columns, env: { FORCE_COLOR: '1' } });
      // a colour's codes are never cut in two (they would print as text)
      // eslint-disable-next-line no-control-regex
      expect(r.stdout.match(/\x1b\[[0-9;]*(?![0-9;m])/g), `${lang}: a cut colour code`).toBeNull();
      // eslint-disable-next-line no-control-regex
      const lines = r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
      // a rule id is never cut
      if (command === 'rules') for (const rule of RULES) expect(lines.some((l) => l.includes(rule.id)), `${lang}: ${rule.id}`).toBe(true);
      const boxed = lines.filter((l) => /[│┌└├]/.test(l));
      for (const l of boxed) expect(width(l), `${lang}: ${l}`).toBeLessThanOrEqual(columns);
    }
  });

  it.each(commands.map((c) => [c.join(' ')]))('%s piped: plain lines', async (command) => {
    await ready;
    const r = await ecsop([...command.split(' '), '--lang', 'zh'], { cwd: dir });
    expect(r.stdout).not.toMatch(/[│┌└├┬┴┼]/);
  });
});
