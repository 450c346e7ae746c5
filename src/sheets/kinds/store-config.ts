import { person, status, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const storeConfig: SheetKind = {
  id: 'store-config',
  title: '店铺功能配置清单',
  titleEn: 'Store set-up checklist',
  stage: 'store',
  sop: '二.2',
  notes: {
    zh: [
      '资质扫描件清晰度≥300dpi;保证金如天猫5-10万元、抖音小店2-5万元。',
      '运费模板:江浙沪包邮,其他地区首重10元/续重5元,新疆、西藏、内蒙古等偏远地区不包邮或加收15元。',
      '支付方式:开通主流支付方式,测试订单支付成功。',
      '物流服务:48小时内揽收,电子面单含店铺LOGO、退换货地址。',
      '运费模板、支付方式、物流服务三项必须"已完成"方可开店。',
    ],
    en: [
      'Qualification scans ≥300 dpi; deposits e.g. Tmall 50–100k yuan, Douyin 20–50k yuan.',
      'Freight template: free within 江浙沪; elsewhere first kg 10 yuan, each further kg 5 yuan; remote regions not free or +15 yuan.',
      'Payment methods: the mainstream ones, with a successful test order.',
      'Logistics: pick-up within 48 h; the e-waybill carries the store logo and the return address.',
      'Freight template, payment and logistics must be 已完成 before launch.',
    ],
  },
  columns: [
    text('item', '配置项', 'Item', 14, '如 运费模板、支付方式、物流服务', 'e.g. 运费模板 / 支付方式 / 物流服务', { required: true }),
    text('content', '配置内容', 'Content', 34, '如 默认模板:江浙沪包邮,其他首重10元/续重5元', 'What was set up'),
    text('standard', '配置标准', 'Standard', 34, '如 符合平台包邮规则,偏远地区明确标注', 'The standard it meets'),
    status({ required: true }),
    person('owner', '负责人', 'Owner'),
    text('note', '备注', 'Note', 24, '可选:补充说明,如 待平台审核', 'Optional: anything to add, e.g. waiting for the platform'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { item: '运费模板', content: '默认模板:江浙沪包邮,其他首重10元/续重5元', standard: '符合平台包邮规则,偏远地区明确标注', status: '已完成', owner: '*勇', note: '新疆西藏不包邮' },
      { item: '支付方式', content: '支付、银联支付', standard: '支持平台主流支付,测试订单支付成功', status: '已完成', owner: '*兰', note: '需定期检查支付接口状态' },
      { item: '物流服务', content: '*通快递(电子面单)', standard: '物流时效48小时内揽收,电子面单含退换货地址', status: '已完成', owner: '*军', note: '每月核对物流结算数据' },
    ],
  },
};
