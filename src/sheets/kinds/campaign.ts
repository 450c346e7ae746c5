import { person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const campaign: SheetKind = {
  id: 'campaign',
  title: '营销活动方案表',
  titleEn: 'Campaign plan',
  stage: 'campaign',
  sop: '四.1',
  notes: {
    zh: [
      '目标设定遵循SMART原则,写量化指标,如 GMV50万元,新客占比30%,粉丝+1万。',
      '节奏:预热期3天、爆发期2天、返场期1天,前后相接,写作 5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)。',
      '预算分配:推广费用50%、补贴成本30%、物料制作10%、备用金10%,写作 15万/9万/3万/3万(总预算30万;SOP 示例行的 15万/10万/3万/2万 与这个比例差 3 个百分点以上,会被提示)。',
      'ROI = 目标GMV ÷ 推广投入 ≥ 3(如推广投入15万元,目标GMV50万元,ROI=3.33)。',
      '推广渠道写作 直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%),占比合计100%。',
    ],
    en: [
      'Goals are SMART and quantified, e.g. GMV50万元,新客占比30%,粉丝+1万.',
      'Phases: warm-up 3 days, peak 2 days, encore 1 day, back to back: 5.17-5.19(预热);5.20-5.21(爆发);5.22(返场).',
      'Budget: promotion 50%, subsidies 30%, materials 10%, reserve 10%, e.g. 15万/9万/3万/3万 (30万 in all; the SOP\'s example row, 15万/10万/3万/2万, strays more than 3 points from it and is flagged).',
      'ROI = GMV target ÷ promotion spend ≥ 3 (15万 spend for a 50万 target: ROI 3.33).',
      'Channels like 直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%), summing to 100%.',
    ],
  },
  columns: [
    text('name', '活动名称', 'Campaign', 18, '如 520敏感肌关爱节', 'e.g. 520敏感肌关爱节', { required: true }),
    text('goal', '活动目标', 'Goal', 30, '量化指标,如 GMV50万元,新客占比30%,粉丝+1万', 'Quantified, e.g. GMV50万元,新客占比30%', { hint: '量化指标', required: true }),
    text('schedule', '活动时间', 'Schedule', 40, '5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)', 'warm-up;peak;encore dates', { hint: '预热/爆发/返场' }),
    text('mechanism', '活动机制', 'Mechanism', 30, '如 满200减30;买面膜送精华小样', 'e.g. 满200减30', { hint: '满减/折扣/赠品等' }),
    text('channels', '推广渠道', 'Channels', 40, '渠道(占比)用+连接,合计100%', 'channel(share) joined by +, 100% in total'),
    text('budget', '预算分配', 'Budget', 22, '推广/补贴/物料/备用金,如 15万/9万/3万/3万', 'promotion/subsidy/materials/reserve', { hint: '推广/补贴/物料/备用金', required: true }),
    person('owner', '负责人', 'Owner'),
    text('departments', '协同部门', 'Departments', 24, '如 设计部(物料)、供应链(备货)', 'e.g. 设计部(物料)'),
  ],
  examples: {
    source: 'sop',
    rows: [
      // The SOP prints 负责人 and 协同部门 swapped in this row; we keep them in their columns.
      { name: '520敏感肌关爱节', goal: 'GMV50万元,新客占比30%,粉丝+1万', schedule: '5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)', mechanism: '满200减30;买面膜送精华小样;前100名送定制面膜刷', channels: '直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%)', budget: '15万/10万/3万/2万', owner: '*琳', departments: '设计部(物料)、供应链(备货)' },
    ],
  },
};
