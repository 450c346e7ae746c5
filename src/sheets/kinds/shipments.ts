import { msg } from '../../i18n/catalog.js';
import { day, person, text, freightColumn, weightColumn } from '../columns.js';
import type { SheetKind } from '../types.js';
import { ORDER_NUMBER_ALIASES } from './orders.js';

export const shipments: SheetKind = {
  id: 'shipments',
  title: '物流发货管理表',
  titleEn: 'Shipments',
  stage: 'fulfilment',
  sop: '五.2',
  notes: {
    zh: [
      '常规订单支付后24小时内发货;预售按承诺时间(如3天内);大促(如双11)可延长至48小时。',
      '江浙沪优先*通快递(次日达),偏远地区优先*达快递(覆盖广),大件(礼盒套装)选*邮。',
      '发货后2小时内上传物流单号;物流停滞≥48小时为异常。预计到达时间不早于发货时间。',
      '偏远地区需补运费15元,在备注中写明。',
    ],
    en: [
      'Ship within 24 h of payment; presale by its promise (e.g. 3 days); big promotions (双11) 48 h.',
      '江浙沪 → *通 (next day), remote → *达 (wide coverage), bulky gift sets → *邮.',
      'Upload the tracking number within 2 h of shipping; tracking stalled ≥48 h is an anomaly. ETA ≥ ship date.',
      'Remote addresses carry the 15 yuan surcharge; note it.',
    ],
  },
  columns: [
    text('orderId', '订单号', 'Order ID', 20, '与订单表一致', 'Same as in the orders sheet', { required: true, keepDigits: true, numFmt: '@', aliases: ORDER_NUMBER_ALIASES }),
    text('recipient', '收件人', 'Recipient', 10, '*先生/女士', '*先生 / *女士', { hint: '*先生/女士', aliases: ['收货人'] }),
    text('address', '收件地址', 'Address', 20, '省市,如 浙江省杭州市', 'Province and city', { hint: '省市', required: true, aliases: ['收货地址'] }),
    text('product', '商品名称', 'Product', 18, '商品名称,如 修护面膜', 'Product name, e.g. 修护面膜', { aliases: ['商品'] }),
    { key: 'quantity', header: '数量', en: 'Quantity', type: 'integer', width: 6, min: 1, prompt: msg('sheet.shipments.quantity.prompt') },
    text('carrier', '物流公司', 'Carrier', 12, '如 *通快递', 'e.g. *通快递', { required: true, aliases: ['快递公司'] }),
    text('trackingNo', '物流单号', 'Tracking no.', 18, '如 YT202405200001', 'e.g. YT202405200001', { required: true, keepDigits: true, numFmt: '@', aliases: ['快递单号', '运单号'] }),
    day('shippedAt', '发货时间', 'Shipped at', { required: true, type: 'datetime' }),
    day('eta', '预计到达时间', 'ETA'),
    person('shipper', '发货人', 'Shipper'),
    text('note', '备注', 'Note', 24, '是否加急/易碎品;偏远地区注明补运费', 'urgent / fragile; remote surcharge', { hint: '是否加急/易碎品' }),
    weightColumn(),
    freightColumn(),
    { key: 'trackingUploadedAt', header: '单号上传时间', en: 'Tracking uploaded at', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['物流单号上传时间', '上传时间'], prompt: msg('sheet.shipments.trackingUploadedAt.prompt') },
    { key: 'lastUpdate', header: '物流更新时间', en: 'Last tracking update', type: 'datetime', width: 18, numFmt: 'yyyy-mm-dd hh:mm', aliases: ['最后更新时间', '最新物流时间'], prompt: msg('sheet.shipments.lastUpdate.prompt') },
    { key: 'trackingStatus', header: '物流状态', en: 'Tracking status', type: 'text', width: 10, aliases: ['签收状态'], prompt: msg('sheet.shipments.trackingStatus.prompt') },
  ],
  examples: {
    source: 'sop',
    rows: [
      { orderId: '20240520001', recipient: '*女士', address: '浙江省杭州市', product: '敏感肌修护面膜', quantity: 2, carrier: '*通快递', trackingNo: 'YT202405200001', shippedAt: '2024-05-20', eta: '2024-05-21', shipper: '*英', note: '加急订单,客户备注急用' },
      { orderId: '20240520002', recipient: '*先生', address: '新疆乌鲁木齐市', product: '抗老精华', quantity: 1, carrier: '*达快递', trackingNo: 'YD202405200002', shippedAt: '2024-05-20', eta: '2024-05-24', shipper: '*红', note: '偏远地区,需补运费15元' },
    ],
  },
};
