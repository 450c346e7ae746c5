import { ruleTester } from '../helpers/rule-tester.js';

const row = (audienceSimilarity: string | number | null) => ({ name: '竞品A', priceBand: '89-159元', audienceSimilarity });
ruleTester('competitor-audience-similarity', {
  valid: [
    ...['70%', '75%', 0.7, 1, null].map((v) => ({ rows: [row(v)] })),
    { name: 'a lower bar from config', rows: [row('60%')], config: { sop: { competitor: { audienceSimilarity: 0.6 } } } },
  ],
  invalid: [
    { name: '69% is just below the SOP’s 70%', rows: [row('69%')], errors: [{ messageId: 'low', cell: 'F2', field: '目标客群相似度', severity: 'warning', value: '69%', expected: '≥ 70%', message: '“竞品A”的目标客群相似度 69% 低于 70%' }] },
    { rows: [row(0.5)], errors: [{ messageId: 'low', cell: 'F2' }] },
  ],
});
