import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'task-status';
const row = (status: string | null) => ({ task: '海报', start: '2024-05-10', deadline: '2024-05-12', status });
describe(rule, () => {
  it.each(['未开始', '进行中', '已完成', ' 已完成 '])('%s is fine', async (s) => expect(await checkRows('campaign-tasks', [row(s)], { rule })).toEqual([]));
  it.each([['完成'], ['done'], [null]])('%s is not', async (s) => {
    const onCell = (await checkRows('campaign-tasks', [row(s)])).filter((x) => x.cell === 'F2');
    expect(onCell.map((x) => x.ruleId)).toEqual([rule]); // one finding, not a schema/enum too
  });
});
