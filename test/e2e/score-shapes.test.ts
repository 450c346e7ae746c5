import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { libreofficeTests } from '../helpers/libreoffice.js';

const RESEARCH = '01-市场调研与选品.xlsx';

/**
 * Scores typed the ways people type them (issue #27): ecsop reads each by the Score grammar, and
 * the template's live 综合得分 formula — opened and calculated in LibreOffice — gives the same total.
 */
describe('scores as people type them, in ecsop and in the template\'s formula', () => {
  const rows: Array<[string, string | number, string | number, string | number, string | number]> = [
    ['空格', '4 需求增长快', '5，搜索量大', '4分', '3(供应稳定)'],
    ['全角', '５（搜索量高）', '４', '3：竞品多', '4-工厂成熟'],
    ['星', '★★★★☆', '★★★★★', '★★★☆☆', '★★★★☆'],
    ['中文', '五', '四', '三分', '四 工厂近'],
    ['换行', '4\n需求增长快', '5\n搜索量大', '4/5', '✅4 供应稳'],
    ['大写', '⭐⭐⭐⭐⭐', '⭐⭐⭐', '叁', '贰'],
    // what ecsop refuses makes no total in the formula either (issue #24): a half point in whole points, out of range
    ['半分', 4.5, 4, 4, 4],
    ['超出', 6, 4, 4, 4],
    ['零分', '0', 4, 4, 4],
    // a number beside a range, a bound or another scale is no score in either (issue #24, after the outside test)
    ['范围', '3-4', 4, 4, 4],
    ['范围2', '3~4', '3到4', 4, 4],
    ['以上', '4以上', 4, 4, 4],
    ['加号', '4+', 4, 4, 4],
    ['约', '约4', 4, 4, 4],
    ['第', '第4', 4, 4, 4],
    ['负数', '-4', 4, 4, 4],
    ['十分制', '4/10', 4, 4, 4],
    ['颗星', '三颗星', 4, 4, 4],
    ['满分', '满分5分，给4分', 4, 4, 4],
    ['分半', '3分半', 4, 4, 4],
  ];

  it.skipIf(!libreofficeTests).each([
    { name: 'whole points (the SOP)', config: undefined, half: null },
    { name: 'half points allowed in the config', config: { sop: { selection: { halfPoints: true } } }, half: 4.15 },
    { name: 'half points allowed by the rule\'s own option', config: { rules: { 'selection-score-range': ['error', { halfPoints: true }] } }, half: 4.15 },
  ])('the same total in ecsop and in LibreOffice: $name', async ({ config, half }) => {
    const dir = tempDir();
    if (config) writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify(config));
    await ecsop(['init', dir], { cwd: dir });
    const file = join(dir, RESEARCH);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('选品评估矩阵表')!;
    rows.forEach(([p, d, c, pr, s], i) => {
      const r = ws.getRow(2 + i);
      r.getCell(1).value = p;
      [d, c, pr, s].forEach((v, j) => { r.getCell(3 + j).value = v; });
    });
    await wb.xlsx.writeFile(file);
    const report = JSON.parse((await ecsop(['score', RESEARCH, '--format', 'json'], { cwd: dir })).stdout);
    const ours = Object.fromEntries(report.results.map((r: { product: string; score: number }) => [r.product, r.score]));
    const none = { 范围: null, 范围2: null, 以上: null, 加号: null, 约: null, 第: null, 负数: null, 十分制: null, 颗星: null };
    expect(ours).toEqual({ 空格: 4.05, 全角: 4.05, 星: 4, 中文: 4.05, 换行: 4.25, 大写: 3.40, 半分: half, 超出: null, 零分: null, ...none, 满分: 4, 分半: half === null ? null : 3.85 });
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'lo'), file], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } });
    const csv = readFileSync(join(dir, 'lo', `${RESEARCH.replace('.xlsx', '')}-选品评估矩阵表.csv`), 'utf8');
    // the CSV as LibreOffice writes it: quoted cells may hold commas and line breaks
    const records: string[][] = [[]];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (quoted) { if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c; }
      else if (c === '"') quoted = true;
      else if (c === ',') { records.at(-1)!.push(field); field = ''; }
      else if (c === '\n') { records.at(-1)!.push(field); field = ''; records.push([]); }
      else field += c;
    }
    const totals = Object.fromEntries(rows.map(([p]) => { const v = records.find((r) => r[0] === p)![6]; return [p, v === '' ? null : Number(v)]; }));
    expect(totals).toEqual(ours);
  }, 180_000);
});
