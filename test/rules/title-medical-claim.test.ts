import { ruleTester } from '../helpers/rule-tester.js';

const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
const suggestion = '敏感肌修护面膜神经酰胺泛醇专业级补水舒缓熬夜应急贴片';
ruleTester('title-medical-claim', {
  valid: [
    { name: 'other categories are left alone', rows: [{ id: '1', category: '家居/收纳/收纳盒', title: '医用级收纳盒' }] },
    ...['舒缓修护面膜', '保湿补水精华', '紧致淡纹面霜'].map((t) => ({ rows: [{ id: '1', category: '美妆护肤/面膜/补水面膜', title: t }] })),
  ],
  invalid: [
    {
      name: "the SOP title's 医美级 and 急救 in a cosmetics category",
      rows: [{ id: '10001', category: '美妆护肤/面膜/修护面膜', title: SOP_TITLE }],
      errors: [
        { messageId: 'claim', cell: 'D2', value: '医美级', severity: 'error', suggestion, message: '【医美级】' },
        { messageId: 'claim', value: '急救', severity: 'warning', suggestion },
      ],
    },
    ...['药妆面霜', '消炎祛痘精华', '抗敏修护', '干细胞精华', '治疗痘痘'].map((t) => ({ rows: [{ id: '1', category: '美妆护肤/精华', title: t }], errors: [{ messageId: 'claim' }] })),
  ],
});
