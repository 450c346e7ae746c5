import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';

const row = (searchIndex: string | number | null) => ({ id: '10001', keyword: '面膜', searchIndex, competition: 0.3 });
ruleTester('keyword-search-index', {
  valid: [12500, 9800, '1.25万', 1].map((v) => ({ rows: [row(v)] })),
  invalid: [
    { rows: [row(0)], errors: [{ messageId: 'notPositive', cell: 'E2', message: '正数' }] },
    { rows: [row(-5)], errors: [{ messageId: 'notPositive', cell: 'E2' }] },
    { rows: [row(null)], errors: [{ messageId: 'missing', cell: 'E2', message: '为空' }] },
    { rows: [row('很多')], errors: [{ messageId: 'notPositive', cell: 'E2' }] },
  ],
});

describe('the keyword sheet', () => {
  it('reads the exposure cell as value and change', async () => {
    const findings = async (exposure: string) => (await runRows('keyword', [{ ...row(12500), exposure }])).map((x) => x.finding);
    expect(await findings('3.8万(+52%)')).toEqual([]);
    expect(await findings('很多(+52%)')).toEqual([expect.objectContaining({ ruleId: 'schema/type', cell: 'G2' })]);
  });
});
