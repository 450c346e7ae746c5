import { msg } from '../../i18n/catalog.js';
import { day, person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const keyword: SheetKind = {
  id: 'keyword',
  title: '商品关键词优化表',
  titleEn: 'Keyword optimisation',
  stage: 'listing',
  sop: '三.2',
  notes: {
    zh: [
      '挖掘高搜索低竞争长尾关键词,记录搜索指数、竞争度(0-1)。',
      '核心关键词布局在标题前10个字;长尾关键词布局在详情页首段、SKU属性、商品评价。',
      '优化后7天搜索曝光量可写作 3.8万(+52%)。属性完整度≥90%可提升搜索权重。',
    ],
    en: [
      'Find long-tail keywords with high search and low competition; record the search index and competition (0–1).',
      'Core keyword within the first 10 characters of the title; long-tail keywords in the detail page, SKU attributes, reviews.',
      'Exposure 7 days after optimisation may be written 3.8万(+52%).',
    ],
  },
  columns: [
    text('id', '商品ID', 'Item ID', 12, '与商品信息表的商品ID一致', 'Same id as in the listing sheet', { required: true, aliases: ['商品编号', '宝贝ID'] }),
    text('keyword', '核心关键词', 'Core keyword', 16, '如 敏感肌修护面膜', 'e.g. 敏感肌修护面膜', { required: true }),
    text('longTail', '长尾关键词', 'Long-tail keywords', 22, '如 泛醇成分舒缓面膜', 'e.g. 泛醇成分舒缓面膜'),
    text('placement', '关键词布局位置', 'Placement', 26, '标题/详情/SKU/评价', 'title/detail/SKU/reviews', { hint: '标题/详情/SKU/评价' }),
    { key: 'searchIndex', header: '搜索指数', en: 'Search index', type: 'number', width: 10, required: true, above: 0, prompt: msg('sheet.keyword.searchIndex.prompt'), checkedBy: 'keyword-search-index' },
    { key: 'competition', header: '竞争度', en: 'Competition', type: 'number', width: 8, min: 0, max: 1, prompt: msg('sheet.keyword.competition.prompt'), checkedBy: 'keyword-competition-range' },
    { key: 'exposure', header: '优化后7天搜索曝光量', en: '7-day exposure', type: 'change', width: 18, prompt: msg('sheet.keyword.exposure.prompt') },
    person('owner', '负责人', 'Owner'),
    day('date', '优化日期', 'Date'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { id: '10001', keyword: '敏感肌修护面膜', longTail: '泛醇成分舒缓面膜', placement: '标题(前10字)、详情首段、SKU属性', searchIndex: 12500, competition: 0.3, exposure: '3.8万(+52%)', owner: '*敏', date: '2024-04-12' },
      { id: '10002', keyword: '抗老精华', longTail: '玻色因抗老精华紧致淡纹', placement: '标题、详情“核心成分”模块、评价引导', searchIndex: 9800, competition: 0.5, exposure: '2.5万(+38%)', owner: '*涛', date: '2024-04-12' },
    ],
  },
};
