import { ruleTester } from '../helpers/rule-tester.js';

const row = (title: string) => ({ id: '1', title });
ruleTester('title-keyword-stuffing', {
  valid: ['敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', '面膜补水面膜'].map((t) => ({ rows: [row(t)] })),
  invalid: ([['面膜补水面膜保湿面膜', '面膜', 3], ['补水补水补水', '补水', 3]] as const).map(([t, w, n]) => ({
    rows: [row(t)], errors: [{ messageId: 'stuffing', cell: 'D2', message: `“${w}”在标题中出现 ${n} 次,属于堆砌关键词:`, expected: '< 3 次', expectedEn: 'fewer than 3 times' }],
  })),
});
