import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'keyword-search-index';
const row = (searchIndex: unknown) => ({ id: '10001', keyword: '面膜', searchIndex, competition: 0.3 }) as unknown as Record<string, never>;
describe(rule, () => {
  it.each([12500, 9800, '1.25万', 1])('%s is fine', async (v) => expect(await checkRows('keyword', [row(v)], { rule })).toEqual([]));
  it.each([[0, '正数'], [-5, '正数'], [null, '为空'], ['很多', '正数']])('%s is wrong', async (v, text) => {
    const [f] = await checkRows('keyword', [row(v)], { rule });
    expect(f).toMatchObject({ cell: 'E2' });
    expect(f.message).toContain(text);
  });
  it('reads the exposure cell as value and change', async () => {
    expect(await checkRows('keyword', [{ ...row(12500), exposure: '3.8万(+52%)' }])).toEqual([]);
    const bad = await checkRows('keyword', [{ ...row(12500), exposure: '很多(+52%)' }]);
    expect(bad).toEqual([expect.objectContaining({ ruleId: 'schema/type', cell: 'G2' })]);
  });
});
