import { ruleTester } from '../helpers/rule-tester.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `竞品${i}`, priceBand: '89-159元' }));
ruleTester('competitor-count', {
  valid: [{ name: '1 competitor', rows: rows(1) }, { name: '5 competitors', rows: rows(5) }],
  invalid: [{ name: '6 is one too many', rows: rows(6), errors: [{ messageId: 'tooMany', value: 6, severity: 'warning' }] }],
});
