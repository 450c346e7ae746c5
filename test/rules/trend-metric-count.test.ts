import { ruleTester } from '../helpers/rule-tester.js';

const row = (metrics: string, values: string) => ({ market: '面膜', metrics, period: '2024.1-3', values, direction: '增长' });
ruleTester('trend-metric-count', {
  valid: [['搜索指数/供需比', '12500/1:3'], ['成交额增速/客单价', '58%/320元'], ['搜索指数', '12500']].map(([m, v]) => ({ rows: [row(m, v)] })),
  invalid: [['搜索指数/供需比', '12500'], ['搜索指数', '12500/1:3'], ['a/b/c', '1/2']].map(([m, v]) => ({ rows: [row(m, v)], errors: [{ messageId: 'count', cell: 'E2', field: '指标数值', expected: `${m.split('/').length} 项`, expectedEn: m.split('/').length === 1 ? '1 value' : `${m.split('/').length} values` }] })),
});
