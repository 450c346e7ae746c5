import { ruleTester } from '../helpers/rule-tester.js';

const row = (start: string, deadline: string) => ({ task: '海报', start, deadline, status: '进行中' });
ruleTester('task-dates', {
  valid: [{ rows: [row('2024-05-10', '2024-05-12')] }, { rows: [row('2024-05-12', '2024-05-12')] }],
  invalid: [{ name: 'a start after the deadline', rows: [row('2024-05-13', '2024-05-12')], errors: [{ messageId: 'order', cell: 'C2', severity: 'error' }] }],
});
