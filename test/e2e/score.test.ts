import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compactTable, width } from '../../src/report/layout.js';
import { STAGES } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { readWorkbook, writeWorkbook } from '../helpers/workbook.js';

const RESEARCH = STAGES[0].file;

describe('ecsop score', () => {
  it("gives the SOP's own rows 4.50 通过, 3.50 待定, 2.95 淘汰 and says which stated cells disagree", async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['score', RESEARCH, '--format', 'json'], { cwd: dir });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.results.map((r: { product: string; scoreText: string; score: number; recommendation: string; rank: number }) => [r.product, r.score, r.scoreText, r.recommendation, r.rank])).toEqual([
      ['敏感肌修护面膜(款1)', 4.5, '4.50', '通过', 1],
      ['抗老精华(款2)', 3.5, '3.50', '待定', 2],
      ['补水面膜(款3)', 2.95, '2.95', '淘汰', 3],
    ]);
    expect(report.results[0]).toMatchObject({ file: RESEARCH, sheet: '选品评估矩阵表', row: 2, scores: { demand: 5, competition: 4, profit: 4, supply: 5 }, stated: { score: 4.55, recommendation: '通过' } });
    expect(report.results[1].stated).toEqual({ score: 3.55, recommendation: '待定', reason: '需优化成分浓度' });
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { cell: string; ruleId: string }) => `${f.cell} ${f.ruleId}`)).toEqual(['G2 selection-score-mismatch', 'G3 selection-score-mismatch']);
    expect(report).toHaveProperty('version', 1);
    expect(report).toHaveProperty('summary');
    // score checks only selection sheets, but lists the others with their row counts
    expect(report.files[0].sheets).toContainEqual({ name: '市场趋势分析表', kind: 'trend', rows: 2 });
  });

  it('prints a ranked table and the verdict summary', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['score', RESEARCH], { cwd: dir });
    const lines = res.stdout.split('\n');
    const row = (p: string) => lines.find((l) => l.includes(p))!;
    expect(row('敏感肌修护面膜(款1)')).toMatch(/^1 +2 +敏感肌修护面膜\(款1\) +5 +4 +4 +5 +4\.50 +4\.55 +通过 +通过 +✗ 得分不符/);
    expect(row('补水面膜(款3)')).toMatch(/^3 .*2\.95 .*淘汰.*✓/);
    expect(res.stdout).toContain('通过 1 款,待定 1 款,淘汰 1 款');
  });

  it('fills a sheet typed in exceljs, ranks ties by demand then row, and --write fills a copy', async () => {
    const dir = tempDir();
    await ecsop(['init', dir]);
    const file = join(dir, RESEARCH);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('选品评估矩阵表')!;
    const rows: Array<[string, unknown, unknown, unknown, unknown, unknown?, unknown?]> = [
      ['A款', 4, 4, 4, 4],
      ['B款', '5(搜索量高)', 3, 4, 4, 4.5, '待定(先观察)'], // 4.05 通过: the stated verdict and score are wrong
      ['C款', '３', 5, 5, 5, undefined, '淘汰'], // 3×30+5×25+5×25+5×20 = 4.40
      ['D款', 5, 3, 3, 3.5], // half point without config: invalid
      ['E款', 3, 5, 4, 4], // 3×30+5×25+4×25+4×20 = 3.95 待定
      ['F款', 4, 4, 4, 4], // tie with A款 at 4.00, same demand: row order
      ['G款', 5, 2, 4, 5], // 5×30+2×25+4×25+5×20 = 4.00: ties A and F, higher demand first
    ];
    rows.forEach(([p, d, c, pr, s, score, verdict], i) => {
      const r = ws.getRow(2 + i);
      r.getCell(1).value = p;
      [d, c, pr, s].forEach((v, j) => { r.getCell(3 + j).value = v as ExcelJS.CellValue; });
      if (score !== undefined) r.getCell(7).value = score as number;
      if (verdict !== undefined) r.getCell(8).value = verdict as string;
    });
    await wb.xlsx.writeFile(file);
    const before = readFileSync(file);

    const res = await ecsop(['score', RESEARCH, '--format', 'json', '--write', 'scored.xlsx'], { cwd: dir });
    const report = JSON.parse(res.stdout);
    const byProduct = Object.fromEntries(report.results.map((r: { product: string }) => [r.product, r]));
    expect(byProduct['B款']).toMatchObject({ score: 4.05, recommendation: '通过', mismatch: { score: true, recommendation: true } });
    expect(byProduct['C款']).toMatchObject({ score: 4.4, rank: 1, scores: { demand: 3 } });
    expect(byProduct['D款']).toMatchObject({ score: null, recommendation: null, rank: null, scores: { supply: null } });
    expect(byProduct['E款']).toMatchObject({ scoreText: '3.95', recommendation: '待定' });
    expect(['C款', 'B款', 'G款', 'A款', 'F款', 'E款'].map((p) => byProduct[p].rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'selection-score-range', cell: 'F5' }));
    expect(readFileSync(file).equals(before)).toBe(true); // the input is never touched

    const copy = (await readWorkbook(join(dir, 'scored.xlsx')))['选品评估矩阵表'];
    const cell = (r: number, c: number) => copy[r - 1][c - 1];
    // typed or wrong totals get the template's live formula, its result cached
    expect(cell(3, 7)).toEqual({ formula: expect.stringContaining('COUNTA(C3,D3,E3,F3)'), result: 4.05 });
    expect(cell(3, 8)).toBe('通过(先观察)'); // the user's reason is kept, the word corrected
    expect(cell(4, 7)).toMatchObject({ result: 4.4 });
    expect(cell(4, 8)).toMatchObject({ formula: expect.stringContaining('IF(G4=""'), result: '通过' });
    expect(cell(6, 7)).toMatchObject({ result: 3.95 });
    expect(cell(5, 7)).toMatchObject({ formula: expect.any(String) }); // an invalid row is left as it was
    expect(Object.keys(await readWorkbook(join(dir, 'scored.xlsx')))).toEqual(['说明', '市场趋势分析表', '竞品调研记录表', '选品评估矩阵表']);
  });

  it('refuses to overwrite the input or an existing file, and needs one input for --write', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    expect((await ecsop(['score', RESEARCH, '--write', RESEARCH], { cwd: dir })).code).toBe(2);
    await writeWorkbook(join(dir, 'other.xlsx'), { s: [['x']] });
    expect((await ecsop(['score', RESEARCH, '--write', 'other.xlsx'], { cwd: dir })).code).toBe(2);
    expect((await ecsop(['score', RESEARCH, STAGES[1].file, '--write', 'new.xlsx'], { cwd: dir })).code).toBe(2);
    expect(existsSync(join(dir, 'new.xlsx'))).toBe(false);
    const forced = await ecsop(['score', RESEARCH, '--write', 'other.xlsx', '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(existsSync(join(dir, 'other.xlsx.bak'))).toBe(true);
  });

  it('takes weights from config and rejects weights that do not sum to 100', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ sop: { selection: { weights: { demand: 40, competition: 20, profit: 20, supply: 20 } } } }));
    const res = await ecsop(['score', RESEARCH, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(res.stdout).results[0].score).toBe(4.6);
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ sop: { selection: { weights: { demand: 40, competition: 25, profit: 25, supply: 20 } } } }));
    expect((await ecsop(['score', RESEARCH], { cwd: dir })).code).toBe(2);
  });

  it('reads a selection sheet LibreOffice calculated, with its cached formula results', async () => {
    const res = await ecsop(['score', join(__dirname, '../fixtures/libreoffice-selection.xlsx'), '--format', 'json']);
    const report = JSON.parse(res.stdout);
    expect(report.results.map((r: { product: string; scoreText: string }) => `${r.product} ${r.scoreText}`)).toEqual([
      '敏感肌修护面膜(款1) 4.50', '修护精华(款4) 4.00', '坏公式(款6) 4.00', '全角(款5) 3.55', '抗老精华(款2) 3.50', '补水面膜(款3) 2.95',
    ]);
  });
});

describe('command tables at scale', () => {
  it('score and roi show the first --max-rows of their table, count the rest, and summarise every row', async () => {
    const dir = tempDir();
    const sel = ['产品名称,类目,市场需求度(1-5分),竞争强度(1-5分),利润空间(1-5分),供应链难度(1-5分),综合得分,选品建议'];
    for (let i = 0; i < 3000; i++) sel.push(`款${i},美妆·面膜,${1 + (i % 5)},4,4,5,,`);
    writeFileSync(join(dir, 'sel.csv'), `${sel.join('\r\n')}\r\n`);
    const score = await ecsop(['score', 'sel.csv', '--max-rows', '5', '--lang', 'en'], { cwd: dir });
    expect(score.stderr).toBe('');
    expect(score.stdout).toContain('… 2995 more rows not shown');
    // the verdicts of all 3,000 rows: 0.3 × demand + 3, so demand 5 and 4 pass (4.50, 4.20), 3 to 1 hold
    expect(score.stdout).toMatch(/通过 \(pass\) 1200, 待定 \(hold\) 1800, 淘汰 \(drop\) 0/);
    const camp = ['活动名称,活动目标(量化指标),活动时间(预热/爆发/返场),活动机制(满减/折扣/赠品等),推广渠道,预算分配(推广/补贴/物料/备用金)'];
    for (let i = 0; i < 1000; i++) camp.push(`活动${i},GMV50万元,5.17-5.19(预热);5.20-5.21(爆发);5.22(返场),满200减30,直通车(60%)+抖音直播(40%),15万/10万/3万/2万`);
    writeFileSync(join(dir, 'camp.csv'), `${camp.join('\r\n')}\r\n`);
    const roi = await ecsop(['roi', 'camp.csv', '--max-rows', '3', '--lang', 'en'], { cwd: dir });
    expect(roi.stderr).toBe('');
    expect(roi.stdout).toContain('… 997 more rows not shown');
    expect(roi.stdout.split('\n').filter((l) => l.includes('活动'))).toHaveLength(3);
  });

  it('a table of 200,000 rows is drawn, one line a row', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), '新疆', '待人工审核:偏远地区(新疆)']);
    // on a terminal: boxed, within its width
    const lines = compactTable(['行', '省份', '原因'], rows, { columns: 120 }).split('\n');
    expect(lines).toHaveLength(200_004);
    // every row as wide as the others (padded alike: the same number of characters)
    expect(new Set(lines.slice(3, -1).map((l) => l.length)).size).toBe(1);
    expect(width(lines[3])).toBe(width(lines[0]));
    // piped: a header, then one plain line a row
    const plain = compactTable(['行', '省份', '原因'], rows).split('\n');
    expect(plain).toHaveLength(200_001);
    expect(new Set(plain.slice(1).map((l) => l.length)).size).toBe(1);
  });
});
