import { ruleTester } from '../helpers/rule-tester.js';

const row = (competition: string | number | null) => ({ id: '10001', keyword: '面膜', searchIndex: 12500, competition });
ruleTester('keyword-competition-range', {
  valid: [0.3, 0.5, 0, 1, '0.3', null].map((c) => ({ rows: [row(c)] })),
  invalid: [1.2, -0.1, '高', '30%x'].map((c) => ({ rows: [row(c)], errors: [{ messageId: 'range', cell: 'F2', expected: '0-1' }] })),
});
