import { ruleTester } from '../helpers/rule-tester.js';

const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
const row = (category: string, title: string) => ({ id: '1', category, title });
ruleTester('title-medical-claim', {
  valid: [
    { name: 'a cosmetic\'s own claims', rows: ['舒缓修护面膜', '保湿补水精华', '紧致淡纹面霜', '抗皱眼霜', '防脱发 洗发水'].map((t) => row('美妆护肤/面膜', t)) },
    { name: 'what each product may say', rows: [row('保健食品/蛋白粉', '蓝帽 乳清蛋白粉 增强免疫力'), row('医疗器械/口罩', '医用外科口罩 一次性'), row('家庭清洁/消毒液', '84消毒液 杀菌'), row('玩具/积木', '益智积木 拼装'), row('家居/床品/抱枕', '治愈系 毛绒抱枕')] },
  ],
  invalid: [
    {
      name: "the SOP title's 医美级 and 急救 in a cosmetics category, the product and the claim named, no sure rewrite offered when the title would fall short",
      rows: [{ id: '10001', category: '美妆护肤/面膜/修护面膜', title: SOP_TITLE }],
      errors: [
        { messageId: 'claim', cell: 'D2', value: '医美级', severity: 'error', reasons: ['cosmetic-medical'], message: /^化妆品标题含医疗用语“医美级”:.*【医美级】.*依据:《化妆品监督管理条例》/ },
        { messageId: 'claim', value: '急救', severity: 'warning' },
      ],
    },
    { name: 'a disease claim on ordinary goods', rows: [row('食品/茶/花草茶', '苦瓜桑叶茶 降血糖 三角茶包')], errors: [{ messageId: 'claim', value: '降血糖', reasons: ['disease'], message: /^普通食品标题含疾病治疗用语“降血糖”/ }] },
    { name: 'a pillow that treats insomnia', rows: [row('家居/床品/枕头', '治失眠枕头 记忆棉')], errors: [{ messageId: 'claim', value: '治失眠', severity: 'error' }] },
    { name: 'a health function on food', rows: [row('食品/滋补/红枣', '新疆灰枣 增强免疫力')], errors: [{ messageId: 'claim', value: '增强免疫力', reasons: ['health-function'] }] },
    { name: 'an infant formula term', rows: [row('母婴/奶粉', '婴儿配方奶粉1段 母乳化')], errors: [{ messageId: 'claim', value: '母乳化', reasons: ['infant-formula'] }] },
    { name: 'a guarantee, even on a device', rows: [row('医疗器械/冷敷凝胶', '医用冷敷凝胶 无效退款')], errors: [{ messageId: 'claim', value: '无效退款', reasons: ['guarantee'] }] },
    ...['药妆面霜', '消炎祛痘精华', '抗敏修护', '干细胞精华', '治疗痘痘', '水光针同款精华'].map((t) => ({ rows: [row('美妆护肤/精华', t)], errors: [{ messageId: 'claim' }] })),
  ],
});
