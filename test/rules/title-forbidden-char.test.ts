import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';

const rule = 'title-forbidden-char';
const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
describe(rule, () => {
  it.each([['敏感肌面膜(2片装)', '淘宝'], ['面膜🔥', '抖音'], ['面膜🔥', '小红书']])('%s on %s is fine', async (t, p) => {
    expect(await checkRows('listing', [row(t, p)], { rule })).toEqual([]);
  });
  it.each([['面膜\t补水', '淘宝', '制表符'], ['面膜<b>', '淘宝', '尖括号'], ['面膜🔥', '淘宝', '表情'], ['面膜🔥', '京东', '表情'], ['面膜🔥', '拼多多', '表情']])('%j on %s', async (t, p, why) => {
    const [f] = await checkRows('listing', [row(t, p)], { rule });
    expect(f.message).toContain(why);
  });
});
