import { ruleTester } from '../helpers/rule-tester.js';

const task = { task: '活动海报设计', description: '尺寸1440×600px', start: '2024-05-10', deadline: '2024-05-12', owner: '*悦', status: '已完成' };

ruleTester('schema/date-ambiguous', {
  kind: 'campaign-tasks',
  valid: [
    { name: 'full dates', rows: [task] },
    { name: 'a number that reads one way: 5.17, 5.4', rows: [task, { ...task, start: 5.17, deadline: 5.4 }] },
    { name: 'typed as text, 5.1 is May 1st', rows: [task, { ...task, start: '5.1' }] },
  ],
  invalid: [
    { name: '5.1 typed in a date cell: 五一 or 5月10日', rows: [task, { ...task, start: 5.1 }], errors: [{ messageId: 'ambiguous', cell: 'C3', severity: 'warning', message: '2024-05-01 / 2024-05-10' }] },
    { rows: [task, { ...task, deadline: 5.2 }], errors: [{ messageId: 'ambiguous', cell: 'D3', message: '2024-05-20' }] },
  ],
});
