import { ruleTester } from '../helpers/rule-tester.js';

const row = (period: string) => ({ market: '面膜', metrics: 'a', period, values: '1', direction: '增长' });
ruleTester('trend-period', {
  valid: ['2024.1-3', '2023.10-2024.3', '近6个月', '近12个月', '2024年1-3月', '2023.4-2024.3', '近1年'].map((p) => ({ rows: [row(p)] })),
  invalid: [
    ...([['2024.1-2', 2], ['近2个月', 2], ['2023.1-2024.1', 13], ['近2年', 24]] as const).map(([p, months]) => ({ rows: [row(p)], errors: [{ messageId: 'length', cell: 'D2', severity: 'warning' as const, message: `${months} 个月`, expected: '3-12个月', expectedEn: '3-12 months' }] })),
    { name: 'an unreadable period', rows: [row('第一季度')], errors: [{ messageId: 'unreadable', message: '无法识别' }] },
  ],
});
