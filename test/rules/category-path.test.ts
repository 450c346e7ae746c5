import { ruleTester } from '../helpers/rule-tester.js';

const row = (category: string) => ({ id: '1', title: 't', category });
ruleTester('category-path', {
  valid: ['美妆护肤/面膜/修护面膜', '美妆护肤 > 面膜 > 修护面膜', '美妆护肤／面膜／修护面膜'].map((c) => ({ rows: [row(c)] })),
  invalid: ([['美妆·面膜', 1], ['美妆护肤/面膜', 2], ['美妆护肤/面膜/修护面膜/贴片', 4], ['美妆护肤//修护面膜', 2]] as const).map(([c, n]) => ({
    rows: [row(c)], errors: [{ messageId: 'levels', cell: 'C2', message: `有 ${n} 级` }],
  })),
});
