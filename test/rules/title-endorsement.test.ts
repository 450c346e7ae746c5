import { ruleTester } from '../helpers/rule-tester.js';

const row = (category: string, title: string) => ({ id: '1', category, title });
ruleTester('title-endorsement', {
  valid: [{ rows: [row('家居/椅子', '人体工学椅 设计师参与设计'), row('食品/零食', '饼干 早餐')] }],
  invalid: [
    { name: 'forbidden for health food', rows: [row('保健食品/鱼油', '深海鱼油软胶囊 医生推荐 中老年')], errors: [{ messageId: 'banned', severity: 'error', value: '医生推荐', reasons: ['endorsement'] }] },
    { name: 'for cosmetics', rows: [row('美容护肤/精华', '皮肤科医生推荐 修护精华')], errors: [{ messageId: 'banned', value: '皮肤科医生推荐' }] },
    { name: 'elsewhere a warning that says what to keep', rows: [row('家电/净水器', '院士团队研发 净水器')], errors: [{ messageId: 'proof', severity: 'warning', message: /保留推荐人、机构的书面证明/ }] },
  ],
});
