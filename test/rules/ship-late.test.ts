import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';
import { refTo } from '../../src/rules/types.js';

const ORDERS = ['订单号', '支付时间', '收件地址', '金额', '是否预售'];
const SHIPMENTS = ['订单号', '收件地址', '物流公司', '物流单号', '发货时间'];
const ship = (id: string, at: string) => [id, '浙江省杭州市', '*通快递', 'YT202405200001', at];

/** the shop announced 双11 on its product pages: the 48 h apply then */
const DECLARED = { sop: { shipping: { promoWindows: [{ name: '双11', from: '11-01', to: '11-12' }, { name: '618', from: '06-01', to: '06-20' }] } } };

async function run(orders: unknown[][], shipments: unknown[][], split = false, config: unknown = DECLARED) {
  const dir = tempDir();
  writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify(config));
  if (split) {
    await writeWorkbook(join(dir, 'a-orders.xlsx'), { 订单: [ORDERS, ...orders] as never });
    await writeWorkbook(join(dir, 'b-shipments.xlsx'), { 发货: [SHIPMENTS, ...shipments] as never });
  } else {
    await writeWorkbook(join(dir, 'both.xlsx'), { 订单: [ORDERS, ...orders] as never, 发货: [SHIPMENTS, ...shipments] as never });
  }
  const res = await ecsop(['check', '.', '--format', 'json', '--jobs', '2'], { cwd: dir });
  return JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late');
}

describe('ship-late', () => {
  const orders = [
    ['A1', '2024-05-20 09:00', '浙江省杭州市西湖区文三路1号', 100, '否'],
    ['B2', '2024-05-20 09:00', '浙江省杭州市西湖区文三路1号', 100, '是'],
    ['C3', '2024-11-11 00:30', '浙江省杭州市西湖区文三路1号', 100, '否'],
  ];
  it('allows 24 h, 3 days for presale, 48 h in 双11', async () => {
    expect(await run(orders, [ship('A1', '2024-05-21 09:00'), ship('B2', '2024-05-23 09:00'), ship('C3', '2024-11-13 00:30'), ship('A1', '2024-05-21')])).toEqual([]);
  });
  it('reports later shipments on the shipment cell, joined by 订单号, also across files', async () => {
    for (const split of [false, true]) {
      const found = await run(orders, [ship('A1', '2024-05-21 09:01'), ship('B2', '2024-05-23 09:01'), ship('C3', '2024-11-13 00:31'), ship('A1', '2024-05-22'), ship('Z9', '2024-06-01')], split);
      expect(found.map((f: { cell: string; sheet: string }) => `${f.sheet}!${f.cell}`)).toEqual(['发货!E2', '发货!E3', '发货!E4', '发货!E5']);
      expect(found[0].message).toBe('订单 A1 于 2024-05-20 09:00 支付,2024-05-21 09:01 发货,超过24小时(设置 sop.shipping.shipWithinHours)');
      expect(found[1].message).toContain('预售承诺的3天');
      expect(found[2].message).toContain('双11大促的48小时');
    }
  });
  it('a promotion the shop has not declared gives no 48 h: the shipment 36 h after payment on 11-11 is late', async () => {
    const found = await run(orders, [ship('C3', '2024-11-12 12:30')], false, {});
    expect(found.map((f: { cell: string }) => f.cell)).toEqual(['E2']);
    expect(found[0].message).toContain('超过24小时');
    expect(await run(orders, [ship('C3', '2024-11-12 12:30')])).toEqual([]);
  });
  it('an order number holding a NUL is that number, not the number without it (outsider helper-39)', async () => {
    // a CSV export keeps the NUL (a workbook's XML cannot hold one): 30\u000001 paid and shipped late; 3001 was never an order here
    const dir = tempDir();
    writeFileSync(join(dir, 'a-orders.csv'), `${ORDERS.join(',')}\n30\u000001,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,100,否\n`);
    writeFileSync(join(dir, 'b-shipments.csv'), `${SHIPMENTS.join(',')}\n${ship('3001', '2024-05-22 09:00').join(',')}\n${ship('30\u000001', '2024-05-22 09:00').join(',')}\n`);
    const res = await ecsop(['check', '.', '--format', 'json', '--now', '2024-05-23T12:00'], { cwd: dir });
    const found = JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late');
    expect(found.map((f: { file: string; cell: string }) => `${f.file}!${f.cell}`)).toEqual(['b-shipments.csv!E3']);
  });
});

describe('ship-late across a large export', () => {
  it('joins the order numbers of an export past its first chunks, in Chinese and full width, from a worker and from the cache', async () => {
    // 25,000 orders (chunks of 10,000 kept as bytes): the late one is in the third chunk, its number
    // written with Chinese and full-width characters (UTF-8 of 3 bytes a character)
    const dir = tempDir();
    const id = (i: number) => `ＤＹ订单-${String(i).padStart(6, '0')}`;
    const lines = [ORDERS.join(',')];
    for (let i = 1; i <= 25_000; i++) lines.push(`${id(i)},2024-05-${i === 23_456 ? '18' : '20'} 09:00,浙江省杭州市西湖区文三路1号,100,否`);
    writeFileSync(join(dir, 'a-orders.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'b-shipments.csv'), `${SHIPMENTS.join(',')}\n${[23_455, 23_456, 23_457, 9_999, 10_001].map((i) => ship(id(i), '2024-05-21 08:00').join(',')).join('\n')}\n`);
    const cache = join(tempDir(), 'ecsop.cache');
    const late = async (from: string) => {
      const res = await ecsop(['check', '.', '--format', 'json', '--now', '2024-05-23T12:00', '--cache', '--cache-location', cache], { cwd: dir });
      expect(res.stderr).toContain(from);
      return JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late').map((f: { file: string; cell: string; message: string }) => `${f.file}!${f.cell} ${f.message}`);
    };
    const expected = ['b-shipments.csv!E3 订单 DY订单-023456 于 2024-05-18 09:00 支付,2024-05-21 08:00 发货,超过24小时(设置 sop.shipping.shipWithinHours)'];
    expect(await late('0 个文件未变')).toEqual(expected);
    expect(await late('2 个文件未变')).toEqual(expected);
  }, 60_000);
});

describe('ship-late names the shipment cell wherever the export puts its columns', () => {
  it('发货时间 in column B of a sheet with its columns in another order: the finding is on B, joined across files, again from the cache', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-orders.csv'), `${ORDERS.join(',')}\nX1,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,100,否\n`);
    writeFileSync(join(dir, 'b-shipments.csv'), '物流单号,发货时间,物流公司,收件地址,订单号\nYT1,2024-05-20 10:00,*通快递,浙江省杭州市,X0\nYT2,2024-05-22 09:00,*通快递,浙江省杭州市,X1\n');
    const cache = join(tempDir(), 'ecsop.cache');
    for (let i = 0; i < 2; i++) {
      const res = await ecsop(['check', '.', '--format', 'json', '--now', '2024-05-23T12:00', '--cache', '--cache-location', cache], { cwd: dir });
      const found = JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late');
      expect(found.map((f: { file: string; cell: string; field: string }) => `${f.file}!${f.cell} ${f.field}`)).toEqual(['b-shipments.csv!B3 发货时间']);
    }
  });
});

describe('refTo: a sheet as a join names it', () => {
  it('keeps the columns its findings are on, and only those the sheet has', () => {
    const ref = { file: 'a.xlsx', sheet: '发货', kind: 'shipments' as const, columns: new Map([['orderId', 5], ['shippedAt', 2], ['carrier', 3]]) };
    expect(refTo(ref, 'shippedAt', 'title')).toEqual({ file: 'a.xlsx', sheet: '发货', kind: 'shipments', columns: new Map([['shippedAt', 2]]) });
    expect(ref.columns.size).toBe(3);
  });
});

describe('ship-late reads an order as the review does (outsider helper-96)', () => {
  const check = async (files: Record<string, string>) => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const res = await ecsop(['check', '.', '--format', 'json', '--now', '2024-05-23T12:00', '--jobs', '2'], { cwd: dir });
    return JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late').map((f: { file: string; cell: string; message: string }) => `${f.file}!${f.cell} ${f.message}`);
  };
  it('a presale order told by 【预售】 in its product or 预售订单 as its type has its 3 days, without a 是否预售 column', async () => {
    const found = await check({
      'a-orders.csv': '订单号,支付时间,收件地址,商品,订单类型,金额\nP1,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,【预售】面膜,普通订单,100\nP2,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,面膜,预售订单,100\nP3,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,面膜,非预售订单,100\n',
      'b-shipments.csv': `${SHIPMENTS.join(',')}\n${['P1', 'P2', 'P3'].map((id) => ship(id, '2024-05-03 12:00').join(',')).join('\n')}\n`,
    });
    expect(found).toEqual(['b-shipments.csv!E4 订单 P3 于 2024-05-01 10:00 支付,2024-05-03 12:00 发货,超过24小时(设置 sop.shipping.shipWithinHours)']);
  });
  it('an export that carries its own 发货时间 (抖店) reads 预售订单 as presale too', async () => {
    const found = await check({ 'dy.csv': '主订单编号,支付完成时间,订单类型,收件地址,订单应付金额,发货时间\n6920001,2024-05-01 10:00:00,预售订单,浙江省杭州市西湖区文三路1号,100,2024-05-03 16:00:00\n6920002,2024-05-01 10:00:00,普通订单,浙江省杭州市西湖区文三路1号,100,2024-05-03 16:00:00\n' });
    expect(found.map((f: string) => f.split(' ')[0])).toEqual(['dy.csv!F3']);
  });
  it('one number however it is written: full width, a decimal\'s .0; a placeholder (同上, 暂无) is no number to join', async () => {
    const found = await check({
      'a-orders.csv': `${ORDERS.join(',')}\nＸＹ１,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,100,否\n3.0,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,100,否\n同上,2024-05-01 10:00,浙江省杭州市西湖区文三路1号,100,否\n`,
      'b-shipments.csv': `${SHIPMENTS.join(',')}\n${['XY1', '3', '同上', '暂无'].map((id) => ship(id, '2024-05-03 12:00').join(',')).join('\n')}\n`,
    });
    expect(found.map((f: string) => f.split(' ').slice(0, 3).join(' '))).toEqual(['b-shipments.csv!E2 订单 XY1', 'b-shipments.csv!E3 订单 3']);
  });
});

describe('ship-late takes an order as the review gathers its lines (outsider helper-97)', () => {
  const check = async (files: Record<string, string>) => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const res = await ecsop(['check', '.', '--format', 'json', '--now', '2024-06-01T00:00'], { cwd: dir });
    const json = JSON.parse(res.stdout);
    return { late: json.findings.filter((f: { ruleId: string }) => f.ruleId === 'ship-late').map((f: { file: string; cell: string }) => `${f.file}!${f.cell}`), all: json.findings };
  };
  it('an order whose number is on its first line only is presale when a later line is: its 3 days, not 24 h', async () => {
    const { late, all } = await check({
      'a-orders.csv': '订单号,支付时间,收件地址,商品,数量,金额,是否预售\n4001,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,面膜,1,100,否\n,,,【预售】精华,1,50,\n4002,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,面膜,1,100,否\n,,,精华,1,50,是\n4003,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,面膜,1,100,否\n,,,精华,1,50,否\n',
      'b-shipments.csv': `${SHIPMENTS.join(',')}\n${['4001', '4002', '4003'].map((id) => ship(id, '2024-05-22 10:00').join(',')).join('\n')}\n`,
    });
    expect(late).toEqual(['b-shipments.csv!E4']);
    // the review calls the first two presale too
    expect(all.filter((f: { ruleId: string; reasons?: string[] }) => f.ruleId === 'order-manual-review' && f.reasons?.includes('presale')).map((f: { cell: string }) => f.cell)).toEqual(['A2', 'A4']);
  });
  it('an export with its own 发货时间 judges every line by its order\'s promise, whichever line is presale', async () => {
    const { late } = await check({
      'dy.csv': '主订单编号,子订单编号,选购商品,订单应付金额,支付完成时间,发货时间,订单类型,收件地址\n'
        + '5001,50011,面膜,100,2024-05-20 09:00,2024-05-22 10:00,普通订单,浙江省杭州市西湖区文三路1号\n5001,50012,【预售】精华,100,2024-05-20 09:00,2024-05-22 10:00,普通订单,浙江省杭州市西湖区文三路1号\n'
        + '5003,50031,面膜,100,2024-05-20 09:00,2024-05-22 10:00,普通订单,浙江省杭州市西湖区文三路1号\n5003,50032,精华,100,2024-05-20 09:00,2024-05-22 10:00,预售订单,浙江省杭州市西湖区文三路1号\n'
        + '5004,50041,面膜,100,2024-05-20 09:00,2024-05-22 10:00,普通订单,浙江省杭州市西湖区文三路1号\n',
    });
    expect(late).toEqual(['dy.csv!F6']);
  });
  it('a 发货 sheet keyed by 主订单编号 or 平台订单号 is joined as one keyed by 订单号', async () => {
    for (const header of ['主订单编号', '平台订单号']) {
      const { late, all } = await check({
        'a-orders.csv': `${ORDERS.join(',')}\n6001,2024-05-20 09:00,浙江省杭州市西湖区文三路1号,100,否\n`,
        'b-shipments.csv': `${header},收货地址,快递公司,快递单号,发货时间\n6001,浙江省杭州市,*通快递,YT1,2024-05-22 10:00\n`,
      });
      expect(late).toEqual(['b-shipments.csv!E2']);
      expect(all.filter((f: { ruleId: string }) => f.ruleId === 'sheet/missing-column')).toEqual([]);
    }
  });
});
