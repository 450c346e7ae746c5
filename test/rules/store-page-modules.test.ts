import { describe, expect, it } from 'vitest';
import { storePlan } from '../../src/sheets/kinds/store-plan.js';
import { checkRows } from '../helpers/check.js';

const rule = 'store-page-modules';
const row = (pageStructure: string) => ({ store: '店', positioning: '定位', pageStructure });
describe(rule, () => {
  it("passes the SOP's own row", async () => {
    expect(await checkRows('store-plan', [row(String(storePlan.examples.rows[0].pageStructure))], { rule })).toEqual([]);
  });
  it('passes the seven in order, however written', async () => {
    expect(await checkRows('store-plan', [row('logo+导航→轮播图→爆款推荐→分类导航→品牌故事→客服入口→底部保障')], { rule })).toEqual([]);
  });
  it('names missing modules', async () => {
    const [f] = await checkRows('store-plan', [row('1.LOGO+导航;2.轮播图;3.爆款推荐;4.分类导航;6.客服入口')], { rule });
    expect(f.message).toBe('页面结构缺少模块:品牌故事、底部保障');
  });
  it('shows an order that differs', async () => {
    const [f] = await checkRows('store-plan', [row('LOGO+导航;爆款推荐;轮播图;分类导航;品牌故事;客服入口;底部保障')], { rule });
    expect(f.message).toContain('LOGO→爆款→轮播');
  });
});
