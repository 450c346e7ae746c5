import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { HEADER, ROW, rowsXml, sheetXml, xlsx } from '../corpus/build.js';

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
      // one ellipsis, then the length
      expect(line).toMatch(lang === 'zh' ? /[^…]…\(共 \d+ 字\)/ : /[^…]… \(\d+ characters\)/);
      const html = (await ecsop(['check', 'ship.csv', '--lang', lang, '-f', 'html'], { cwd: dir })).stdout;
      expect(html).not.toContain(long.replace(/"/g, '&quot;'));
      expect(html).toMatch(lang === 'zh' ? /…\(共 \d+ 字\)/ : /… \(\d+ characters\)/);
    }
    const json = JSON.parse((await ecsop(['check', 'ship.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'tracking-number-format').value).toBe(long);
  });
});

/** The review's table of orders to review by hand: an order number, province or reason that quotes a cell of 70,000 characters is shortened there too; its queue and JSON keep it whole. */
describe('a long cell value in the review\'s table', () => {
  it('is shortened on the table\'s line, in a run that ends at once; whole in JSON', async () => {
    const dir = tempDir();
    // an order number and a phone pasted with a whole sheet's text (another writer allows more than Excel's 32,767)
    const long = Array.from({ length: 9000 }, (_, i) => `订单${i}😀`).join('');
    expect(long.length).toBeGreaterThan(65_536);
    writeFileSync(join(dir, 'orders.csv'), `订单号,支付时间,收件人,电话,收件地址,商品,数量,金额\n"${long}",2024-05-20 09:12,*女士,"${long}",浙江省杭州市西湖区文三路90号,面膜,2,880\n`);
    for (const lang of ['zh', 'en']) {
      const text = await ecsop(['review', 'orders.csv', '--lang', lang, '--no-progress'], { cwd: dir });
      const line = text.stdout.split('\n').find((l) => l.startsWith('orders.csv'))!;
      expect(line.length).toBeLessThan(600);
      expect(line).toMatch(lang === 'zh' ? /[^…]…\(共 \d+ 字\)/ : /[^…]… \(\d+ characters\)/);
    }
    const json = JSON.parse((await ecsop(['review', 'orders.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.orders[0].orderId).toBe(long);
  });
});

/** A sheet's name as long as a page (Excel stops at 31 characters; other writers do not): shortened wherever a person reads it. */
describe('a long sheet name', () => {
  it('is shortened on every line of the text report and in the HTML headings', async () => {
    const dir = tempDir();
    const name = `订单${'很长的表名'.repeat(2000)}`;
    writeFileSync(join(dir, 'long-name.xlsx'), xlsx({ sheets: [{ name, xml: sheetXml(rowsXml([HEADER, ROW.map((v, i) => (i === 7 ? 'abc' : v))])) }] }));
    const text = await ecsop(['check', 'long-name.xlsx', '--no-progress', '--all'], { cwd: dir });
    for (const line of text.stdout.split('\n')) expect(line.length).toBeLessThan(400);
    expect(text.stdout).toMatch(/…\(共 \d+ 字\)|… \(\d+ characters\)/);
    const html = (await ecsop(['check', 'long-name.xlsx', '-f', 'html'], { cwd: dir })).stdout;
    expect(html).not.toContain(name);
    const json = JSON.parse((await ecsop(['check', 'long-name.xlsx', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.files[0].sheets[0].name).toBe(name);
  });
});
