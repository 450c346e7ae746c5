import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-medical-claim';
const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
describe(rule, () => {
  it("catches the SOP title's 医美级 in a cosmetics category", async () => {
    const found = await checkRows('listing', [{ id: '10001', category: '美妆护肤/面膜/修护面膜', title: SOP_TITLE }], { rule });
    expect(found.map((f) => [f.value, f.severity])).toEqual([['医美级', 'error'], ['急救', 'warning']]);
    expect(found[0].message).toContain('【医美级】');
    expect(found[0].suggestion).toBe('敏感肌修护面膜神经酰胺泛醇专业级补水舒缓熬夜应急贴片');
  });
  it('leaves other categories alone', async () => {
    expect(await checkRows('listing', [{ id: '1', category: '家居/收纳/收纳盒', title: '医用级收纳盒' }], { rule })).toEqual([]);
  });
  it.each(['舒缓修护面膜', '保湿补水精华', '紧致淡纹面霜'])('%s stays clean', async (t) => {
    expect(await checkRows('listing', [{ id: '1', category: '美妆护肤/面膜/补水面膜', title: t }], { rule })).toEqual([]);
  });
  it.each(['药妆面霜', '消炎祛痘精华', '抗敏修护', '干细胞精华', '治疗痘痘'])('%s is a medical claim', async (t) => {
    expect(await checkRows('listing', [{ id: '1', category: '美妆护肤/精华', title: t }], { rule })).toHaveLength(1);
  });
});
