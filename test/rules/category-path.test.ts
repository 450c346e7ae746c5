import { ruleTester } from '../helpers/rule-tester.js';

const row = (category: string) => ({ id: '1', title: 't', category });
ruleTester('category-path', {
  valid: [
    '美妆护肤/面膜/修护面膜', '美妆护肤 > 面膜 > 修护面膜', '美妆护肤／面膜／修护面膜',
    // Taobao's own level names hold a slash: with `>` between levels they are one level each
    '美容护肤/美体/精油>面部护理>面膜', '美容护肤/美体/精油 ＞ 面部护理 ＞ 精华液/精华素', '彩妆/香水/美妆工具->唇部彩妆->口红',
    // and a known slashed name written with slashes throughout is still one level
    '美容护肤/美体/精油/面部护理/面膜', '零食/坚果/特产/坚果/混合坚果',
  ].map((c) => ({ rows: [row(c)] })),
  invalid: ([['美妆·面膜', 1], ['美妆护肤/面膜', 2], ['美妆护肤/面膜/修护面膜/贴片', 4], ['美妆护肤//修护面膜', 2], ['美容护肤/美体/精油>面部护理', 2], ['美容护肤/美体/精油', 1]] as const).map(([c, n]) => ({
    rows: [row(c)], errors: [{ messageId: 'levels', cell: 'C2', message: `有 ${n} 级`, expected: '一级/二级/三级', expectedEn: 'level 1/level 2/level 3' }],
  })),
});
