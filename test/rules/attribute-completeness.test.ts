import { ruleTester } from '../helpers/rule-tester.js';

const row = (attributeCompleteness: string | number) => ({ id: '1', title: 't', attributeCompleteness });
ruleTester('attribute-completeness', {
  valid: ['90%', '95%', 0.9, 1].map((v) => ({ rows: [row(v)] })),
  invalid: [
    { rows: [row('89%')], errors: [{ messageId: 'low', cell: 'I2', severity: 'warning', expected: '≥ 90%', message: '属性完整度 89% 低于 90%' }] },
    { rows: [row(0.5)], errors: [{ messageId: 'low', cell: 'I2' }] },
  ],
});
