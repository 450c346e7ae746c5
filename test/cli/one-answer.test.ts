import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

const HEAD = '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,重量,运费';
/** Addresses outside the mainland as buyers write them, and one inside for contrast. */
const OUTSIDE = ['香港九龙弥敦道100号', '香港特别行政区九龙城区土瓜湾道1号', '澳门氹仔告利雅施利华街1号', '台湾省台北市信义区松仁路1号', 'Flat 3, 12 Nathan Road, Kowloon, Hong Kong', '美国加州洛杉矶市1号', '臺灣省臺北市大安區1號', 'HK 九龙旺角', 'Taipa, Macau'];

function orders(dir: string): string {
  const rows = [...OUTSIDE, '广东省深圳市南山区科技园1号'].map((a, i) => `2024052000${i + 1},2024-05-20 10:00,*先生,13812345678,"${a}",面膜,1,89,否,1,10`);
  const file = join(dir, 'orders.csv');
  writeFileSync(file, `${HEAD}\n${rows.join('\n')}\n`);
  return file;
}

/** Issue #24: the same question gets the same answer from every command and every output. */
describe('one answer everywhere: an address outside the mainland', () => {
  it('review sends each to a person, freight gives no domestic fee for it, and freight-fee reports none', async () => {
    const dir = tempDir();
    orders(dir);
    const review = JSON.parse((await ecsop(['review', 'orders.csv', '-f', 'json'], { cwd: dir })).stdout);
    const outsideRows = review.orders.filter((o: { reasons: string[] }) => o.reasons.includes('outside-mainland')).map((o: { row: number }) => o.row);
    expect(outsideRows).toEqual(OUTSIDE.map((_, i) => i + 2));
    // the queue names where each is, as its reason does, however the address is written (Kowloon, Hong Kong)
    const where = review.orders.filter((o: { reasons: string[] }) => o.reasons.includes('outside-mainland')).map((o: { province: string | null }) => o.province);
    expect(where).toEqual(['香港', '香港', '澳门', '台湾', '香港', '海外(美国)', '台湾', '香港', '澳门']);
    const freight = JSON.parse((await ecsop(['freight', 'orders.csv', '-f', 'json'], { cwd: dir })).stdout);
    const priced = new Map(freight.freight.map((r: { row: number; fee: number | null }) => [r.row, r.fee]));
    for (const row of outsideRows) expect(priced.get(row), `row ${row}`).toBeNull();
    expect(priced.get(OUTSIDE.length + 2)).toBe(10);
    expect(freight.findings.filter((f: { ruleId: string }) => f.ruleId === 'freight-fee')).toEqual([]);
  });

  it('freight --to says the same for one address, in each language, with the fee null in JSON', async () => {
    for (const to of ['香港九龙', '澳门', '台湾台北市', 'Hong Kong']) {
      const zh = await ecsop(['freight', '--to', to, '--weight', '1', '--lang', 'zh']);
      expect(zh.code, to).toBe(0);
      expect(zh.stdout, to).toMatch(/不适用国内运费模板,需人工报价/);
      const en = await ecsop(['freight', '--to', to, '--weight', '1', '--lang', 'en']);
      expect(en.stdout, to).toMatch(/^(Hong Kong|Macao|Taiwan) is outside the domestic freight template: quote by hand \(1kg\)\n$/);
      const json = JSON.parse((await ecsop(['freight', '--to', to, '--weight', '1', '-f', 'json'])).stdout);
      expect(json.fee, to).toBeNull();
    }
    // the mainland is priced as before
    expect((await ecsop(['freight', '--to', '新疆乌鲁木齐市', '--weight', '2.3', '--lang', 'en'])).stdout).toBe('新疆 2.3kg: first kg 10 yuan + 2 more kg × 5 yuan + remote 15 yuan = 35 yuan\n');
  });
});

describe('one answer everywhere: a mainland address in traditional characters or in English', () => {
  it.each([
    ['廣東省深圳市南山區科技園1號', '广东', 10],
    ['內蒙古呼和浩特市新城區1號', '内蒙古', 25],
    ['No. 88 Jianguo Road, Chaoyang District, Beijing', '北京', 10],
    ['Room 5, 1 Renmin Road, Urumqi, Xinjiang', '新疆', 25],
  ])('%s is %s: priced by the template, never "abroad"', async (address, province, yuan) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), `${HEAD}\n1,2024-05-20 10:00,*先生,13812345678,"${address}",面膜,1,89,否,1,${yuan}\n`);
    const review = JSON.parse((await ecsop(['review', 'o.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(review.orders[0].province).toBe(province);
    expect(review.orders[0].reasons).not.toContain('outside-mainland');
    const freight = JSON.parse((await ecsop(['freight', 'o.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(freight.freight[0].fee).toBe(yuan);
    expect((await ecsop(['freight', '--to', address, '--weight', '1', '-f', 'json'])).stdout).toMatch(new RegExp(`"fee": ${yuan}`));
  });

  it('a sheet weight no parcel has (0, over a tonne) gets no fee, as freight --to refuses it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), `${HEAD}\n1,2024-05-20 10:00,*先生,13812345678,广东省深圳市南山区1号,面膜,1,89,否,0,10\n2,2024-05-20 10:00,*先生,13812345678,广东省深圳市南山区1号,面膜,1,89,否,1001,10\n`);
    const freight = JSON.parse((await ecsop(['freight', 'o.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(freight.freight.map((r: { fee: number | null }) => r.fee)).toEqual([null, null]);
    expect(freight.findings.filter((f: { ruleId: string }) => f.ruleId === 'freight-fee')).toEqual([]);
    for (const w of ['0', '1001']) expect((await ecsop(['freight', '--to', '广东省深圳市', '--weight', w])).code).toBe(2);
  });

  it('a row whose province cannot be read is listed by freight without a fee, not left out', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), `${HEAD}\n1,2024-05-20 10:00,*先生,13812345678,xx公司前台,面膜,1,89,否,1,10\n`);
    const freight = JSON.parse((await ecsop(['freight', 'o.csv', '-f', 'json'], { cwd: dir })).stdout);
    expect(freight.freight).toHaveLength(1);
    expect(freight.freight[0]).toMatchObject({ fee: null, breakdown: expect.stringMatching(/找不到省份/) });
  });
});

/** Issue #24: one number style per language. ecsop writes counts without thousands separators, in every output. */
describe('one number style: no thousands separators in counts', () => {
  it('text and HTML of a run with thousands of findings', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 2500 }, (_, i) => `${9000000 + i},2024-05-20 10:00,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,1,89,否,1,10`);
    writeFileSync(join(dir, 'big.csv'), `${HEAD}\n${rows.join('\n')}\n`);
    for (const lang of ['zh', 'en']) {
      const text = await ecsop(['review', 'big.csv', '--lang', lang, '--max-rows', '3'], { cwd: dir });
      expect(text.stdout, lang).toMatch(/2500|2497/);
      expect(text.stdout, lang).not.toMatch(/\d,\d{3}/);
      const html = await ecsop(['check', 'big.csv', '--lang', lang, '-f', 'html'], { cwd: dir });
      expect(html.stdout, lang).toMatch(/2500/);
      expect(html.stdout.replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, ''), lang).not.toMatch(/\d,\d{3}/);
    }
  });
});
