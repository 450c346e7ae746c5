import { describe, expect, it } from 'vitest';
import { parseScore } from '../../src/cells/score.js';
import { splitReason } from '../../src/cells/choice.js';
import { toHalfWidth } from '../../src/cells/normalize.js';

describe('parseScore: the shapes the SOP types', () => {
  it.each([
    ['5(搜索量高,供给缺口)', 5, '搜索量高,供给缺口'],
    ['4(TOP5竞品中无同成分)', 4, 'TOP5竞品中无同成分'],
    ['4(毛利率60%)', 4, '毛利率60%'],
    ['3(竞品多,但高浓度少)', 3, '竞品多,但高浓度少'],
    ['５', 5, undefined],
    ['５（搜索量高）', 5, '搜索量高'],
    ['4.5', 4.5, undefined],
    // Excel showing 4.5 with two places; a second digit that is not 0 is no score (4.55)
    ['4.50', 4.5, undefined],
    ['4分', 4, undefined],
    [' 3 ', 3, undefined],
    [4, 4, undefined],
  ] as const)('%j → %s', (text, value, reason) => {
    expect(parseScore(text)).toEqual(reason ? { value, reason } : { value });
  });

  it.each(['高', '(5)', '', 'five', '60%'])('rejects %j', (t) => expect(parseScore(t)).toBeUndefined());
});

describe('splitReason', () => {
  it.each([
    ['待定(需优化成分浓度)', '待定', '需优化成分浓度'],
    ['待定（需优化成分浓度）', '待定', '需优化成分浓度'],
    ['增长(搜索环比+32%)', '增长', '搜索环比+32%'],
    ['通过', '通过', undefined],
    [' 淘汰 ', '淘汰', undefined],
    ['待定()', '待定', undefined],
  ] as const)('%j', (text, word, reason) => {
    expect(splitReason(text)).toEqual(reason ? { word, reason } : { word });
  });
});

describe('toHalfWidth', () => {
  it('maps full-width digits, brackets, colon and percent', () => {
    expect(toHalfWidth('４．５（１：３）６０％')).toBe('4.5(1:3)60%');
  });
});
