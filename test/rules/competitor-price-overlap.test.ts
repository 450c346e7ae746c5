import { ruleTester } from '../helpers/rule-tester.js';

const config = { sop: { competitor: { priceBand: '89-159' } } };
const row = (priceBand: string) => ({ name: 'A', priceBand });
ruleTester('competitor-price-overlap', {
  valid: [
    { name: 'silent without our price band', rows: [row('199-299元')] },
    ...['89-159元', '79-169元', '89-149元'].map((b) => ({ name: `${b} overlaps 89-159 by ≥80%`, rows: [row(b)], config })),
  ],
  invalid: ([['199-299元', 0], ['120-200元', 55.7], ['89-140元', 72.9]] as const).map(([b, overlap]) => ({
    rows: [row(b)], config, errors: [{ messageId: 'low', cell: 'D2', severity: 'warning' as const, data: { overlap }, message: `${overlap}%` }],
  })),
});
