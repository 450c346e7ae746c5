import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

/**
 * The shapes issue #27 names, typed into the SOP's own sheets and read by the commands a user
 * runs: each reads, and each gives the same figures as the SOP's own way of writing it.
 */
describe('what people type in the campaign and selection sheets (issue #27)', () => {
  const HEAD = ['活动名称', '活动目标', '活动时间', '活动机制', '推广渠道', '预算分配'];
  const sop = ['520', 'GMV50万元', '5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)', '满200减30', '直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%)', '15万/9万/3万/3万'];
  const typed: Array<[string, number, string]> = [
    // [column, its value as typed]
    [`预算分配`, 5, '￥150,000/￥90,000/￥30,000/￥30,000'],
    [`预算分配`, 5, '总预算30万（推广50%、补贴30%、物料10%、备用10%）'],
    [`预算分配`, 5, '推广50%、补贴30%、物料10%、备用10%（合计30万）'],
    [`预算分配`, 5, '推广：十五万；补贴：九万；物料：三万；备用：三万'],
    [`推广渠道`, 4, '直通车30%＋抖音40%＋短信20%＋小红书10%'],
    [`推广渠道`, 4, '直通车 三成\n抖音 四成\n短信 两成\n小红书 一成'],
    [`活动时间`, 2, '预热:5.17-5.19;爆发:5.20-5.21;返场:5.22'],
    [`活动时间`, 2, '5/17-5/19 预热 / 5/20-5/21 爆发 / 5/22 返场'],
    [`活动时间`, 2, '预热 5月17日-19日\n爆发 5月20日-21日\n返场 5月22日'],
    [`活动目标`, 1, '冲刺GMV 50w,新客占比30%'],
  ];

  it('each typed shape gives the SOP row\'s figures: no unreadable value, the same ROI, shares and phases', async () => {
    const dir = tempDir();
    const rows = [HEAD, sop, ...typed.map(([, col, value]) => sop.map((v, i) => (i === col ? value : v)))];
    await writeWorkbook(join(dir, 'c.xlsx'), { 大促活动策划表: rows } as never);
    const res = await ecsop(['roi', 'c.xlsx', '--format', 'json', '--now', '2024-05-01T00:00'], { cwd: dir });
    const report = JSON.parse(res.stdout);
    const campaigns = report.campaigns as Array<{ roi?: number; budget?: number[]; channelSum?: number }>;
    expect(campaigns).toHaveLength(rows.length - 1);
    for (const c of campaigns) {
      expect(c.roi, JSON.stringify(c)).toBe(3.33);
      expect(c.budget).toEqual([150000, 90000, 30000, 30000]);
      expect(c.channelSum).toBe(100);
    }
    const check = JSON.parse((await ecsop(['check', 'c.xlsx', '--format', 'json', '--now', '2024-05-01T00:00'], { cwd: dir })).stdout);
    const ids = check.findings.map((f: { ruleId: string; cell: string }) => `${f.cell} ${f.ruleId}`);
    expect(ids.filter((id: string) => /campaign-(phases|roi|channel-share)|schema\//.test(id))).toEqual([]);
  });

  it('an unreadable value is told the nearest accepted shape', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'c.xlsx'), { 大促活动策划表: [HEAD, sop.map((v, i) => (i === 5 ? '推广十五万 补贴九万 物料 备用' : i === 2 ? '下周开始预热' : v))] } as never);
    const check = JSON.parse((await ecsop(['check', 'c.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    const roi = check.findings.find((f: { ruleId: string }) => f.ruleId === 'campaign-roi');
    expect(roi.message).toMatch(/最接近的写法:/);
    const phases = check.findings.find((f: { ruleId: string }) => f.ruleId === 'campaign-phases');
    expect(phases.message).toMatch(/最接近的写法:.*预热/);
  });
});
