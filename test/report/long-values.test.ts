import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/** Issue #24: a long cell value (a 600-character formula or paste) is shortened in text and HTML, with the cell named; JSON keeps it whole. */
describe('a long cell value in a finding', () => {
  it('is shortened in text and HTML, named by its cell, and whole in JSON', async () => {
    const dir = tempDir();
    const long = `=IF(AND(${'A2>0,'.repeat(118)}B2>0),1,0)`;
    expect(long.length).toBeGreaterThan(590);
    writeFileSync(join(dir, 'ship.csv'), `订单号,收件人,收件地址,商品名称,数量,物流公司,物流单号,发货时间\n1,*女士,上海市,面膜,1,顺丰,"${long}",2024-05-21 10:00\n`);
    for (const lang of ['zh', 'en']) {
      const text = await ecsop(['check', 'ship.csv', '--lang', lang], { cwd: dir });
      const line = text.stdout.split('\n').find((l) => l.includes('tracking-number-format'))!;
      expect(line).toContain('ship!G2');
      expect(line.length).toBeLessThan(300);
      expect(line).toMatch(lang === 'zh' ? /…\(共 \d+ 字\)/ : /… \(\d+ characters\)/);
      const html = (await ecsop(['check', 'ship.csv', '--lang', lang, '-f', 'html'], { cwd: dir })).stdout;
      expect(html).not.toContain(long.replace(/"/g, '&quot;'));
      expect(html).toMatch(lang === 'zh' ? /…\(共 \d+ 字\)/ : /… \(\d+ characters\)/);
    }
    const json = JSON.parse((await ecsop(['check', 'ship.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'tracking-number-format').value).toBe(long);
  });
});
