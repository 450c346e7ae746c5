import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KINDS, kindsOfStage, STAGES } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

describe('ecsop init → ecsop check round trip', () => {
  it('recognises every sheet of every generated workbook with its example row count', async () => {
    const dir = tempDir();
    const init = await ecsop(['init', dir, '--examples']);
    expect(init.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(STAGES.map((s) => s.file).sort());
    const check = await ecsop(['check', dir, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(check.stdout);
    const sheets = report.files.flatMap((f: { sheets: Array<{ name: string; kind: string | null; rows: number }> }) => f.sheets);
    for (const kind of KINDS) {
      expect(sheets.find((s: { name: string }) => s.name === kind.title)).toEqual({ name: kind.title, kind: kind.id, rows: kind.examples.rows.length });
    }
    expect(sheets.filter((s: { kind: string | null }) => s.kind === null).map((s: { name: string }) => s.name)).toEqual(STAGES.map(() => '说明'));
    expect(report.files.every((f: { status: string }) => f.status === 'ok')).toBe(true);
  });

  it('reads back an empty template with zero rows and no findings', async () => {
    const dir = tempDir();
    expect((await ecsop(['init', dir])).code).toBe(0);
    const check = await ecsop(['check', dir, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(check.stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ files: STAGES.length, sheets: STAGES.length + KINDS.length, rows: 0 });
    expect(check.code).toBe(0);
  });

  it('writes real templates: frozen header, filter, bounded dropdowns, 1–5 validation, live formulas, 说明', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--headers', 'zh-en']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, STAGES[0].file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', ...kindsOfStage(STAGES[0].id).map((k) => k.title)]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['说明', '市场趋势分析表', '竞品调研记录表', '选品评估矩阵表']));
    const ws = wb.getWorksheet('选品评估矩阵表')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(String(ws.getCell('C1').value)).toBe('市场需求度(1-5分)\nDemand');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[]; prompt?: string }> } }).dataValidations.model;
    const scoreRule = Object.entries(dv).find(([addr]) => addr === 'C2')!;
    expect(scoreRule[1].type).toBe('whole');
    expect(scoreRule[1].formulae).toEqual([1, 5]);
    const verdict = Object.entries(dv).find(([addr]) => addr === 'H2')!;
    expect(verdict[1].type).toBe('list');
    expect(verdict[1].formulae).toEqual(['"通过,待定,淘汰"']);
    // bounded ranges (exceljs expands them per cell on reading), never whole columns
    const rows = Object.keys(dv).map((a) => Number(/\d+$/.exec(a)![0]));
    expect(Math.min(...rows)).toBe(2);
    expect(Math.max(...rows)).toBe(2001);
    expect(dv.C2001).toBeTruthy();
    const g2 = ws.getCell('G2').value as { formula: string };
    expect(g2.formula).toContain('*30');
    expect(g2.formula).toContain('/100');
    expect((ws.getCell('H2').value as { formula: string }).formula).toBe('IF(G2="","",IF(G2>=4,"通过",IF(G2>=3,"待定","淘汰")))');
    const notes = wb.getWorksheet('说明')!;
    const text: string[] = [];
    notes.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).toContain('市场需求度×30%');
    expect(text.join('\n')).toContain('10-15');
  });

  it('refuses to overwrite without --force and writes nothing; --force keeps a .bak', async () => {
    const dir = tempDir();
    await ecsop(['init', dir]);
    const again = await ecsop(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak') || f.endsWith('.tmp'))).toEqual([]);
    const forced = await ecsop(['init', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, `${STAGES[0].file}.bak`))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('puts configured weights into the formula', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ sop: { selection: { weights: { demand: 40, competition: 20, profit: 20, supply: 20 } } } }));
    expect((await ecsop(['init', 'out'], { cwd: dir })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', STAGES[0].file));
    expect((wb.getWorksheet('选品评估矩阵表')!.getCell('G2').value as { formula: string }).formula).toContain('*40');
  });
});

describe('a filled workbook typed by hand', () => {
  it('is recognised with retyped headers (full-width brackets, no hints, shuffled, title row)', async () => {
    const dir = tempDir();
    const file = join(dir, '选品.xlsx');
    await writeWorkbook(file, {
      第一轮: [
        ['2024年4月选品评估'],
        [],
        ['评估人', ' 产品名称 ', '供应链难度（1－5分）', '利润空间', '竞争强度(1-5分)', '市场需求度', '综合得分', '选品建议', '自己加的列'],
        ['*强', '敏感肌修护面膜(款1)', '5(合作工厂成熟)', '4(毛利率60%)', '4', '５（搜索量高，供给缺口）', 4.5, '通过', 'x'],
        ['*梅', '抗老精华(款2)', 4, 3, 3, 4, 3.5, '待定（需优化成分浓度）', ''],
      ],
    });
    const check = await ecsop(['check', file, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(check.stdout);
    expect(report.files[0].sheets).toEqual([{ name: '第一轮', kind: 'selection', rows: 2 }]);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('names a missing required column', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.xlsx');
    await writeWorkbook(file, { s: [['产品名称', '市场需求度', '竞争强度', '利润空间', '综合得分', '选品建议'], ['面膜', 5, 4, 4, 4.5, '通过']] });
    const check = await ecsop(['check', file, '--format', 'json'], { cwd: dir });
    const report = JSON.parse(check.stdout);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'sheet/missing-column', sheet: 's', row: 1, field: '供应链难度', severity: 'error' }));
    expect(check.code).toBe(1);
  });
});
