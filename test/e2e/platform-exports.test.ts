import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * Order exports as the platforms write them, built from their published column sets: 千牛
 * (淘宝/天猫), 抖店 and 拼多多. Reviewed as they come, with no column renamed by hand.
 */
const csv = (rows: string[][]) => `${rows.map((r) => r.map((v) => (/[",\n]/.test(v) && !v.startsWith('=') ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n')}\r\n`;

// 千牛: GBK, order numbers wrapped as ="…", phones as '138…, the address with spaces and its postcode in brackets
const QIANNIU_HEAD = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分', '总金额', '返点积分', '买家实际支付金额', '买家实际支付积分', '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称'];
const qianniu = (id: string, paid: string, note: string, name: string, address: string, phone: string, title: string, n: string) =>
  [`="${id}"`, 'tb_buyer', '', paid, '0.00', '0', paid, '0', paid, '0', '买家已付款，等待卖家发货', note, name, address, '快递', "'-", `'${phone}`, '2024-05-20 09:10:00', '2024-05-20 09:12:00', title, '1', '', '', '', n, '123', '敏感肌旗舰店'];

// 抖店: a line per product (子订单) under one 主订单编号; the address in 省/市/区/街道/详细地址
const DOUDIAN_HEAD = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品单价', '订单应付金额', '运费', '优惠总金额', '实付款', '支付方式', '收件人', '收件人手机号', '省', '市', '区', '街道', '详细地址', '买家留言', '订单提交时间', '支付完成时间', '订单状态', '商家备注'];
const doudian = (main: string, sub: string, title: string, n: string, pay: string, province: string, city: string, district: string, town: string, street: string, note: string) =>
  [main, sub, title, '默认', n, '3456', 'SKU1', pay, pay, '0', '0', pay, '微信', '*女士', '138****5678', province, city, district, town, street, note, '2024-05-20 10:00:00', '2024-05-20 10:01:30', '待发货', ''];

// 拼多多: money columns named with (元); both 用户实付金额 and 商家实收金额
const PDD_HEAD = ['商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '邮费(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '收货人', '手机', '省', '市', '区', '街道', '详细地址', '拼单成功时间', '订单成交时间', '承诺发货时间', '商家备注', '买家留言'];
const pdd = (title: string, id: string, paid: string, got: string, n: string, province: string, city: string, district: string, street: string, note: string) =>
  [title, id, '待发货', paid, '0', '0', '0', paid, got, n, '*先生', '139****1234', province, city, district, '', street, '2024-05-20 11:00:00', '2024-05-20 11:00:05', '2024-05-22 11:00:00', '', note];

interface Order { orderId: string; row: number; decision: string; reasons: string[]; priority: boolean; lines?: number[] }

async function review(file: string, dir: string): Promise<Order[]> {
  const res = await ecsop(['review', file, '--format', 'json', '--now', '2024-05-20T12:00'], { cwd: dir });
  expect(res.stderr).toBe('');
  const report = JSON.parse(res.stdout);
  expect(report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('file/') || f.ruleId.startsWith('sheet/') || f.ruleId.startsWith('schema/'))).toEqual([]);
  return report.orders;
}

describe('platform order exports, reviewed as they come', () => {
  it('千牛 (淘宝/天猫): ="…" order numbers, \'138… phones, 买家实际支付金额, the address with spaces and a postcode', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ExportOrderList.csv'), iconv.encode(csv([
      QIANNIU_HEAD,
      qianniu('3756291048576123456', '258.00', '', '张*', '浙江省 杭州市 西湖区 文三路90号(310000)', '138****8000', '敏感肌修护面膜', '2'),
      qianniu('3756291048576123457', '299.00', '急用，尽快发', '李*', '新疆维吾尔自治区 乌鲁木齐市 天山区 解放北路8号(830000)', '13912341234', '抗老精华', '1'),
      qianniu('3756291048576123458', '5980.00', '不急', '王*', '上海 上海市 浦东新区 张江路88号(201203)', '13700000001', '抗老精华', '20'),
      qianniu('3756291048576123459', '199.00', '', '赵*', '香港特别行政区 九龙 油尖旺区 弥敦道100号(999077)', '85291234567', '补水面膜', '1'),
    ]), 'gb18030'));
    const orders = await review('ExportOrderList.csv', dir);
    expect(orders.map((o) => [o.orderId, o.decision, o.reasons, o.priority])).toEqual([
      ['3756291048576123456', 'auto', [], false],
      ['3756291048576123457', 'manual', ['remote-area', 'note-urgent'], true],
      ['3756291048576123458', 'manual', ['amount-over-auto-limit', 'amount-large'], false],
      ['3756291048576123459', 'manual', ['outside-mainland'], false], // a Hong Kong number is a phone there
    ]);
  });

  it('抖店: one order on several lines (a line per product) is one order, its total against the thresholds', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '抖店订单.csv'), `\uFEFF${csv([
      DOUDIAN_HEAD,
      doudian('6920000000000001', '6920000000000011', '敏感肌修护面膜', '1', '258.00', '浙江省', '杭州市', '西湖区', '文新街道', '文三路90号', ''),
      doudian('6920000000000001', '6920000000000012', '抗老精华', '1', '299.00', '浙江省', '杭州市', '西湖区', '文新街道', '文三路90号', ''),
      doudian('6920000000000002', '6920000000000021', '补水面膜', '1', '99.00', '江苏省', '南京市', '鼓楼区', '宁海路街道', '北京西路1号', '今天发'),
    ])}`);
    const orders = await review('抖店订单.csv', dir);
    expect(orders.map((o) => [o.orderId, o.row, o.lines, o.decision, o.reasons])).toEqual([
      ['6920000000000001', 2, [2, 3], 'manual', ['amount-over-auto-limit']], // 258 + 299 = 557 > 500
      ['6920000000000002', 4, undefined, 'manual', ['note-urgent']],
    ]);
  });

  it('拼多多: the amount is what the buyer paid, 用户实付金额(元) (the order\'s value, not the shop\'s take), masked phones and split addresses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pdd.csv'), `\uFEFF${csv([
      PDD_HEAD,
      pdd('敏感肌修护面膜', '240520-123456789012345', '520.00', '480.00', '2', '广东省', '深圳市', '南山区', '科技园路1号', ''),
      pdd('抗老精华', '240520-123456789012346', '299.00', '289.00', '1', '西藏自治区', '拉萨市', '城关区', '北京中路2号', '不用加急'),
    ])}`);
    const orders = await review('pdd.csv', dir);
    expect(orders.map((o) => [o.orderId, o.decision, o.reasons, o.priority])).toEqual([
      ['240520-123456789012345', 'manual', ['amount-over-auto-limit'], false], // the buyer paid 520 (the shop takes 480)
      ['240520-123456789012346', 'manual', ['remote-area'], false],
    ]);
  });
});
