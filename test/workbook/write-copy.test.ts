import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { at, readAll } from '../helpers/read.js';
import { readWorkbook } from '../helpers/workbook.js';
import { unzipAll } from '../helpers/zip.js';
import { HEADER, NS, rowsXml, xlsx } from '../corpus/build.js';

const fixture = (name: string) => join(__dirname, '../fixtures', name);
const parts = async (path: string) => new Map((await unzipAll(path)).map((e) => [e.name, e.data]));
const count = (xml: string, tag: string) => xml.split(`<${tag}`).length - 1;
const hasSoffice = (() => { try { execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }); return true; } catch { return false; } })();

/** The cells of a sheet part by reference: its formula (if any) and its value source. */
function cellsOf(xml: string): Map<string, { f?: string; v?: string; s?: string }> {
  const out = new Map<string, { f?: string; v?: string; s?: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = m[3] ?? '';
    out.set(m[1], { f: /<f[^>]*>([^<]*)<\/f>/.exec(body)?.[1] ?? (/<f[^>]*\/>/.test(body) ? '' : undefined), v: /<v>([^<]*)<\/v>/.exec(body)?.[1] ?? /<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1], s: /\ss="(\d+)"/.exec(m[2])?.[1] });
  }
  return out;
}

describe('score --write copies the workbook it was given, patching only what changes', () => {
  it('a LibreOffice workbook with the user\'s formulas: right ones kept, wrong ones replaced, everything else kept byte for byte', async () => {
    const dir = tempDir();
    copyFileSync(fixture('libreoffice-selection-formulas.xlsx'), join(dir, 'sel.xlsx'));
    const before = readFileSync(join(dir, 'sel.xlsx'));
    const res = await ecsop(['score', 'sel.xlsx', '--write', 'scored.xlsx'], { cwd: dir });
    expect(res.stderr).toContain('已写入');
    expect(readFileSync(join(dir, 'sel.xlsx')).equals(before)).toBe(true);

    const a = await parts(join(dir, 'sel.xlsx'));
    const b = await parts(join(dir, 'scored.xlsx'));
    // every part but the patched sheet, the styles and the workbook's calculation flag is the same
    const changed = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml']);
    for (const [name, data] of a) {
      if (changed.has(name)) continue;
      expect(b.get(name)?.equals(data), name).toBe(true);
    }
    const sheetA = a.get('xl/worksheets/sheet1.xml')!.toString();
    const sheetB = b.get('xl/worksheets/sheet1.xml')!.toString();
    for (const tag of ['dataValidation ', 'conditionalFormatting', 'cfRule', 'mergeCell ', 'legacyDrawing', 'pane ']) expect(count(sheetB, tag), tag).toBe(count(sheetA, tag));
    const cells = cellsOf(sheetB);
    expect(cells.get('G2')!.f).toBe('ROUND(C2*0.3+D2*0.25+E2*0.25+F2*0.2,2)'); // the user's right formula
    expect(cells.get('H2')!.f).toContain('IF(G2&gt;=4');
    expect(cells.get('G3')!.f).toContain('COUNTA(C3,D3,E3,F3)'); // equal weights: replaced by the template's
    expect(cells.get('G3')!.v).toBe('3.8');
    expect(cells.get('G4')!.f).toContain('COUNTA(C4,D4,E4,F4)'); // a typed total gets the live formula
    expect(cells.get('G5')!.v).toBe('3.75'); // an empty total is filled
    expect(cells.get('H5')!.v).toBe('待定');
    expect(b.get('xl/workbook.xml')!.toString()).toMatch(/fullCalcOnLoad="1"/);
    // the copy reads back as the same workbook with the computed results
    const rows = await readAll(join(dir, 'scored.xlsx'));
    expect(Object.keys(rows)).toEqual(['选品评估矩阵表', '汇总']);
    const again = JSON.parse((await ecsop(['score', 'scored.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    expect(again.results.every((r: { mismatch: { score: boolean; recommendation: boolean } }) => !r.mismatch.score && !r.mismatch.recommendation)).toBe(true);
  });

  it('formulas that were never calculated (openpyxl wrote them) are left as they are: they cannot be judged', async () => {
    const dir = tempDir();
    copyFileSync(fixture('openpyxl-selection-formulas.xlsx'), join(dir, 'sel.xlsx'));
    await ecsop(['score', 'sel.xlsx', '--write', 'scored.xlsx'], { cwd: dir });
    const cells = cellsOf((await parts(join(dir, 'scored.xlsx'))).get('xl/worksheets/sheet1.xml')!.toString());
    expect(cells.get('G2')!.f).toBe('ROUND(C2*0.3+D2*0.25+E2*0.25+F2*0.2,2)');
    expect(cells.get('G3')!.f).toBe('ROUND((C3+D3+E3+F3)/4,2)');
    expect(cells.get('G4')!.f).toContain('COUNTA'); // the typed 2.95 gets the live formula
  });

  it.skipIf(!hasSoffice)('LibreOffice opens the copy and computes what ecsop computed', async () => {
    const dir = tempDir();
    copyFileSync(fixture('libreoffice-selection-formulas.xlsx'), join(dir, 'sel.xlsx'));
    await ecsop(['score', 'sel.xlsx', '--write', 'scored.xlsx'], { cwd: dir });
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'lo'), join(dir, 'scored.xlsx')], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } });
    const csv = readFileSync(join(dir, 'lo', 'scored-选品评估矩阵表.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(csv.slice(1, 5).map((r) => [r[6], r[7]])).toEqual([['4.5', '通过'], ['3.8', '待定'], ['2.95', '淘汰'], ['3.75', '待定']]);
    const summary = readFileSync(join(dir, 'lo', 'scored-汇总.csv'), 'utf8');
    expect(summary).toContain('通过,1');
  }, 180_000);
});

describe('review --write keeps the shop\'s workbook and adds its columns', () => {
  it('an openpyxl workbook: validations, conditional formats, notes and widths kept; the filter and the header style follow the new columns', async () => {
    const dir = tempDir();
    copyFileSync(fixture('openpyxl-orders-styled.xlsx'), join(dir, 'orders.xlsx'));
    const res = await ecsop(['review', 'orders.xlsx', '--write', 'reviewed.xlsx'], { cwd: dir });
    expect(res.code).toBe(0);
    const a = await parts(join(dir, 'orders.xlsx'));
    const b = await parts(join(dir, 'reviewed.xlsx'));
    for (const [name, data] of a) if (!['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml'].includes(name)) expect(b.get(name)?.equals(data), name).toBe(true);
    // the hidden name Excel keeps of the filter's range follows it
    expect(b.get('xl/workbook.xml')!.toString().replace(/&apos;/g, "'")).toContain("'订单'!$A$1:$N$4");
    const sheetA = a.get('xl/worksheets/sheet1.xml')!.toString();
    const sheetB = b.get('xl/worksheets/sheet1.xml')!.toString();
    for (const tag of ['dataValidation ', 'conditionalFormatting', 'legacyDrawing', 'pane ']) expect(count(sheetB, tag), tag).toBe(count(sheetA, tag));
    expect(sheetB).toContain('<autoFilter ref="A1:N4"');
    expect(sheetB).toMatch(/<col min="13" max="13" width="40" customWidth="1"\/>/);
    const cells = cellsOf(sheetB);
    expect(cells.get('L1')!.v).toBe('审核结果');
    expect(cells.get('N4')!.v).toBe('是'); // 加急: print first
    // the new headers look like the header's last cell, made bold; the manual rows are filled
    const styles = b.get('xl/styles.xml')!.toString();
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const xfOf = (ref: string) => xfs[Number(cells.get(ref)!.s)];
    expect(Number(/fillId="(\d+)"/.exec(xfOf('L1'))![1])).toBe(Number(/fillId="(\d+)"/.exec(xfs[Number(cells.get('K1')!.s)])![1]));
    expect(xfOf('A3')).toMatch(/applyFill="1"/);
    // (exceljs cannot read openpyxl's notes at all; ecsop's reader reads the copy)
    const rows = (await readAll(join(dir, 'reviewed.xlsx')))['订单'];
    expect(['L3', 'M3', 'N3'].map((ref) => at(rows, ref)?.value)).toEqual(['待人工审核', '偏远地区(新疆)', '否']);
    // and the copy is a workbook check reads without a file problem
    const checked = JSON.parse((await ecsop(['check', 'reviewed.xlsx', '--format', 'json'], { cwd: dir })).stdout);
    expect(checked.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('file/'))).toEqual([]);
  });

  it('a shared formula beyond the header is the shop\'s data: kept whole, the review\'s columns go after it (issue #22)', async () => {
    const dir = tempDir();
    // a formula filled right from N2 to P2 (as Excel stores it: one shared formula) in columns
    // with no header; the review's columns would be L…N after the header, so they go after P
    const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="E2" t="inlineStr"><is><t>浙江省杭州市西湖区文三路90号</t></is></c><c r="G2"><v>1</v></c><c r="H2"><v>99</v></c>`
      + '<c r="N2"><f t="shared" ref="N2:P2" si="0">H2*$G$2+"x"&amp;H$2</f><v>1</v></c><c r="O2"><f t="shared" si="0"/><v>2</v></c><c r="P2"><f t="shared" si="0"/><v>3</v></c></row>';
    writeFileSync(join(dir, 'p.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}${row}</sheetData></worksheet>` }] }));
    expect((await ecsop(['review', 'p.xlsx', '--write', 'q.xlsx'], { cwd: dir })).code).toBeLessThan(2);
    const cells = cellsOf((await parts(join(dir, 'q.xlsx'))).get('xl/worksheets/sheet1.xml')!.toString());
    expect(cells.get('N2')!.f).toBe('H2*$G$2+"x"&amp;H$2'); // as the shop wrote it
    expect(cells.get('O2')!.v).toBe('2');
    expect(cells.get('P2')!.v).toBe('3');
    expect(cells.get('Q1')).toBeDefined(); // 审核结果, after the last column in use
  });
});

describe('copies of other inputs, and copies refused', () => {
  it('a CSV export becomes an .xlsx or a CSV copy; cells that look like formulas are escaped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), `${HEADER.join(',')}\r\n1,2024-05-20 09:12,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,2,258,否,"=HYPERLINK(""x"")",120\r\n`);
    expect((await ecsop(['review', 'o.csv', '--write', 'o-reviewed.xlsx'], { cwd: dir })).code).toBe(0);
    const rows = await readWorkbook(join(dir, 'o-reviewed.xlsx'));
    const sheet = Object.values(rows)[0];
    expect(sheet[0].slice(11, 14)).toEqual(['审核结果', '审核原因', '优先打单']);
    expect(sheet[1][7]).toBe(258); // an amount is a number
    expect(sheet[1][0]).toBe(1);
    expect(sheet[1][3]).toBe('13812345678'); // a phone number stays text
    expect((await ecsop(['review', 'o.csv', '--write', 'o-reviewed.csv'], { cwd: dir })).code).toBe(0);
    const csv = readFileSync(join(dir, 'o-reviewed.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF订单号')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split('\r\n')[1].endsWith('待人工审核,偏远地区(新疆),否')).toBe(true);
  });

  it('refuses: the wrong kind of name, a macro workbook under .xlsx, an unsafe input — and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), `${HEADER.join(',')}\r\n1,,,,,,1,99,否,,1\r\n`);
    const wrong = await ecsop(['review', 'o.csv', '--write', 'x.json'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/x\.json/);
    writeFileSync(join(dir, 'm.xlsm'), xlsx());
    expect((await ecsop(['review', 'm.xlsm', '--write', 'm-copy.xlsx'], { cwd: dir })).code).toBe(2);
    expect((await ecsop(['review', 'm.xlsm', '--write', 'm-copy.xlsm'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'bomb.xlsx'), xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>` }] }));
    const unsafe = await ecsop(['review', 'bomb.xlsx', '--write', 'bomb-copy.xlsx'], { cwd: dir });
    expect(unsafe.code).toBe(2);
    expect(unsafe.stderr).toMatch(/bomb\.xlsx.*file\/unsafe/);
    expect(existsSync(join(dir, 'bomb-copy.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(existsSync(join(dir, 'm-copy.xlsx'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('-lock'))).toEqual([]);
  });

  it('--output, --queue and --write never land on an input, and a report never replaces a workbook', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), xlsx());
    const before = readFileSync(join(dir, 'o.xlsx'));
    for (const args of [['check', 'o.xlsx', '--output', 'o.xlsx'], ['review', 'o.xlsx', '--queue', 'o.xlsx', '--force'], ['review', 'o.xlsx', '--write', 'o.xlsx', '--force'], ['score', 'o.xlsx', '--write', './o.xlsx', '--force']]) {
      const res = await ecsop(args, { cwd: dir });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    writeFileSync(join(dir, 'other.xlsx'), xlsx());
    expect((await ecsop(['check', 'o.xlsx', '--output', 'other.xlsx', '--format', 'json'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, 'o.xlsx')).equals(before)).toBe(true);
    // a report replaces the last night's report; a file of the user's only with --force (issue #22)
    expect((await ecsop(['check', 'o.xlsx', '--output', 'report.json', '--format', 'json'], { cwd: dir })).code).toBe(0);
    expect((await ecsop(['check', 'o.xlsx', '--output', 'report.json', '--format', 'json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).version).toBe(1);
    writeFileSync(join(dir, 'mine.json'), '{"mine":1}');
    expect((await ecsop(['check', 'o.xlsx', '--output', 'mine.json', '--format', 'json'], { cwd: dir })).code).toBe(2);
    expect(readFileSync(join(dir, 'mine.json'), 'utf8')).toBe('{"mine":1}');
  });

  it('a missing folder for --output or --queue: one line, exit 2; a report named .json is JSON; ESC never reaches an annotation raw', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), xlsx());
    for (const args of [['check', 'o.xlsx', '--output', 'no/such/r.json'], ['review', 'o.xlsx', '--queue', 'no/such/q.csv']]) {
      const res = await ecsop(args, { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^ecsop: the folder of .*no\/such\/.* does not exist; create it first\n$/);
    }
    expect(readdirSync(dir)).toEqual(['o.xlsx']);
    expect((await ecsop(['check', 'o.xlsx', '--output', 'r.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).version).toBe(1);
    writeFileSync(join(dir, 'e\u001b[2Jx.csv'), '订单号,金额\n1,2\n');
    const gh = await ecsop(['check', '.', '--format', 'github'], { cwd: dir });
    expect(gh.stdout).toContain('e\\x1b[2Jx');
    expect(gh.stdout).not.toContain('\u001b');
  });

  it('a value with a control character that check accepts is written back as it came', async () => {
    const dir = tempDir();
    const sheet = `<worksheet xmlns="${NS}"><sheetData>${rowsXml([HEADER])}<row r="2"><c r="A2" t="inlineStr"><is><t>1&#x1;</t></is></c><c r="E2" t="inlineStr"><is><t>浙江省杭州市西湖区文三路90号</t></is></c><c r="G2"><v>1</v></c><c r="H2"><v>99</v></c></row></sheetData></worksheet>`;
    writeFileSync(join(dir, 'o.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheet }] }));
    expect((await ecsop(['review', 'o.xlsx', '--write', 'c.xlsx'], { cwd: dir })).code).toBe(0);
    const xml = (await parts(join(dir, 'c.xlsx'))).get('xl/worksheets/sheet1.xml')!.toString();
    expect(xml).toContain('1&#x1;');
  });
});
