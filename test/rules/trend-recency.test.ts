import { ruleTester } from '../helpers/rule-tester.js';
import { trend } from '../../src/sheets/kinds/trend.js';

const sop = trend.examples.rows[0] as Record<string, string>;

ruleTester('trend-recency', {
  valid: [
    { name: "the SOP's own rows", rows: trend.examples.rows as Array<Record<string, string>> },
    { name: 'a period ending three months before the analysis', rows: [{ ...sop, period: '2023.7-12', date: '2024-03-31' }] },
    { name: '近6个月 is recent by its words', rows: [{ ...sop, period: '近6个月' }] },
    { name: 'no analysis date: --now decides', rows: [{ ...sop, period: '2024.1-3', date: '' }], now: new Date(Date.UTC(2024, 4, 1)) },
  ],
  invalid: [
    { name: 'data from 2020 analysed in 2024', rows: [{ ...sop, period: '2020.1-6' }], errors: [{ messageId: 'stale', cell: 'D2', message: '早 46 个月' }] },
    { name: 'four months late', rows: [{ ...sop, period: '2023.6-11', date: '2024-03-31' }], errors: [{ messageId: 'stale', message: '早 4 个月' }] },
    { name: 'no analysis date: stale against --now', rows: [{ ...sop, period: '2024.1-3', date: '' }], now: new Date(Date.UTC(2024, 10, 29)), errors: [{ messageId: 'stale', message: '2024-11-29' }] },
    { name: 'a period that ends after the analysis', rows: [{ ...sop, period: '2024.3-5', date: '2024-04-01' }], errors: [{ messageId: 'future' }] },
  ],
});
