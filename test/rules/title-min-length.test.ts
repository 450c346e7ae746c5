import { ruleTester } from '../helpers/rule-tester.js';

const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
ruleTester('title-min-length', {
  valid: ([['面'.repeat(8), '抖音'], ['面'.repeat(7) + 'ab', '抖音'], ['面膜', '淘宝'], ['面膜', undefined]] as const).map(([t, p]) => ({ rows: [row(t, p)] })),
  invalid: ([['面'.repeat(7) + 'a', '抖音'], ['面膜', '抖音'], ['a'.repeat(15), '抖音'], ['面膜', '抖店']] as const).map(([t, p]) => ({ rows: [row(t, p)], errors: [{ messageId: 'short', cell: 'D2', expected: '≥ 16' }] })),
});
