import { storeConfig } from '../../src/sheets/kinds/store-config.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = storeConfig.examples.rows as Array<Record<string, string>>;
ruleTester('store-config-items', {
  valid: [{ name: "the SOP's own three rows", rows: sop }],
  invalid: [
    { name: 'an item not 已完成, on its status cell', rows: [sop[0], { ...sop[1], status: '进行中' }, sop[2]], errors: [{ messageId: 'notDone', cell: 'D3', expected: '已完成', message: '支付方式' }] },
    { name: 'a missing item, for the sheet', rows: [sop[0], sop[1]], errors: [{ messageId: 'missing', expected: '物流服务' }] },
  ],
});
