import { msg } from '../../i18n/catalog.js';
import { day, person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const competitor: SheetKind = {
  id: 'competitor',
  title: '竞品调研记录表',
  titleEn: 'Competitor research',
  stage: 'research',
  sop: '一.2',
  notes: {
    zh: [
      '筛选核心竞品:同品类TOP5商家、价格带重叠度≥80%、目标客群相似度≥70%。',
      '从产品、营销、用户三维度拆解竞品策略,为自身差异化定位提供依据。',
      '价格区间写作 89-159元(低价≤高价);月销量可写 5.2万;推广渠道写作 直播(40%)+小红书(30%),占比合计≤100%。',
    ],
    en: [
      'Pick the TOP5 competitors of the category: price-band overlap ≥80%, audience similarity ≥70%.',
      'Break their strategy down by product, marketing and users.',
      'Price band like 89-159元 (low ≤ high); monthly sales may be 5.2万; channels like 直播(40%)+小红书(30%), shares ≤100% in total.',
    ],
  },
  columns: [
    text('name', '竞品名称', 'Competitor', 14, '如 竞品A', 'e.g. 竞品A', { required: true }),
    text('storeType', '店铺类型', 'Store type', 14, '如 天猫旗舰店、抖音小店', 'e.g. 天猫旗舰店', { aliases: ['店铺类别'] }),
    text('sku', '核心SKU', 'Core SKU', 18, '如 敏感肌修护面膜', 'e.g. 敏感肌修护面膜'),
    {
      key: 'priceBand', header: '价格区间', en: 'Price band', type: 'range', units: ['元'], width: 14, required: true,
      prompt: msg('sheet.competitor.priceBand.prompt'), checkedBy: 'competitor-price-range',
    },
    { key: 'monthlySales', header: '月销量', en: 'Monthly sales', type: 'integer', width: 10, min: 0, prompt: msg('sheet.competitor.monthlySales.prompt') },
    { key: 'audienceSimilarity', header: '目标客群相似度', en: 'Audience similarity', type: 'number', width: 12, min: 0, max: 1, numFmt: '0%', aliases: ['客群相似度'], prompt: msg('sheet.competitor.audienceSimilarity.prompt') },
    text('sellingPoints', '核心卖点', 'Selling points', 24, '如 神经酰胺+泛醇,温和修护', 'e.g. 神经酰胺+泛醇,温和修护'),
    text('channels', '推广渠道', 'Channels', 26, '渠道(占比)用+连接,如 直播(40%)+小红书(30%)', 'channel(share) joined by +, e.g. 直播(40%)+小红书(30%)'),
    text('reviewWords', '用户评价高频词', 'Frequent review words', 22, '如 温和不刺激、补水效果好', 'e.g. 温和不刺激、补水效果好'),
    text('strengths', '优势分析', 'Strengths', 22, '如 成分口碑好,复购率高', 'e.g. 成分口碑好,复购率高'),
    text('weaknesses', '劣势分析', 'Weaknesses', 22, '如 价格偏高,包装简陋', 'e.g. 价格偏高,包装简陋'),
    person('researcher', '调研人', 'Researcher'),
    day('date', '调研日期', 'Date'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { name: '竞品A', storeType: '天猫旗舰店', sku: '敏感肌修护面膜', priceBand: '89-159元', monthlySales: '5.2万', sellingPoints: '神经酰胺+泛醇,温和修护', channels: '直播(40%)+小红书(30%)', reviewWords: '温和不刺激、补水效果好', strengths: '成分口碑好,复购率高', weaknesses: '价格偏高,包装简陋', researcher: '*芳', date: '2024-04-03' },
      { name: '竞品B', storeType: '抖音小店', sku: '抗老精华(玻色因)', priceBand: '199-299元', monthlySales: '3.8万', sellingPoints: '10%玻色因浓度,紧致淡纹', channels: '短视频(50%)+千川投放', reviewWords: '效果明显、质地黏腻', strengths: '成分浓度高,功效突出', weaknesses: '肤感差,敏感肌慎用', researcher: '*杰', date: '2024-04-04' },
    ],
  },
};
