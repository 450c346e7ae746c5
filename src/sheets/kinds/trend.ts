import { msg } from '../../i18n/catalog.js';
import { day, person, text } from '../columns.js';
import type { SheetKind } from '../types.js';

/** 趋势判断: growing, stable, declining. */
export const TREND_WORDS = ['增长', '稳定', '下滑'] as const;

export const trend: SheetKind = {
  id: 'trend',
  title: '市场趋势分析表',
  titleEn: 'Market trend analysis',
  stage: 'research',
  sop: '一.1',
  notes: {
    zh: [
      '基于目标品类,通过多维度数据收集与交叉分析,判断市场发展趋势,识别细分赛道机会。',
      '数据收集:收集近3-12个月的核心指标(搜索指数、成交额增速、供需比、客单价分布)。',
      '趋势判断:通过数据对比(环比/同比)识别增长点,填写 增长/稳定/下滑,可在括号中写明依据,如 增长(搜索环比+32%)。',
      '核心指标与指标数值用"/"分隔,个数一一对应,如 搜索指数/供需比 ↔ 12500/1:3。',
    ],
    en: [
      'Judge the market trend of the target category from several data sources.',
      'Collect the core metrics of the last 3–12 months (search index, GMV growth, supply/demand ratio, basket size).',
      'Trend: 增长 (growing) / 稳定 (stable) / 下滑 (declining), optionally with the evidence in brackets.',
      'Metrics and values are "/"-separated lists of the same length.',
    ],
  },
  columns: [
    text('market', '目标市场', 'Target market', 18, '细分赛道,如 敏感肌修护面膜', 'Segment, e.g. 敏感肌修护面膜', { required: true }),
    text('source', '数据来源', 'Data source', 20, '如 生意参谋+小红书笔记', 'e.g. 生意参谋+小红书笔记'),
    text('metrics', '核心指标', 'Core metrics', 18, '用/分隔,如 搜索指数/供需比', '"/"-separated, e.g. 搜索指数/供需比', { required: true }),
    {
      key: 'period', header: '数据周期', en: 'Period', type: 'period', width: 14, required: true,
      prompt: msg('sheet.trend.period.prompt'),
      checkedBy: 'trend-period',
    },
    text('values', '指标数值', 'Metric values', 16, '与核心指标一一对应,如 12500/1:3', 'One per metric, e.g. 12500/1:3', { required: true }),
    {
      key: 'direction', header: '趋势判断', hint: '增长/稳定/下滑', en: 'Trend', type: 'enum', width: 22, required: true,
      options: TREND_WORDS, allowReason: true,
      prompt: msg('sheet.trend.direction.prompt'),
    },
    text('conclusion', '分析结论', 'Conclusion', 26, '如 供给不足,存在市场机会', 'e.g. 供给不足,存在市场机会'),
    person('analyst', '分析人', 'Analyst'),
    day('date', '分析日期', 'Date'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { market: '敏感肌修护面膜', source: '生意参谋+小红书笔记', metrics: '搜索指数/供需比', period: '2024.1-3', values: '12500/1:3', direction: '增长(搜索环比+32%)', conclusion: '供给不足,存在市场机会', analyst: '*明', date: '2024-04-01' },
      { market: '抗老精华(玻色因)', source: '飞瓜数据+天猫行业报告', metrics: '成交额增速/客单价', period: '2024.1-3', values: '58%/320元', direction: '增长(成交额环比+45%)', conclusion: '高客单价赛道,消费者付费意愿强', analyst: '*华', date: '2024-04-02' },
    ],
  },
};
