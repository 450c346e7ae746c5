import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * `ecsop init --examples` then `ecsop check`: exactly what the SOP's own example rows get wrong
 * (and the orders its review sends to a person), as the README lists it.
 */
describe("the SOP's own examples", () => {
  it('report only what the SOP really gets wrong', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['check', dir, '--format', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const found = JSON.parse(res.stdout).findings.map((f: { ruleId: string; sheet: string; cell?: string }) => `${f.sheet}!${f.cell ?? '-'} ${f.ruleId}`);
    expect(found).toEqual([
      '选品评估矩阵表!G2 selection-score-mismatch', // 4.55 stated, 4.50 computed
      '选品评估矩阵表!G3 selection-score-mismatch', // 3.55 stated, 3.50 computed
      '选品评估矩阵表!- selection-candidate-count', // 3 candidates, the SOP asks for 10-15
      '店铺定位规划表!E2 store-bestsellers', // 爆款推荐(敏感肌面膜+抗老精华): the SOP's text asks for 3款核心品
      '商品信息!D2 title-medical-claim', // the SOP's sample title: 医美级 is a medical claim for a cosmetic
      '商品信息!D2 title-medical-claim', // … and 急救 (a warning)
      '营销活动方案表!F2 campaign-budget-split', // 15万/10万/3万/2万 is not 50/30/10/10
      '订单!A2 order-manual-review', // 加急 (our example orders follow the SOP's shipments)
      '订单!A3 order-manual-review', // 新疆
      '订单!A4 order-manual-review', // 5980 元, xx公司前台
    ]);
    expect(res.code).toBe(1);
  });

  it('one day later, the third campaign task is overdue', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['check', dir, '--format', 'json', '--now', '2024-05-22T12:00'], { cwd: dir });
    expect(JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'task-overdue').map((f: { cell: string }) => f.cell)).toEqual(['D4']);
  });
});
