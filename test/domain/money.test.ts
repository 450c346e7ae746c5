import { describe, expect, it } from 'vitest';
import { campaignFigures, roiTooLow } from '../../src/domain/campaign.js';
import { goalFen, parseBudget, ratioAtLeast, ratioText } from '../../src/domain/money.js';

describe('the GMV goal, however it is written', () => {
  it.each([
    ['GMV50万元,新客占比30%', 50_000_000],
    ['销售额50万元', 50_000_000],
    ['GMV达50万', 50_000_000],
    ['目标GMV:50万', 50_000_000],
    ['目标GMV：50万', 50_000_000],
    ['成交额 500,000元', 50_000_000],
    ['GMV 45.5万元', 45_500_000],
    ['GMV突破1亿', 10_000_000_000],
    ['目标销售额 80w', 80_000_000],
    ['成交目标¥300,000', 30_000_000],
    ['ＧＭＶ５０万元', 50_000_000],
    ['业绩达到120万', 120_000_000],
    ['GMV 1,299.50元', 129_950],
  ])('%s → %d fen', (goal, fen) => expect(goalFen(goal)).toBe(fen));

  it.each(['提升新客占比30%', '粉丝+1万', '新客占比30%,复购率20%', 'GMV翻倍', ''])('%s has no amount', (goal) => expect(goalFen(goal)).toBeUndefined());
});

describe('budgets in the layouts operators use', () => {
  const yuan = (text: string) => parseBudget(text).parts.map((p) => (p.fen === undefined ? undefined : p.fen / 100));
  it.each([
    ['15万/10万/3万/2万', [150000, 100000, 30000, 20000], 150000],
    ['15/9/3/3万', [150000, 90000, 30000, 30000], 150000],
    ['15 / 9 / 3 / 3 万', [150000, 90000, 30000, 30000], 150000],
    ['推广15万/补贴9万/内容3万/其他3万', [150000, 90000, 30000, 30000], 150000],
    ['补贴9万/推广15万/物料3万/备用金3万', [90000, 150000, 30000, 30000], 150000],
    ['推广:15万,补贴:9万,物料:3万,备用:3万', [150000, 90000, 30000, 30000], 150000],
    ['15万(推广)+9万(补贴)+3万(物料)+3万(备用金)', [150000, 90000, 30000, 30000], 150000],
    ['150000/90000/30000/30000', [150000, 90000, 30000, 30000], 150000],
    ['150,000元/90,000元/30,000元/30,000元', [150000, 90000, 30000, 30000], 150000],
    ['15w/9w/3w/3w', [150000, 90000, 30000, 30000], 150000],
    ['总预算30万:50%/30%/10%/10%', [150000, 90000, 30000, 30000], 150000],
    ['１５万／９万／３万／３万', [150000, 90000, 30000, 30000], 150000],
  ])('%s', (text, parts, promotion) => {
    expect(yuan(text)).toEqual(parts);
    expect(parseBudget(text).promotionFen).toBe(promotion * 100);
    expect(parseBudget(text).problem).toBeUndefined();
  });

  it.each([
    ['50%/30%/10%/10%', 'shares-without-total'],
    ['看情况', 'unreadable'],
    ['15万/待定/3万/2万', 'unreadable'],
    ['15万/30%/3万/2万', 'mixed'],
    ['补贴9万/物料3万/备用金3万', 'no-promotion'],
  ])('%s cannot give the promotion spend: %s', (text, problem) => {
    expect(parseBudget(text).problem).toBe(problem);
    expect(parseBudget(text).promotionFen).toBeUndefined();
  });
});

describe('ROI compared exactly, shown honestly', () => {
  it('2.9993 is below 3, and is not shown as 3.00 but with the decimals it takes (2.999)', () => {
    expect(ratioAtLeast(29993, 10000, 3)).toBe(false);
    expect(ratioText(29993, 10000, 3)).toBe('2.999'); // three decimals are enough to stay below 3
    expect(ratioAtLeast(30000, 10000, 3)).toBe(true);
    expect(ratioText(30000, 10000, 3)).toBe('3.00');
    expect(ratioText(50_000_000, 15_000_000, 3)).toBe('3.33');
    expect(ratioText(2_999_999_999, 1_000_000_000, 3)).toBe('2.999999');
    expect(ratioAtLeast(25, 10, 2.5)).toBe(true);
    expect(ratioAtLeast(2499, 1000, 2.5)).toBe(false);
  });

  it('a campaign at the boundary: GMV 44.99万 on 15万 is below 3 although it rounds to 3.00', () => {
    const f = campaignFigures('GMV44.99万元', '15万/9万/3万/3万', '');
    expect(f.roi).toBe(3);
    expect(f.roiText).toBe('2.999');
    expect(roiTooLow(f, { minRoi: 3 })).toBe(true);
    expect(roiTooLow(campaignFigures('GMV45万元', '15万/9万/3万/3万', ''), { minRoi: 3 })).toBe(false);
  });

  it('a budget that cannot be read gives no ROI at all (never a derived nonsense number)', () => {
    const f = campaignFigures('GMV50万元', '15/9/3/3元万', '');
    expect(f.roi).toBeUndefined();
    const g = campaignFigures('GMV50万元', '50%/30%/10%/10%', '');
    expect(g.roi).toBeUndefined();
    expect(g.budgetShares).toEqual([50, 30, 10, 10]);
    expect(g.budgetProblem).toBe('shares-without-total');
  });
});
