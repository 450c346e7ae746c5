import { campaignTasks } from '../../src/sheets/kinds/campaign-tasks.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = campaignTasks.examples.rows as Array<Record<string, string>>;
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
ruleTester('task-overdue', {
  valid: [{ name: "the SOP's rows on 2024-05-21", rows: sop, now: at('2024-05-21') }],
  invalid: [{ name: 'the third (进行中, due 05-21) on 05-22', rows: sop, now: at('2024-05-22'), errors: [{ messageId: 'overdue', row: 4, cell: 'D4', severity: 'warning', message: '逾期 1 天' }] }],
});
