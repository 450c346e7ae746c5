import { describe, expect, it } from 'vitest';
import { campaignTasks } from '../../src/sheets/kinds/campaign-tasks.js';
import { checkRows } from '../helpers/check.js';

const rule = 'task-overdue';
const sop = campaignTasks.examples.rows as Array<Record<string, string>>;
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
describe(rule, () => {
  it("the SOP's rows are on time on 2024-05-21", async () => expect(await checkRows('campaign-tasks', sop, { rule, now: at('2024-05-21') })).toEqual([]));
  it('the third (进行中, due 05-21) is overdue on 05-22', async () => {
    const [f, ...rest] = await checkRows('campaign-tasks', sop, { rule, now: at('2024-05-22') });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ row: 4, cell: 'D4', severity: 'warning' });
    expect(f.message).toContain('逾期 1 天');
  });
});
