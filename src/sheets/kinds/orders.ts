import { msg } from '../../i18n/catalog.js';
import { freightColumn, weightColumn, YES_NO, text } from '../columns.js';
import type { SheetKind } from '../types.js';
import { ORDER_LINES } from '../../domain/order-sheet.js';

/**
 * The names platforms' and ERPs' exports give an order's number (docs/platform-exports.md has where each was
 * learned): an orders sheet and a shipments sheet name the same number alike (outsider helper-97: a 发货 sheet
 * keyed by 主订单编号 or 平台订单号 was "missing 订单号", and its late shipments never joined).
 */
export const ORDER_NUMBER_ALIASES = ['订单编号', '订单ID', '主订单编号', '订单号码', '平台订单号', '快手订单编号', '主订单号', '父订单号', '原始单号', '线上订单号', '网店订单号', '平台单号', 'Order Number', 'Order No.', 'Order No', 'Order Code', 'order_id', 'order_sn', 'tid'];

export const orders: SheetKind = {
  id: 'orders',
  title: '订单',
  titleEn: 'Orders',
  stage: 'fulfilment',
  sop: '五.1',
  notes: {
    zh: [
      '自动审核条件:金额≤500元、地址非偏远地区、非预售商品,三者同时满足方可自动审核通过。',
      '异常订单(金额>5000元、地址模糊如"xx公司前台"、备注"加急")标记为"待人工审核"。',
      '备注"加急发货"标记"优先打单";库存不足则触发预售("预计3天内发货")或联系买家。',
      '时效:审核30分钟内,打单1小时内,揽收2小时内。',
      '地址可写在一列"收件地址",也可分为 省/市/区/详细地址 四列(如ERP导出)。',
    ],
    en: [
      'Auto-approve only when amount ≤500 yuan AND the address is not remote AND not presale.',
      'Manual review (待人工审核) for amount >5000 yuan, vague addresses (xx公司前台), notes asking for 加急.',
      '加急 → print first (优先打单); short stock → presale ("预计3天内发货") or contact the buyer.',
      'SLAs: review within 30 min, print within 1 h, pick-up within 2 h.',
      'The address may be one column 收件地址 or four: 省/市/区/详细地址 (as ERP exports have them).',
    ],
  },
  // Read as each platform's order export writes them (docs/platform-exports.md says where each
  // header was learned). Columns marked `exportOnly` are read from exports; the template leaves them out.
  signature: [['orderId'], ['amount', 'orderAmount'], ['paidAt', 'status', 'lineStatus', 'afterSale']],
  continuation: ORDER_LINES,
  columns: [
    text('orderId', '订单号', 'Order ID', 20, '平台订单号', 'Platform order number', { required: true, keepDigits: true, numFmt: '@', aliases: ORDER_NUMBER_ALIASES }),
    { key: 'paidAt', header: '支付时间', en: 'Paid at', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['付款时间', '订单付款时间', '支付完成时间', '订单成交时间', '成交时间', '付款完成时间', '付款确认时间', '订单支付时间', '支付成功时间', '买家付款时间', '付款日期', 'Paid Time', 'Payment Time', 'Pay Time', 'Payment Date', 'Paid Date', 'pay_time', 'paid_at'], prompt: msg('sheet.orders.paidAt.prompt') },
    text('recipient', '收件人', 'Recipient', 10, '隐私用*代替,如 *女士', 'Masked, e.g. *女士', { aliases: ['收货人', '收货人姓名', '收件人姓名', '客户姓名', '收货人名称', '收件人名称', 'Receiver', 'Receiver Name', 'Recipient Name', 'Consignee', 'Ship To'] }),
    text('phone', '电话', 'Phone', 14, '11位手机号或 138****5678', '11-digit mobile or 138****5678', { keepDigits: true, numFmt: '@', aliases: ['联系手机', '收件人手机号', '收货人手机号', '手机', '手机号', '手机号码', '收件人电话', '收货人电话', '收件人手机', '收货人手机', '收货人联系方式', '收件人联系方式', '联系方式', '收货电话', 'Mobile', 'Receiver Phone', 'Receiver Mobile', 'Phone Number'] }),
    text('address', '收件地址', 'Address', 36, '省/市/区/街道,如 浙江省杭州市西湖区文三路90号', 'province/city/district/street', { hint: '省/市/区/街道', aliases: ['收货地址', '地址', '详细收货地址', '收货人地址', '客户地址', '收件人地址', '收货人详细地址', '收件详细地址', 'Shipping Address', 'Receiver Address'] }),
    text('province', '省', 'Province', 8, '分列地址时填写', 'When the address is split', { aliases: ['省份', '收货省份', '收件省', '收货人省份'] }),
    text('city', '市', 'City', 8, '分列地址时填写', 'When the address is split', { aliases: ['城市', '收货城市', '收件市', '收货人城市'] }),
    text('district', '区', 'District', 8, '分列地址时填写', 'When the address is split', { aliases: ['区县', '收货区县', '收件区', '收货人区县', '区/县'] }),
    text('town', '街道', 'Town', 10, '分列地址时填写(乡镇/街道)', 'When the address is split (town)', { aliases: ['乡镇', '乡镇街道', '街道/乡镇'] }),
    text('street', '详细地址', 'Street address', 24, '分列地址时填写', 'When the address is split', { aliases: ['街道地址', '收货详细地址', '收件人详细地址'] }),
    text('product', '商品', 'Product', 18, '商品名称', 'Product name', { aliases: ['商品名称', '宝贝标题', '商品标题', '选购商品', '商品名', '宝贝名称', '货品名称', '商品信息', 'Product Name', 'Item Title', 'Item Name', 'Item', 'Title'] }),
    { key: 'quantity', header: '数量', en: 'Quantity', type: 'integer', width: 6, min: 1, aliases: ['购买数量', '商品数量', '宝贝总数量', '订购数量', '成交数量', '宝贝数量', '件数', '购买件数', '商品件数', '商品数', '购买数', '下单数量', 'SKU数量', 'Qty'], prompt: msg('sheet.orders.quantity.prompt') },
    { key: 'amount', header: '金额', en: 'Amount', type: 'money', width: 10, required: true, alternative: 'orderAmount', min: 0, numFmt: '0.00', aliases: ['实付金额', '买家实际支付金额', '买家实付金额', '实付款', '用户实付金额', '实际支付金额', '支付金额', '付款金额', '商家实收金额', '商家实收', '商品实付金额', '商品实付', '子订单实付金额', '小计', '订单应付金额', 'Paid Amount', 'Amount Paid', 'Payment Amount', 'Actual Payment', 'Paid'], prompt: msg('sheet.orders.amount.prompt') },
    { key: 'presale', header: '是否预售', en: 'Presale', type: 'boolean', width: 8, options: YES_NO, prompt: msg('sheet.orders.presale.prompt') },
    text('note', '买家备注', 'Buyer note', 24, '如 加急', 'e.g. 加急', { aliases: ['买家留言', '主订单买家留言', '买家留言备注', '用户备注', '用户留言', '留言', '买家附言', 'Buyer Message', 'Buyer Remark'] }),
    { key: 'stock', header: '库存', en: 'Stock', type: 'integer', width: 6, min: 0, prompt: msg('sheet.orders.stock.prompt') },
    weightColumn(),
    { key: 'reviewedAt', header: '审核时间', en: 'Reviewed at', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['审核完成时间'], prompt: msg('sheet.orders.reviewedAt.prompt') },
    { key: 'printedAt', header: '打单时间', en: 'Printed at', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['打印时间', '面单打印时间'], prompt: msg('sheet.orders.printedAt.prompt') },
    { key: 'pickedUpAt', header: '揽收时间', en: 'Picked up at', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['揽件时间'], prompt: msg('sheet.orders.pickedUpAt.prompt') },
    freightColumn(),
    text('status', '订单状态', 'Order status', 14, '平台导出的订单状态,如 买家已付款,等待卖家发货', 'The status the platform exports', { exportOnly: true, aliases: ['交易状态', '主订单状态', '订单交易状态', '平台订单状态', '平台状态', '线上状态', '订单状态(主)', '状态', '订单当前状态', '发货状态', '支付状态', '付款状态', 'order_status', 'Trade Status', 'Status', 'State', 'Order State'] }),
    text('lineStatus', '子订单状态', 'Item status', 14, '每个商品行的状态', 'Each item line\'s status', { exportOnly: true, aliases: ['商品状态', '宝贝状态', '子单状态', '商品订单状态', '子订单交易状态', 'Sub Order Status', 'Line Status'] }),
    text('afterSale', '售后状态', 'After-sale status', 14, '如 无售后、退款中、退款成功', 'e.g. 无售后, 退款中, 退款成功', { exportOnly: true, aliases: ['退款状态', '退货退款状态', '售后单状态', '退款/售后状态', '售后/退款状态', '售后', '维权状态', '退款维权状态', '售后维权状态', '维权', '退款/维权', '纠纷状态', 'Refund Status', 'After Sale Status', 'Dispute Status', 'refund_status'] }),
    text('orderType', '订单类型', 'Order type', 10, '如 普通订单、预售订单', 'e.g. 普通订单, 预售订单', { exportOnly: true, aliases: ['订单类别', '交易类型'] }),
    text('memo', '商家备注', 'Seller memo', 24, '卖家自己写的备注', 'The seller\'s own memo', { exportOnly: true, aliases: ['卖家备注', '主订单备注', '商家备忘', '卖家留言', '商家留言', 'Seller Note', 'Seller Remark', 'seller_memo'] }),
    text('remark', '订单备注', 'Order remark', 24, '订单上的其他备注(京东:买家备注;淘宝:卖家备注)', 'Other remarks on the order', { exportOnly: true, aliases: ['备注', '客服备注', '常用备注', '其他备注', '订单留言', 'Remark', 'Remarks', 'Note', 'Notes'] }),
    text('tel', '联系电话', 'Telephone', 14, '座机;手机为空时使用', 'Landline; used when the mobile is empty', { exportOnly: true, keepDigits: true, aliases: ['固定电话', '固话', '座机', '收件人固话', '收货人固话', 'Tel', 'Landline'] }),
    { key: 'orderAmount', header: '订单金额', en: 'Order amount', type: 'money', width: 10, min: 0, exportOnly: true, aliases: ['订单实付金额', '应付金额', '订单总金额', '订单总额', 'Order Total', 'Total Amount'], prompt: msg('sheet.orders.orderAmount.prompt') },
    { key: 'shippedAt', header: '发货时间', en: 'Shipped at', type: 'datetime', width: 18, exportOnly: true, aliases: ['卖家发货时间', '商家发货时间', 'Ship Time', 'Shipped Time'], prompt: msg('sheet.orders.shippedAt.prompt') },
    text('carrier', '物流公司', 'Carrier', 12, '如 中通快递', 'e.g. 中通快递', { exportOnly: true, aliases: ['快递公司', '物流公司名称', '快递名称', 'Logistics Company', 'Express Company'] }),
    text('trackingNo', '物流单号', 'Tracking no.', 18, '如 YT202405200001', 'e.g. YT202405200001', { exportOnly: true, keepDigits: true, aliases: ['快递单号', '运单号', '运单编号', '物流编号', 'Tracking Number', 'Tracking No', 'Waybill No'] }),
    text('lineId', '子订单编号', 'Line ID', 20, '一单多行时每行的编号', 'Each line\'s own number', { exportOnly: true, keepDigits: true, aliases: ['子订单号', '子订单ID', '订单明细编号', '商品订单号', '子单号', 'oid', 'Sub Order ID', 'Line Item ID'] }),
    text('sku', '商品规格', 'SKU', 16, '规格、商家编码或 SKU', 'Variant, SKU or the seller\'s code', { exportOnly: true, aliases: ['规格', 'SKU编码', '商品编码', '商家编码', '商家编码-SKU维度', '商家编码-规格维度', '货号', '商品货号', '销售属性', '颜色分类', '商品属性', '样式ID', 'Variant'] }),
    { key: 'refundAmount', header: '退款金额', en: 'Refund amount', type: 'money', width: 10, min: 0, exportOnly: true, aliases: ['买家退款金额', '退款总额', '已退款金额', 'Refunded'], prompt: msg('sheet.orders.refundAmount.prompt') },
  ],
  outputs: [
    { key: 'decision', header: '审核结果', en: 'Review', width: 10 },
    { key: 'reasons', header: '审核原因', en: 'Reasons', width: 40 },
    { key: 'priority', header: '优先打单', en: 'Print first', width: 10 },
  ],
  examples: {
    // The SOP gives the review rules but no order rows; these follow its shipment examples.
    source: 'ecsop',
    rows: [
      { orderId: '20240520001', paidAt: '2024-05-20 09:12', recipient: '*女士', phone: '138****5678', address: '浙江省杭州市西湖区文三路90号', product: '敏感肌修护面膜', quantity: 2, amount: 258, presale: '否', note: '加急,急用', stock: 120 },
      { orderId: '20240520002', paidAt: '2024-05-20 10:05', recipient: '*先生', phone: '139****1234', address: '新疆乌鲁木齐市天山区解放北路8号', product: '抗老精华', quantity: 1, amount: 299, presale: '否', note: '', stock: 80 },
      { orderId: '20240520003', paidAt: '2024-05-20 11:30', recipient: '*经理', phone: '137****0001', address: 'xx公司前台', product: '抗老精华', quantity: 20, amount: 5980, presale: '否', note: '', stock: 80 },
    ],
  },
};
