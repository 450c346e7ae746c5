import { ruleTester } from '../helpers/rule-tester.js';

const row = (priceBand: string) => ({ name: 'A', priceBand });
ruleTester('competitor-price-range', {
  valid: ['89-159元', '199-299元', '89元-159元', '89~159', '99元'].map((b) => ({ rows: [row(b)] })),
  invalid: [
    { rows: [row('159-89元')], errors: [{ messageId: 'reversed', cell: 'D2', severity: 'error', expected: '89-159', message: '高于' }] },
    { rows: [row('便宜')], errors: [{ messageId: 'unreadable', cell: 'D2', message: '无法识别' }] },
    { rows: [row('89-')], errors: [{ messageId: 'unreadable', cell: 'D2' }] },
  ],
});
