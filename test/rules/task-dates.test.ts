import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'task-dates';
const row = (start: string, deadline: string) => ({ task: '海报', start, deadline, status: '进行中' });
describe(rule, () => {
  it.each([['2024-05-10', '2024-05-12'], ['2024-05-12', '2024-05-12']])('%s → %s is fine', async (s, d) => expect(await checkRows('campaign-tasks', [row(s, d)], { rule })).toEqual([]));
  it('a start after the deadline is an error', async () => {
    const [f] = await checkRows('campaign-tasks', [row('2024-05-13', '2024-05-12')], { rule });
    expect(f).toMatchObject({ cell: 'C2', severity: 'error' });
  });
});
