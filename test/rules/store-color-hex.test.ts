import { ruleTester } from '../helpers/rule-tester.js';

const row = (visual: string) => ({ store: '店', positioning: '定位', visual });
ruleTester('store-color-hex', {
  valid: ['主色调:浅蓝(#E6F3FF)/辅助色:白色(#FFFFFF);字体:思源黑体(常规)', '#fff 与 #000', '无颜色'].map((v) => ({ rows: [row(v)] })),
  invalid: [['浅蓝(#E6F3FG)', '#E6F3FG'], ['白(#FFFFF)', '#FFFFF'], ['#浅蓝', '#浅蓝']].map(([v, color]) => ({ rows: [row(v)], errors: [{ messageId: 'invalid', cell: 'D2', value: color }] })),
});
