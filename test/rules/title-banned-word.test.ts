import { ruleTester } from '../helpers/rule-tester.js';

const rule = 'title-banned-word';
const row = (title: string, category?: string) => ({ id: '1', title, ...(category ? { category } : {}) });
ruleTester(rule, {
  valid: [
    ...['敏感肌修护面膜补水舒缓', '最近上新第一次用', '一级能效空调', '100%纯棉T恤', '每日坚果 最佳赏味期内发货', '羽绒服 最大码4XL', '本店最热销款 碎花裙'].map((t) => ({ rows: [row(t)] })),
    { name: 'a grade under a national standard', rows: [row('五常大米一级稻花香 10kg', '食品/粮油/大米')] },
  ],
  invalid: [
    {
      name: 'the word is marked, the basis named, and a sure rewrite suggested',
      rows: [row('最佳补水面膜 保湿 玻尿酸精华')],
      errors: [{ messageId: 'word', severity: 'error', cell: 'D2', value: '最佳', suggestion: '补水面膜 保湿 玻尿酸精华', reasons: ['superlative'], message: /【最佳】补水面膜.*依据:《广告法》第九条第\(三\)项/ }],
    },
    { name: 'evasion by spacing, symbols and traditional characters', rows: [row('最 佳面膜 第*一品牌 舉世無雙')], errors: [{ messageId: 'word', value: '最 佳' }, { messageId: 'word', value: '第*一品牌' }, { messageId: 'word', value: '舉世無雙' }] },
    { name: 'idioms of being unmatched', rows: [row('首屈一指的手工皂')], errors: [{ messageId: 'word', value: '首屈一指' }] },
    { name: 'state bodies and the army', rows: [row('人民大会堂宴会用酒 军工级')], errors: [{ messageId: 'word', value: '人民大会堂' }, { messageId: 'word', value: '军工级' }] },
    { name: "an entry's own severity", rows: [row('独家配方面膜')], errors: [{ messageId: 'word', severity: 'warning' }] },
    { name: 'an entry capped when the rule is lowered', rows: [row('最佳面膜')], config: { rules: { [rule]: 'warning' } }, errors: [{ messageId: 'word', severity: 'warning' }] },
    { name: 'a specification with its value: a warning that explains', rows: [row('折叠梯 最大承重150kg')], errors: [{ messageId: 'spec', severity: 'warning', reasons: ['superlative', 'spec'] }] },
  ],
});
