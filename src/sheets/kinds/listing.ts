import { msg } from '../../i18n/catalog.js';
import { platformOf, PLATFORMS } from '../../domain/platforms.js';
import { person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const listing: SheetKind = {
  id: 'listing',
  title: '商品信息',
  titleEn: 'Listings',
  stage: 'listing',
  sop: '三.1',
  notes: {
    zh: [
      '类目:通过平台类目树精准选择三级类目,如 美妆护肤/面膜/修护面膜。',
      '标题 = 核心关键词 + 属性词 + 卖点词 + 场景词,≤30个汉字,禁用"最""第一""绝对"等极限词。',
      '核心关键词布局在标题前10个字。',
      '主图:首图无牛皮癣(无水印、文字面积≤10%),800×800px或1:1;第二图细节,第三图场景,第四图资质。',
      '详情页:图片宽度≤750px,每段≤3行,加载速度≤3秒。属性完整度≥90%。',
    ],
    en: [
      'Category: a three-level path, e.g. 美妆护肤/面膜/修护面膜.',
      'Title = core keyword + attributes + selling points + scene, at most 30 hanzi, no absolute terms (最, 第一, 绝对 …).',
      'The core keyword sits within the first 10 characters of the title.',
      'Main image: no watermark, text ≤10% of the area, 800×800 px or 1:1; images 2–4: detail, scene, qualification.',
      'Detail page: images ≤750 px wide, paragraphs ≤3 lines, loads in ≤3 s. Attributes ≥90% complete.',
    ],
  },
  columns: [
    text('id', '商品ID', 'Item ID', 12, '平台商品ID,如 10001', 'Platform item id, e.g. 10001', { required: true, aliases: ['商品编号', '宝贝ID'] }),
    {
      key: 'platform', header: '平台', en: 'Platform', type: 'enum', width: 10, options: PLATFORMS.map((p) => p.name), optionOf: (w) => platformOf(w)?.name,
      prompt: msg('sheet.listing.platform.prompt'),
    },
    text('category', '类目', 'Category', 26, '三级类目,如 美妆护肤/面膜/修护面膜', 'Three levels, e.g. 美妆护肤/面膜/修护面膜', { aliases: ['商品类目'] }),
    text('title', '商品标题', 'Title', 48, '核心关键词+属性词+卖点词+场景词,≤30个汉字,禁用极限词', 'keyword+attributes+selling points+scene, ≤30 hanzi, no absolute terms', { required: true, aliases: ['标题', '宝贝标题'] }),
    text('keyword', '核心关键词', 'Core keyword', 16, '须出现在标题前10个字', 'Must be within the first 10 characters of the title'),
    text('mainImage', '主图', 'Main image', 20, '800×800px 1:1,首图加2-4张;可填图片文件路径,ecsop media 按实际尺寸检查', '800×800 px 1:1, the first plus 2-4; file paths here are checked by ecsop media', { aliases: ['主图链接', '主图文件'] }),
    text('detailImages', '详情图', 'Detail images', 20, '宽度≤750px;可填图片文件路径', '≤750 px wide; may list image files', { aliases: ['详情图文件'] }),
    text('video', '主图视频', 'Video', 20, '9:16竖屏;可填视频文件路径', '9:16 portrait; may name the video file', { aliases: ['视频', '短视频', '视频文件'] }),
    { key: 'attributeCompleteness', header: '属性完整度', en: 'Attribute completeness', type: 'number', width: 12, min: 0, max: 1, numFmt: '0%', prompt: msg('sheet.listing.attributeCompleteness.prompt') },
    person('owner', '负责人', 'Owner'),
  ],
  examples: {
    source: 'ecsop',
    rows: [
      { id: '10001', platform: '淘宝', category: '美妆护肤/面膜/修护面膜', title: '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', keyword: '敏感肌修护面膜', mainImage: '800×800 产品正面图(纯白背景)', detailImages: '750px 成分表', attributeCompleteness: '95%', owner: '*敏' },
      { id: '10002', platform: '抖音', category: '美妆护肤/面部精华/抗老精华', title: '抗老精华玻色因紧致淡纹精华液', keyword: '抗老精华', mainImage: '800×800 产品正面图', detailImages: '750px 核心成分', attributeCompleteness: '92%', owner: '*涛' },
    ],
  },
};
