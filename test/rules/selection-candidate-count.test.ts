import { ruleTester } from '../helpers/rule-tester.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ product: `款${i + 1}`, demand: 4, competition: 4, profit: 4, supply: 4 }));
const rule = 'selection-candidate-count';
ruleTester(rule, {
  valid: [
    ...[10, 12, 15].map((n) => ({ name: `${n} candidates`, rows: rows(n) })),
    { name: 'the configured range', rows: rows(3), config: { sop: { selection: { candidates: { min: 3, max: 5 } } } } },
    { name: 'the rule option', rows: rows(3), config: { rules: { [rule]: ['warning', { min: 2 }] } } },
  ],
  invalid: [
    { name: '9 candidates', rows: rows(9), errors: [{ messageId: 'tooFew', severity: 'warning', value: 9, expected: '10-15', message: '少于' }] },
    { name: '16 candidates', rows: rows(16), errors: [{ messageId: 'tooMany', value: 16, message: '多于' }] },
    { name: '3 candidates', rows: rows(3), errors: [{ messageId: 'tooFew', value: 3 }] },
  ],
});
