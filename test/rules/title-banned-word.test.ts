import { ruleTester } from '../helpers/rule-tester.js';

const rule = 'title-banned-word';
const row = (title: string) => ({ id: '1', title });
ruleTester(rule, {
  valid: ['敏感肌修护面膜补水舒缓', '最近上新第一次用', '一级能效空调', '100%纯棉T恤'].map((t) => ({ rows: [row(t)] })),
  invalid: [
    {
      name: 'the word is marked, the basis named and a title suggested',
      rows: [row('最佳补水面膜')],
      errors: [{ messageId: 'word', severity: 'error', cell: 'D2', value: '最佳', expected: '优选', suggestion: '优选补水面膜', reasons: ['superlative'], message: /【最佳】补水面膜。依据:《广告法》第九条第\(三\)项/ }],
    },
    { name: 'evasion by spacing and symbols', rows: [row('最 佳面膜 第*一品牌')], errors: [{ messageId: 'word', value: '最 佳' }, { messageId: 'word', value: '第*一' }] },
    { name: "an entry's own severity", rows: [row('独家配方面膜')], errors: [{ messageId: 'word', severity: 'warning' }] },
    { name: 'an entry capped when the rule is lowered', rows: [row('最佳面膜')], config: { rules: { [rule]: 'warning' } }, errors: [{ messageId: 'word', severity: 'warning' }] },
  ],
});
