import { ruleTester } from '../helpers/rule-tester.js';

/**
 * The column checks every sheet kind gets from its definition (required, type, range, dropdown,
 * formulas, long numbers), each a rule of its own with a table like every other rule's: typed as
 * operators type them, boundaries exactly at the column's numbers, in every language.
 */
const task = { task: '活动海报设计', description: '尺寸1440×600px', start: '2024-05-10', deadline: '2024-05-12', owner: '*悦', status: '已完成' };
const order = { orderId: 'T20240520001', paidAt: '2024-05-20 09:12', recipient: '*女士', phone: '13812345678', address: '浙江省杭州市西湖区文三路90号', product: '面膜', quantity: 2, amount: 258, presale: '否' };

ruleTester('schema/required', {
  kind: 'campaign-tasks',
  valid: [
    { name: 'every required cell filled', rows: [task] },
    { name: 'an optional cell left empty', rows: [{ ...task, description: '', owner: null }] },
  ],
  invalid: [
    { name: 'an empty task', rows: [{ ...task, task: '' }], errors: [{ messageId: 'required', cell: 'A2', field: '任务项' }] },
    { name: 'spaces only are empty', rows: [{ ...task, task: '   ' }], errors: [{ messageId: 'required', cell: 'A2' }] },
    { name: 'an empty start date', rows: [{ ...task, start: null }], errors: [{ messageId: 'required', cell: 'C2', field: '开始时间' }] },
  ],
});

ruleTester('schema/type', {
  kind: 'campaign-tasks',
  valid: [
    { name: 'dates as typed: 2024/5/10, 2024年5月10日, an Excel date', rows: [{ ...task, start: '2024/5/10', deadline: '2024年5月12日' }, { ...task, start: new Date(Date.UTC(2024, 4, 10)) }] },
  ],
  invalid: [
    { name: 'a date that is no date', rows: [{ ...task, start: '下周一' }], errors: [{ messageId: 'type', cell: 'C2', value: '下周一' }] },
    { name: 'the 30th of February', rows: [{ ...task, deadline: '2024-02-30' }], errors: [{ messageId: 'type', cell: 'D2' }] },
  ],
});

ruleTester('schema/range', {
  kind: 'orders',
  valid: [
    { name: 'one piece, 0 yuan (a gift line)', rows: [{ ...order, quantity: 1, amount: 0 }] },
  ],
  invalid: [
    { name: 'quantity 0, under its minimum 1', rows: [{ ...order, quantity: 0 }], errors: [{ messageId: 'range', field: '数量', value: '0' }] },
    { name: 'a negative amount', rows: [{ ...order, amount: -5 }], errors: [{ messageId: 'range', field: '金额' }] },
  ],
});

const listing = { id: 'A001', platform: '淘宝', category: '美妆护肤/面膜/贴片面膜', title: '敏感肌修护面膜 神经酰胺 补水舒缓', keyword: '敏感肌修护面膜', attributeCompleteness: '95%' };

ruleTester('schema/enum', {
  kind: 'listing',
  valid: [
    { name: 'a platform of the dropdown, and one by its other name (天猫, 京东)', rows: [listing, { ...listing, id: 'A002', platform: '京东' }] },
  ],
  invalid: [
    { name: 'a platform the dropdown has not', rows: [{ ...listing, platform: '亚马逊' }], errors: [{ messageId: 'enum', field: '平台', value: '亚马逊' }] },
  ],
});

ruleTester('schema/formula', {
  kind: 'orders',
  valid: [
    { name: 'a formula with its saved result', rows: [{ ...order, amount: { formula: 'B2*2', result: 258 } }] },
  ],
  invalid: [
    { name: 'a formula that gives an error', rows: [{ ...order, amount: { error: '#DIV/0!' } }], errors: [{ messageId: 'error', field: '金额' }] },
    { name: 'a formula never calculated (no saved result)', rows: [{ ...order, amount: { formula: 'B2*2' } }], errors: [{ messageId: 'noResult', field: '金额', value: '=B2*2' }] },
  ],
});

ruleTester('schema/lost-digits', {
  kind: 'orders',
  valid: [
    { name: 'an order number kept as text', rows: [{ ...order, orderId: '4012345678901234567' }] },
    { name: 'a short number stored as a number is whole', rows: [{ ...order, orderId: 123456789 }] },
  ],
  invalid: [
    { name: 'a 19-digit order number a spreadsheet made a number: digits lost', rows: [{ ...order, orderId: 4012345678901234567 }], errors: [{ messageId: 'lost', field: '订单号', severity: 'error' }] },
    { name: 'text whose digits after the 15th are all 0: rounded before it was pasted, maybe', rows: [{ ...order, orderId: '4012345678901230000' }], errors: [{ messageId: 'suspect', field: '订单号', severity: 'warning' }] },
  ],
});
