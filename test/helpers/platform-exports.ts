import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { writeWorkbook, type CellInput } from './workbook.js';

/**
 * Order exports built the way each platform writes them, from the column sets and status words on
 * docs/platform-exports.md: 千牛 (淘宝/天猫) 订单报表 and 宝贝报表, 抖店, 拼多多, 京东, 快手, 小红书.
 * One order is described once (`ExportOrder`); each platform writes it in its own columns, words,
 * quirks and encoding.
 */
export interface ExportLine {
  title: string;
  amount: number;
  /** as the export writes it: a number, or what was typed there (`1"加急`) */
  quantity?: number | string;
  /** the line's own status word (子订单/商品状态), where the platform writes one */
  lineStatus?: string;
  /** the line's after-sale/refund word */
  afterSale?: string;
}

export interface ExportOrder {
  id: string;
  /** the order's status, in the platform's words */
  status: string;
  province: string;
  city: string;
  district: string;
  street: string;
  phone?: string;
  tel?: string;
  note?: string;
  memo?: string;
  paid?: string;
  /** 发货时间, where the export has it */
  shipped?: string;
  lines: ExportLine[];
}

export type Encoding = 'gbk' | 'utf8-bom' | 'xlsx';

export interface PlatformExport {
  name: string;
  head: string[];
  /** the cells of each line of one order */
  rows(o: ExportOrder): string[][];
  /** the status words of each class in this platform's export */
  words: { unpaid: string; paid: string; closed: string; shipped: string; finished: string; refunding: string; unknown: string };
  /** where the refund-in-progress word goes: the order's status column, or the after-sale column */
  refundIn: 'status' | 'afterSale';
}

const join = (o: ExportOrder, sep = '') => [o.province, o.city, o.district, o.street].join(sep);

/** 千牛 订单报表: one line per order, GBK, `="…"` order numbers, `'` before phones, the address in one column with spaces and a postcode. */
export const QIANNIU: PlatformExport = {
  name: '千牛 订单报表',
  head: ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分', '总金额', '返点积分', '买家实际支付金额', '买家实际支付积分', '订单状态', '买家留言', '收货人姓名', '收货地址 ', '运送方式', '联系电话 ', '联系手机', '订单创建时间', '订单付款时间 ', '宝贝标题 ', '宝贝种类 ', '物流单号 ', '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因'],
  rows: (o) => {
    const total = o.lines.reduce((n, l) => n + l.amount, 0).toFixed(2);
    return [[`="${o.id}"`, 'tb_buyer', '', total, '0.00', '0', total, '0', total, '0', o.status, o.note ?? '', '张*', `${join(o, ' ')}(310000)`, '快递', o.tel ? `'${o.tel}` : "'-", o.phone ? `'${o.phone}` : '', '2024-05-20 09:10:00', o.paid ?? '2024-05-20 09:12:00', o.lines.map((l) => l.title).join(','), String(o.lines.length), '', '', o.memo ?? '', String(o.lines.length === 1 ? (o.lines[0].quantity ?? 1) : o.lines.reduce((n, l) => n + Number(l.quantity ?? 1), 0)), '123', '旗舰店', '订单未关闭']];
  },
  words: { unpaid: '等待买家付款', paid: '买家已付款，等待卖家发货', closed: '交易关闭', shipped: '卖家已发货，等待买家确认', finished: '交易成功', refunding: '退款中', unknown: '等待买家评价中' },
  refundIn: 'status',
};

/** 千牛 宝贝报表 (newer layout): one line per 子订单 under its 主订单编号, line status and 退款状态 per line. */
export const QIANNIU_ITEMS: PlatformExport = {
  name: '千牛 宝贝报表',
  head: ['子订单编号', '主订单编号', '商品标题', '商品价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '联系方式备注', '订单状态', '商家编码', '支付单号', '买家应付货款', '买家实付金额', '退款状态', '退款金额', '订单创建时间', '订单付款时间', '商品ID', '商家备注', '主订单买家留言', '发货时间', '物流单号', '物流公司', '收货人姓名', '收货地址', '联系手机'],
  rows: (o) => o.lines.map((l, i) => [`="${o.id}${i}"`, `="${o.id}"`, l.title, l.amount.toFixed(2), String(l.quantity ?? 1), 'null', '颜色分类:默认', '', '', l.lineStatus ?? o.status, 'null', '2024052022001', l.amount.toFixed(2), l.amount.toFixed(2), l.afterSale ?? '没有申请退款', '0', '2024-05-20 09:10:00', o.paid ?? '2024-05-20 09:12:00', '6543210', o.memo ?? '', o.note ?? '', '', '', '', '李*', join(o, ' '), o.phone ?? '']),
  words: { unpaid: '等待买家付款', paid: '买家已付款,等待卖家发货', closed: '交易关闭', shipped: '卖家已发货，等待买家确认', finished: '交易成功', refunding: '买家已经申请退款，等待卖家同意', unknown: '卖家待确认报价' },
  refundIn: 'afterSale',
};

/** 抖店: one line per 子订单, the address in 省/市/区/街道/详细地址, `-` for empty cells, UTF-8 with a BOM. */
export const DOUDIAN: PlatformExport = {
  name: '抖店',
  head: ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品单价', '订单应付金额', '运费', '优惠总金额', '支付方式', '收件人', '收件人手机号', '省', '市', '区', '街道', '详细地址', '是否修改过地址', '买家留言', '订单提交时间', '支付完成时间', '订单完成时间', '订单状态', '售后状态', '取消原因', '商家备注', '旗帜颜色', '订单类型', '发货时间'],
  rows: (o) => o.lines.map((l, i) => [o.id, `${o.id.slice(0, -2)}${10 + i}`, l.title, '默认', String(l.quantity ?? 1), '3456', 'SKU1', l.amount.toFixed(2), l.amount.toFixed(2), '0', '0', '微信', '*女士', o.phone ?? '-', o.province, o.city, o.district, '-', o.street, '否', o.note ?? '-', '2024-05-20 10:00:00', o.paid ?? '2024-05-20 10:01:30', '-', l.lineStatus ?? o.status, l.afterSale ?? '-', '-', o.memo ?? '-', '-', '普通订单', '-']),
  words: { unpaid: '待支付', paid: '待发货', closed: '已关闭', shipped: '已发货', finished: '已完成', refunding: '售后中', unknown: '待确认收款' },
  refundIn: 'afterSale',
};

/** 拼多多: one line per order, money headers with (元), statuses with full-width commas, numbers ending in a tab. */
export const PDD: PlatformExport = {
  name: '拼多多',
  head: ['订单成交时间', '商品', '订单号', '订单状态', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '收货人', '手机', '省', '市', '区', '街道', '详细地址', '支付时间', '承诺发货时间', '发货时间', '商品id', '商品规格', '商家编码-规格维度', '商家备注', '售后状态', '买家留言', '快递单号', '快递公司'],
  rows: (o) => {
    const l = o.lines[0];
    return [['2024-05-20 11:00:05', l.title, o.id, o.status, `${l.amount.toFixed(2)}\t`, '0\t', '0\t', '0\t', `${l.amount.toFixed(2)}\t`, `${l.amount.toFixed(2)}\t`, `${l.quantity ?? 1}\t`, '*先生', o.phone ?? '', o.province, o.city, o.district, '', o.street, o.paid ?? '2024-05-20 11:00:05', '2024-05-22 11:00:00', '', '778899', '默认', '', o.memo ?? '', l.afterSale ?? '无售后或售后取消', o.note ?? '', '', '']];
  },
  words: { unpaid: '待付款', paid: '待发货', closed: '已取消，退款成功', shipped: '已发货，待收货', finished: '已签收', refunding: '买家申请退款，待商家处理', unknown: '待人工确认' },
  refundIn: 'afterSale',
};

/** 京东: GBK, quoted text, one line per SKU with the order's amounts repeated on every line, one address and one phone column. */
export const JD: PlatformExport = {
  name: '京东',
  head: ['订单号', '商品ID', '商品名称', '订购数量', '支付方式', '下单时间', '京东价', '订单金额', '结算金额', '余额支付', '应付金额', '订单状态', '订单类型', '下单帐号', '客户姓名', '客户地址', '联系电话', '订单备注', '发票类型', '发票抬头', '发票内容', '商家备注', '商家备注等级（等级1-5为由高到低）', '运费金额', '付款确认时间', '增值税发票', '货号', '订单完成时间', '订单来源', '订单渠道'],
  rows: (o) => {
    const total = o.lines.reduce((n, l) => n + l.amount, 0).toFixed(2);
    return o.lines.map((l, i) => [o.id, String(100012 + i), l.title, String(l.quantity ?? 1), '在线支付', '2024-05-20 09:00:00', l.amount.toFixed(2), total, total, '0.00', total, l.lineStatus ?? o.status, '销售订单', 'jd_buyer', '王*', join(o), o.phone ?? o.tel ?? '', o.note ?? '', '', '', '', o.memo ?? '', '', '0.00', o.paid ?? '2024-05-20 09:01:00', '', '', '', '移动端订单', '暂无来源']);
  },
  words: { unpaid: '等待付款', paid: '等待出库', closed: '已取消', shipped: '等待确认收货', finished: '完成', refunding: '(删除)等待出库', unknown: '待审批' },
  refundIn: 'status',
};

/** 快手: an order export that also carries the shipping columns (发货时间, 快递单号, 快递公司), 16-digit order numbers, .xlsx. */
export const KUAISHOU: PlatformExport = {
  name: '快手',
  head: ['订单号', '订单创建时间', '订单支付时间', '商品名称', '商品规格', '商品单价', '成交数量', '实付款', '订单状态', '售后状态', '收货人', '收货人电话', '收货地址', '买家留言', '商家备注', '快递公司', '快递单号', '发货时间', '达人ID'],
  rows: (o) => o.lines.map((l) => [o.id, '2024-05-20 08:59:00', o.paid ?? '2024-05-20 09:00:00', l.title, '默认', l.amount.toFixed(2), String(l.quantity ?? 1), l.amount.toFixed(2), l.lineStatus ?? o.status, l.afterSale ?? '', '赵*', o.phone ?? '', join(o), o.note ?? '', o.memo ?? '', o.shipped ? '中通快递' : '', o.shipped ? '75301234567890' : '', o.shipped ?? '', '']),
  words: { unpaid: '待付款', paid: '待发货', closed: '交易关闭', shipped: '已发货', finished: '交易成功', refunding: '退款中', unknown: '待成单' },
  refundIn: 'afterSale',
};

/** 小红书: .xlsx, `P` + 18-digit order numbers, times in milliseconds, privacy numbers with an extension. */
export const XIAOHONGSHU: PlatformExport = {
  name: '小红书',
  head: ['订单号', '订单状态', '售后状态', '下单时间', '支付时间', '商品名称', '商品数量', '实付金额', '收件人', '收件人手机号', '收件人地址', '用户备注', '商家备注', '商家编码'],
  rows: (o) => o.lines.map((l) => [o.id, l.lineStatus ?? o.status, l.afterSale ?? '无售后', '1716166740000', o.paid ?? '1716166800000', l.title, String(l.quantity ?? 1), l.amount.toFixed(2), '孙*', o.phone ?? '', join(o), o.note ?? '', o.memo ?? '', 'SKU-1']),
  words: { unpaid: '已下单待付款', paid: '待发货', closed: '已取消', shipped: '待收货', finished: '已完成', refunding: '售后处理中', unknown: '待核验' },
  refundIn: 'afterSale',
};

export const PLATFORM_EXPORTS = [QIANNIU, QIANNIU_ITEMS, DOUDIAN, PDD, JD, KUAISHOU, XIAOHONGSHU];

const csvField = (v: string) => (/[",\n]/.test(v) && !/^="[^"]*"$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes the export at `path` (its extension should fit: .csv for gbk and utf8-bom, .xlsx). */
export async function writeExport(path: string, p: PlatformExport, orders: ExportOrder[], encoding: Encoding): Promise<void> {
  const rows = [p.head, ...orders.flatMap((o) => p.rows(o))];
  if (encoding === 'xlsx') {
    await writeWorkbook(path, { [p.name]: rows.map((r) => r.map((v): CellInput => v)) });
    return;
  }
  const text = `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gb18030') : `\uFEFF${text}`);
}
