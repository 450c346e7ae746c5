import { day, person, status, text } from '../columns.js';
import type { SheetKind } from '../types.js';

export const campaignTasks: SheetKind = {
  id: 'campaign-tasks',
  title: '活动执行进度表',
  titleEn: 'Campaign task tracker',
  stage: 'campaign',
  sop: '四.2',
  notes: {
    zh: [
      '整合平台、内部、外部资源,按活动节奏推进执行。',
      '物料尺寸:天猫首页海报1440×600px,抖音短视频9:16竖屏。',
      '开始时间≤截止时间;过了截止时间仍未"已完成"的任务为逾期。',
    ],
    en: [
      'Run the campaign by its schedule with platform, internal and external resources.',
      'Asset sizes: Tmall home poster 1440×600 px; Douyin video 9:16.',
      'Start ≤ deadline; a task past its deadline that is not 已完成 is overdue.',
    ],
  },
  columns: [
    text('task', '任务项', 'Task', 16, '如 活动海报设计', 'e.g. 活动海报设计', { required: true }),
    text('description', '任务描述', 'Description', 40, '如 尺寸1440×600px', 'e.g. 1440×600 px poster'),
    day('start', '开始时间', 'Start', { required: true }),
    day('deadline', '截止时间', 'Deadline', { required: true }),
    person('owner', '负责人', 'Owner'),
    status({ required: true, checkedBy: 'task-status' }),
    text('note', '备注', 'Note', 24, '可选:补充说明,如 需设计部配合', 'Optional: anything to add, e.g. needs the design team'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { task: '活动海报设计', description: '包含“520敏感肌关爱节”主题、满减机制、商品主图,尺寸1440×600px', start: '2024-05-10', deadline: '2024-05-12', owner: '*悦', status: '已完成', note: '需添加店铺LOGO及活动时间' },
      { task: '抖音直播脚本', description: '痛点(敏感肌泛红)→产品(神经酰胺面膜)→优惠(满200减30)→行动(购物车)', start: '2024-05-13', deadline: '2024-05-15', owner: '*峰', status: '已完成', note: '直播前需彩排2次' },
      { task: '短信触达老客', description: '发送“520专属10元复购券,:xxx”,仅触达30天内未复购老客', start: '2024-05-20', deadline: '2024-05-21', owner: '*燕', status: '进行中', note: '需过滤已退款订单用户' },
    ],
  },
};
