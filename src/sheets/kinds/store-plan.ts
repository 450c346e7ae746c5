import { day, person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const storePlan: SheetKind = {
  id: 'store-plan',
  title: '店铺定位规划表',
  titleEn: 'Store positioning plan',
  stage: 'store',
  sop: '二.1',
  notes: {
    zh: [
      '基于选品结果与目标客群,明确店铺核心定位,设计视觉风格与页面结构。',
      '视觉风格中的颜色用十六进制写明,如 浅蓝(#E6F3FF)。',
      '首页模块顺序:1.LOGO+导航;2.轮播图;3.爆款推荐(3款核心品);4.分类导航;5.品牌故事;6.客服入口;7.底部保障(正品保证、7天无理由退换)。',
    ],
    en: [
      'Define the store positioning, visual style and page structure from the selection and the audience.',
      'Give colours as hex codes, e.g. 浅蓝(#E6F3FF).',
      'Home page modules in order: logo+navigation, carousel, best sellers (3), category navigation, brand story, customer service, guarantees.',
    ],
  },
  columns: [
    text('store', '店铺名称', 'Store', 18, '如 *妍美妆旗舰店', 'e.g. *妍美妆旗舰店', { required: true }),
    text('positioning', '核心定位', 'Positioning', 24, '如 专注敏感肌抗衰的功效型美妆品牌', 'e.g. 专注敏感肌抗衰的功效型美妆品牌', { required: true }),
    text('audience', '目标客群', 'Audience', 30, '年龄/性别/消费能力/核心需求', 'age/gender/spending/needs', { hint: '年龄/性别/消费能力/核心需求' }),
    text('visual', '视觉风格', 'Visual style', 36, '主色调/辅助色/字体/核心元素,颜色写十六进制如 #E6F3FF', 'main/secondary colour (hex)/font/elements', { hint: '主色调/辅助色/字体/核心元素' }),
    text('pageStructure', '页面结构规划', 'Page structure', 44, '按顺序写7个首页模块:1.LOGO+导航;2.轮播图;…;7.底部保障', 'The 7 home-page modules in order', { hint: '首页模块顺序及内容' }),
    person('owner', '负责人', 'Owner'),
    day('date', '完成日期', 'Done on'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { store: '*妍美妆旗舰店', positioning: '专注敏感肌抗衰的功效型美妆品牌', audience: '25-35岁女性,月消费500-1500元,关注成分安全与抗衰效果', visual: '主色调:浅蓝(#E6F3FF)/辅助色:白色(#FFFFFF);字体:思源黑体(常规);元素:实验室场景、成分分子结构图', pageStructure: '1.LOGO+导航;2.轮播图(新品上市+满减活动);3.爆款推荐(敏感肌面膜+抗老精华);4.分类导航(按“修护/抗衰/清洁”划分);5.品牌故事(实验室研发+专利成分);6.客服入口;7.底部保障', owner: '*静', date: '2024-04-10' },
    ],
  },
};
