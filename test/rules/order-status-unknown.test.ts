import { describe, expect, it } from 'vitest';
import { ruleTester, runRows } from '../helpers/rule-tester.js';

const rule = 'order-status-unknown';
const ok = { orderId: '1', phone: '13812345678', address: '浙江省杭州市西湖区文三路90号', amount: 258 };

ruleTester(rule, {
  valid: [
    { name: 'the SOP\'s own sheet has no status column', rows: [ok] },
    { name: 'known words of every platform', rows: [{ ...ok, status: '买家已付款，等待卖家发货' }, { ...ok, orderId: '2', status: '待发货', afterSale: '无售后或售后取消' }, { ...ok, orderId: '3', status: 'WAIT_SELLER_SEND_GOODS' }, { ...ok, orderId: '4', status: '(删除)等待出库' }] },
    { name: 'empty and - are no words', rows: [{ ...ok, status: '-', afterSale: '' }] },
  ],
  invalid: [
    { rows: [{ ...ok, status: '神秘状态' }], errors: [{ messageId: 'unknown', severity: 'warning', row: 2, field: '订单状态', value: '神秘状态' }] },
    { name: 'one warning per word, with how many other cells hold it', rows: [{ ...ok, status: '待核验' }, { ...ok, orderId: '2', status: '待核验' }, { ...ok, orderId: '3', status: '待核验' }], errors: [{ messageId: 'unknownMany', row: 2, value: '待核验', message: '不认识的订单状态“待核验”(另有 2 个单元格是同一个词),这些订单不会自动审核通过;认得的状态词见文档「平台订单导出」' }] },
    { name: 'an after-sale word', rows: [{ ...ok, status: '待发货', afterSale: '处理一下' }], errors: [{ messageId: 'unknown', field: '售后状态', value: '处理一下' }] },
  ],
});

describe('its orders are never approved automatically', () => {
  it('the order goes to a person, the word named', async () => {
    const found = (await runRows('orders', [{ ...ok, status: '神秘状态' }])).map((x) => x.finding);
    expect(found.find((f) => f.ruleId === 'order-manual-review')).toMatchObject({ reasons: ['status-unknown'], message: '待人工审核:订单状态“神秘状态”无法识别,不能自动审核' });
  });
});
