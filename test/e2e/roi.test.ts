import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';

describe('ecsop roi', () => {
  it("prints the SOP campaign's ROI, budget split and channel shares", async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const json = JSON.parse((await ecsop(['roi', STAGES[3].file, '--format', 'json'], { cwd: dir })).stdout);
    expect(json.campaigns).toEqual([expect.objectContaining({ name: '520敏感肌关爱节', row: 2, gmvYuan: 500000, promotionYuan: 150000, roi: 3.33, budget: [150000, 100000, 30000, 20000], budgetShares: [50, 33.33, 10, 6.67], channelSum: 100 })]);
    const text = (await ecsop(['roi', STAGES[3].file], { cwd: dir })).stdout;
    expect(text).toMatch(/^520敏感肌关爱节 +50万 +15万 +3\.33 +50% \/ 33\.33% \/ 10% \/ 6\.67% +100%$/m);
  });
});
