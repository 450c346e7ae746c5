import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { openpyxlTests, readWithOpenpyxl, type OpenpyxlBook } from '../helpers/openpyxl.js';
import { unzipAll } from '../helpers/zip.js';
import { HEADER, rowsXml, sheetXml, xlsx } from '../corpus/build.js';

const root = join(__dirname, '../..');
const fixture = (name: string) => join(root, 'test/fixtures', name);
const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;
const hasSoffice = (() => { try { execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }); return true; } catch { return false; } })();

interface Finding { ruleId: string; severity: 'error' | 'warning' | 'info'; sheet?: string; row?: number; cell?: string; message: string; expected?: unknown }

/** Runs a command with --annotate and --format json on a copy of `files`; the report and the annotated copy as openpyxl reads it. */
async function annotate(cmd: string, file: string, extra: string[] = []) {
  const dir = tempDir();
  copyFileSync(fixture(file), join(dir, file));
  const before = readFileSync(join(dir, file));
  const res = await ecsop([cmd, file, '--annotate', 'annotated.xlsx', '--format', 'json', '--now', '2024-05-21T12:00', ...extra], { cwd: dir });
  expect(res.stderr).toContain('已写入 annotated.xlsx');
  expect(readFileSync(join(dir, file)).equals(before)).toBe(true); // the input is never touched
  const report = JSON.parse(res.stdout) as { findings: Finding[]; summary: Record<string, number> };
  return { dir, report, book: readWithOpenpyxl(join(dir, 'annotated.xlsx')), res };
}

/** The rows of 检查结果 below its findings header: sheet, cell (with its link), level, message, expected, value, rule. */
function listed(book: OpenpyxlBook) {
  const sheet = book.sheets[0];
  const row = (r: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => sheet.cells[`${c}${r}`]);
  let header = 0;
  for (let r = 1; r <= sheet.maxRow; r++) if (row(r)[6]?.value === '规则' && row(r)[1]?.value === '单元格') header = r;
  const out = [];
  for (let r = header + 1; r <= sheet.maxRow; r++) {
    const [s, cell, level, message, , , rule] = row(r);
    if (rule?.value) out.push({ sheet: s?.value, cell: cell?.value, link: cell?.link, level: level?.value, levelFill: level?.fill, message: message?.value, rule: rule.value });
  }
  return out;
}

/** 检查结果's table per rule: rule → count. */
function perRule(book: OpenpyxlBook): Record<string, number> {
  const sheet = book.sheets[0];
  const out: Record<string, number> = {};
  let inTable = false;
  for (let r = 1; r <= sheet.maxRow; r++) {
    const a = sheet.cells[`A${r}`]?.value;
    if (a === '规则') { inTable = true; continue; }
    if (inTable && (a === undefined || a === '工作表')) break;
    if (inTable) out[String(a)] = Number(sheet.cells[`C${r}`]?.value);
  }
  return out;
}

const LEVEL_WORD = { error: '错误', warning: '警告', info: '提示' } as const;

/** What a reader of the copy checks: every finding listed with a link to its cell, filled by level, with a note. */
function expectAnnotated(book: OpenpyxlBook, findings: Finding[]) {
  expect(book.sheetnames[0]).toBe('检查结果');
  expect(book.active).toBe('检查结果');
  expect(book.sheets.filter((s) => s.selected).map((s) => s.title)).toEqual(['检查结果']); // one selected tab, not a group
  const rows = listed(book);
  expect(rows).toHaveLength(findings.length);
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  expect(perRule(book)).toEqual(counts);
  for (const f of findings) {
    const row = rows.find((r) => r.rule === f.ruleId && r.message === f.message && r.sheet === (f.sheet ?? ''));
    expect(row, `${f.ruleId} ${f.message}`).toBeDefined();
    expect(row!.level).toBe(LEVEL_WORD[f.severity]);
    expect(row!.levelFill).toBe(FILL[f.severity]);
    if (f.sheet === undefined || f.row === undefined) continue;
    const cell = f.cell ?? `A${f.row}`;
    expect(row!.link).toBe(`'${f.sheet}'!${cell}`);
    const target = book.sheets.find((s) => s.title === f.sheet)!.cells[cell];
    const worst = findings.filter((g) => g.sheet === f.sheet && (g.cell ?? `A${g.row}`) === cell).map((g) => g.severity).sort((a, b) => ['info', 'warning', 'error'].indexOf(b) - ['info', 'warning', 'error'].indexOf(a))[0];
    expect(target?.fill, `${f.sheet}!${cell}`).toBe(FILL[worst]);
  }
}

describe.skipIf(!openpyxlTests)('--annotate: a copy that shows the findings where they are (read with openpyxl)', () => {
  it('a LibreOffice orders workbook: every finding listed and linked, its cell filled and noted; the user\'s notes, print area and other sheet kept', async () => {
    const { report, book } = await annotate('check', 'libreoffice-orders-commented.xlsx');
    expect(report.findings.length).toBeGreaterThan(0);
    expectAnnotated(book, report.findings);
    const orders = book.sheets.find((s) => s.title === '订单')!;
    // the user's own notes are there as they were, on their cells
    expect(orders.cells.D3.note).toContain('客户留的号码不全');
    expect(orders.cells.F2.note).toContain('赠品另发');
    // ours say what is wrong, what was expected and which rule
    for (const f of report.findings.filter((x) => x.cell && x.sheet === '订单')) {
      const note = orders.cells[f.cell!].note!;
      expect(note).toContain(f.message);
      expect(note).toContain(f.ruleId);
      expect(orders.cells[f.cell!].noteAuthor).toBe('ecsop');
    }
    // the print area is still the orders sheet's, though the sheets moved one place on
    expect(orders.printArea).toContain('$A$1:$J$4');
    expect(book.sheets.find((s) => s.title === '说明')!.printArea).toBeNull();
    expect(book.sheets.find((s) => s.title === '说明')!.cells.A1.value).toBe('订单表由客服每日导出');
    // values are untouched
    expect(orders.cells.D3.value).toBe('12345');
    expect(orders.cells.A1.value).toBe('订单号');
  });

  it('the same workbook saved by openpyxl (a note drawing of its own, names without prefixes)', async () => {
    const { report, book } = await annotate('review', 'openpyxl-orders-commented.xlsx');
    expectAnnotated(book, report.findings);
    const orders = book.sheets.find((s) => s.title === '订单')!;
    expect(orders.cells.D3.note).toContain('客户留的号码不全');
    expect(orders.printArea).toContain('$A$1:$J$4');
    expect(book.sheets[0].printArea).toBeNull();
  });

  it('a selection sheet with the user\'s formulas, dropdowns and conditional format (LibreOffice): all kept, the wrong total marked', async () => {
    const { report, book } = await annotate('score', 'libreoffice-selection-formulas.xlsx');
    expectAnnotated(book, report.findings);
    const input = readWithOpenpyxl(fixture('libreoffice-selection-formulas.xlsx'));
    const a = input.sheets.find((s) => s.title === '选品评估矩阵表')!;
    const b = book.sheets.find((s) => s.title === '选品评估矩阵表')!;
    expect(b.validations).toEqual(a.validations);
    expect(b.conditionalFormats).toEqual(a.conditionalFormats);
    expect(b.autoFilter).toBe(a.autoFilter);
    for (const [ref, cell] of Object.entries(a.cells)) expect(b.cells[ref]?.value, ref).toEqual(cell.value); // formulas and values
    expect(book.names).toEqual(input.names);
    const summary = book.sheets.find((s) => s.title === '汇总')!;
    expect(summary.cells.B1.value).toBe(input.sheets.find((s) => s.title === '汇总')!.cells.B1.value);
    const wrong = report.findings.find((f) => f.ruleId === 'selection-score-mismatch');
    expect(wrong).toBeDefined();
    expect(b.cells[wrong!.cell!].fill).toBe(FILL.error);
  });

  it('a CSV export becomes an annotated .xlsx; a .csv target is refused (colours do not fit in a CSV)', async () => {
    const { report, book, dir } = await annotate('review', 'orders-gbk.csv');
    expectAnnotated(book, report.findings);
    expect(book.sheetnames).toEqual(['检查结果', 'orders-gbk']);
    const refused = await ecsop(['review', 'orders-gbk.csv', '--annotate', 'out.csv'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^ecsop: out\.csv.*\.xlsx/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('in English: the contents in English, the sheet still named 检查结果 like the SOP\'s own sheets', async () => {
    const dir = tempDir();
    copyFileSync(fixture('libreoffice-orders-commented.xlsx'), join(dir, 'o.xlsx'));
    const res = await ecsop(['check', 'o.xlsx', '--annotate', 'a.xlsx', '--lang', 'en', '--now', '2024-05-21T12:00'], { cwd: dir });
    expect(res.stderr).toContain('wrote a.xlsx');
    const book = readWithOpenpyxl(join(dir, 'a.xlsx'));
    expect(book.sheetnames[0]).toBe('检查结果');
    const texts = Object.values(book.sheets[0].cells).map((c) => String(c.value));
    expect(texts).toContain('ecsop check results');
    expect(texts).toContain('Cell');
    expect(texts.some((x) => /[\u4e00-\u9fa5]{4,}/.test(x) && !/订单|说明|待人工|收件|电话/.test(x))).toBe(false);
  });

  it.skipIf(!hasSoffice)('LibreOffice opens the copy and keeps the notes, links and fills when it saves it again', async () => {
    const { dir, report } = await annotate('check', 'openpyxl-orders-commented.xlsx');
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), join(dir, 'annotated.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const again = readWithOpenpyxl(join(dir, 'lo', 'annotated.xlsx'));
    expectAnnotated(again, report.findings);
  }, 180_000);
});

describe('--annotate and --annotate-dir: what is written, and what is refused', () => {
  it('--annotate with several inputs says to use --annotate-dir, before reading anything', async () => {
    const res = await ecsop(['check', join(root, 'examples'), '--annotate', join(tempDir(), 'x.xlsx')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--annotate-dir');
  });

  it('a folder that cannot be made is one line and exit 2: a file in its place, a place where nothing can be made', async () => {
    const dir = tempDir();
    cpSync(join(root, 'examples/05-订单处理与履约.xlsx'), join(dir, 'o.xlsx'));
    writeFileSync(join(dir, 'afile'), 'x');
    for (const target of ['afile', 'afile/sub']) {
      const res = await ecsop(['check', 'o.xlsx', '--annotate-dir', target, '--lang', 'en'], { cwd: dir });
      expect(res.code).toBe(2);
      expect(res.stderr.trim().split('\n')).toEqual([`ecsop: ${target} is not a folder (a file stands where it or a folder above it would be): choose another folder name`]);
    }
    mkdirSync(join(dir, 'out'));
    const folder = await ecsop(['check', 'o.xlsx', '--annotate', 'out', '--lang', 'en'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('ecsop: out is a folder; give a file name\n');
    rmdirSync(join(dir, 'out'));
    const init = await ecsop(['init', 'afile', '--lang', 'en'], { cwd: dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('afile is not a folder');
    // node's own recursive mkdir never returns under /proc: ecsop answers
    if (existsSync('/proc/self')) {
      const proc = await ecsop(['check', 'o.xlsx', '--annotate-dir', '/proc/ecsop-no-such/x', '--lang', 'en'], { cwd: dir });
      expect(proc.code).toBe(2);
      expect(proc.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir).sort()).toEqual(['afile', 'o.xlsx']);
  }, 30_000);

  it('a folder of many files: the first 20 copies confirmed one line each, then one line for the rest', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (let i = 0; i < 25; i++) copyFileSync(join(root, 'examples/05-订单处理与履约.xlsx'), join(dir, 'in', `o${String(i).padStart(2, '0')}.xlsx`));
    const res = await ecsop(['check', 'in', '--annotate-dir', 'out', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(res.code).toBe(0);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20).every((l) => /^wrote out\/in\/o\d\d\.xlsx$/.test(l))).toBe(true);
    expect(lines[20]).toBe('… and 5 more annotated copies written in out');
    expect(readdirSync(join(dir, 'out', 'in'))).toHaveLength(25);
  });

  it('--annotate-dir: a copy of each input under its own relative name; an existing copy needs --force and is kept as .bak', async () => {
    const dir = tempDir();
    cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
    const before = readdirSync(join(dir, 'examples')).map((f) => readFileSync(join(dir, 'examples', f)));
    const res = await ecsop(['check', 'examples', '--annotate-dir', 'out', '--now', '2024-05-21T12:00', '--jobs', '1'], { cwd: dir });
    expect(res.code).toBe(1);
    const written = readdirSync(join(dir, 'out', 'examples')).sort();
    expect(written).toEqual(readdirSync(join(dir, 'examples')).sort());
    expect(res.stderr.match(/已写入 out\/examples\//g)).toHaveLength(5);
    readdirSync(join(dir, 'examples')).forEach((f, i) => expect(readFileSync(join(dir, 'examples', f)).equals(before[i])).toBe(true));
    // again without --force: refused before any file is read, nothing replaced
    const again = await ecsop(['check', 'examples', '--annotate-dir', 'out'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    // named the way the user gave it, one line
    expect(again.stderr).toMatch(/^ecsop: out\/examples\/\S+\.xlsx 已存在/);
    expect(again.stderr).not.toContain(dir);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const forced = await ecsop(['check', 'examples', '--annotate-dir', 'out', '--force', '--jobs', '1'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(readdirSync(join(dir, 'out', 'examples')).filter((f) => f.endsWith('.bak'))).toHaveLength(5);
    // the copies in the folder are not read as inputs of the next run of the same folder
    const inside = await ecsop(['check', '.', '--annotate-dir', 'out', '--force', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(inside.stdout).files.map((f: { path: string }) => f.path).every((p: string) => !p.startsWith('out/'))).toBe(true);
  });

  it('a broken file among good ones: no copy of it, one line saying why, the others written, the exit code from the findings', async () => {
    const dir = tempDir();
    cpSync(join(root, 'examples/05-订单处理与履约.xlsx'), join(dir, 'good.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    const res = await ecsop(['check', '.', '--annotate-dir', 'out', '--now', '2024-05-21T12:00'], { cwd: dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/未写标注副本 broken\.xlsx/);
    expect(existsSync(join(dir, 'out', 'good.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'broken.xlsx'))).toBe(false);
  });

  it('review --annotate: the text report still shows the queue, not every manual order as a finding', async () => {
    const dir = tempDir();
    copyFileSync(fixture('orders-utf8-bom.csv'), join(dir, 'o.csv'));
    const res = await ecsop(['review', 'o.csv', '--annotate', 'a.xlsx', '--now', '2024-05-21T12:00'], { cwd: dir });
    expect(res.stdout).toContain('待人工审核队列');
    expect(res.stdout).toMatch(/另有 3 条 order-manual-review/);
    expect(res.stdout).not.toMatch(/o\.csv:\d+:\d+: 警告/);
  });

  it('lint --text has no workbook to annotate: a usage error', async () => {
    const res = await ecsop(['lint', '--text', '最好的面膜', '--annotate', join(tempDir(), 'a.xlsx')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--annotate');
  });

  it('colours every finding\'s cell of a sheet with thousands of findings, on a cell that had no value too', async () => {
    const dir = tempDir();
    const rows = [HEADER, ...Array.from({ length: 3000 }, (_, i) => [`${20240520000 + i}`, '2024-05-20 09:12', '*女士', '123', '浙江省杭州市西湖区文三路90号', '面膜', 2, 258, '否', '', 120])];
    // the 金额 cell (required) of every row is missing altogether: a finding on a cell that has no element
    const xml = rowsXml(rows).replace(/<c r="H(\d+)"[^>]*>.*?<\/c>/g, (m, r: string) => (r === '1' ? m : ''));
    writeFileSync(join(dir, 'o.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheetXml(xml) }] }));
    const res = await ecsop(['check', 'o.xlsx', '--annotate', 'a.xlsx', '--format', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as { findings: Finding[] };
    const parts = new Map((await unzipAll(join(dir, 'a.xlsx'))).map((e) => [e.name, e.data.toString()]));
    const sheet = [...parts].find(([n, x]) => n.startsWith('xl/worksheets/') && n.endsWith('.xml') && x.includes('20240520000'))![1];
    // each finding's cell carries a style of its own, and the notes part holds one note per cell
    const cells = new Set(report.findings.filter((f) => f.cell).map((f) => f.cell!));
    expect(cells.size).toBeGreaterThanOrEqual(6000);
    expect(cells.has('H2') && cells.has('H3001')).toBe(true);
    for (const ref of cells) expect(sheet, ref).toMatch(new RegExp(`<c r="${ref}"[^>]*\\ss="\\d+"`));
    const comments = [...parts].find(([n]) => /comments/.test(n))![1];
    expect(comments.split('<comment ').length - 1).toBe(cells.size);
  });
});
