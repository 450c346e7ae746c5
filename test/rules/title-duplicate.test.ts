import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('title-duplicate', {
  valid: [{ rows: [{ id: '1', title: '补水面膜' }, { id: '2', title: '保湿面膜' }] }],
  invalid: [{
    name: 'the second listing with the same title names the first',
    rows: [{ id: '1', title: '补水面膜' }, { id: '2', title: '保湿面膜' }, { id: '3', title: '补水 面膜' }],
    errors: [{ messageId: 'duplicate', row: 4, cell: 'D4', field: '商品标题', message: 'listing.xlsx listing.xlsx!D2' }],
  }],
});
