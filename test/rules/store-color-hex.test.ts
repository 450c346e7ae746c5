import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'store-color-hex';
const row = (visual: string) => ({ store: '店', positioning: '定位', visual });
describe(rule, () => {
  it.each(['主色调:浅蓝(#E6F3FF)/辅助色:白色(#FFFFFF);字体:思源黑体(常规)', '#fff 与 #000', '无颜色'])('%s is fine', async (v) => {
    expect(await checkRows('store-plan', [row(v)], { rule })).toEqual([]);
  });
  it.each([['浅蓝(#E6F3FG)', '#E6F3FG'], ['白(#FFFFF)', '#FFFFF'], ['#浅蓝', '#浅蓝']])('%s has an invalid colour', async (v, color) => {
    const [f] = await checkRows('store-plan', [row(v)], { rule });
    expect(f).toMatchObject({ cell: 'D2', value: color });
  });
});
