import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';

const row = (status: string | null) => ({ task: '海报', start: '2024-05-10', deadline: '2024-05-12', status });
ruleTester('task-status', {
  valid: ['未开始', '进行中', '已完成', ' 已完成 '].map((s) => ({ rows: [row(s)] })),
  invalid: [
    { rows: [row('完成')], errors: [{ messageId: 'status', cell: 'F2' }] },
    { rows: [row('done')], errors: [{ messageId: 'status', cell: 'F2' }] },
    { rows: [row(null)], errors: [{ messageId: 'missing', cell: 'F2' }] },
  ],
});

describe('task-status owns its column', () => {
  it.each(['完成', 'done', null])('%s gives one finding on F2, not a schema/enum too', async (s) => {
    const onCell = (await runRows('campaign-tasks', [row(s)])).map((x) => x.finding).filter((f) => f.cell === 'F2');
    expect(onCell.map((f) => f.ruleId)).toEqual(['task-status']);
  });
});
