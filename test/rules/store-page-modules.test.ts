import { storePlan } from '../../src/sheets/kinds/store-plan.js';
import { ruleTester } from '../helpers/rule-tester.js';

const row = (pageStructure: string) => ({ store: '店', positioning: '定位', pageStructure });
ruleTester('store-page-modules', {
  valid: [
    { name: "the SOP's own row", rows: [row(String(storePlan.examples.rows[0].pageStructure))] },
    { name: 'the seven in order, however written', rows: [row('logo+导航→轮播图→爆款推荐→分类导航→品牌故事→客服入口→底部保障')] },
  ],
  invalid: [
    { name: 'missing modules are named', rows: [row('1.LOGO+导航;2.轮播图;3.爆款推荐;4.分类导航;6.客服入口')], errors: [{ messageId: 'missing', cell: 'E2', message: '页面结构缺少模块:品牌故事、底部保障' }] },
    { name: 'an order that differs is shown', rows: [row('LOGO+导航;爆款推荐;轮播图;分类导航;品牌故事;客服入口;底部保障')], errors: [{ messageId: 'order', message: 'LOGO→爆款→轮播' }] },
  ],
});
