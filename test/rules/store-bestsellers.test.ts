import { ruleTester } from '../helpers/rule-tester.js';
import { storePlan } from '../../src/sheets/kinds/store-plan.js';

const plan = storePlan.examples.rows[0] as Record<string, string>;
const pages = (bestsellers: string) => `1.LOGO+导航;2.轮播图(新品上市+满减活动);3.爆款推荐${bestsellers};4.分类导航;5.品牌故事;6.客服入口;7.底部保障`;

ruleTester('store-bestsellers', {
  valid: [
    { name: 'three core products', rows: [{ ...plan, pageStructure: pages('(敏感肌面膜+抗老精华+补水面膜)') }] },
    { name: 'other separators', rows: [{ ...plan, pageStructure: pages('(敏感肌面膜、抗老精华和补水面膜)') }] },
    { name: 'no list: not judged', rows: [{ ...plan, pageStructure: pages('') }] },
  ],
  invalid: [
    { name: "the SOP's own row lists two", rows: [plan], errors: [{ messageId: 'count', cell: 'E2', message: '列出 2 款', expected: '3款', expectedEn: '3 products' }] },
    { name: 'four', rows: [{ ...plan, pageStructure: pages('(面膜+精华+面霜+眼霜)') }], errors: [{ messageId: 'count', message: '4 款' }] },
  ],
});

