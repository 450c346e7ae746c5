import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const SELECTION_HEADER = ['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议'];

/** A shared drive as teams have it: good files, broken ones, lock files, nested folders, a GBK CSV. */
async function drive(): Promise<string> {
  const dir = tempDir('ecsop-drive-');
  mkdirSync(join(dir, '2024/四月'), { recursive: true });
  await writeWorkbook(join(dir, 'good.xlsx'), {
    选品: [SELECTION_HEADER, ...Array.from({ length: 10 }, (_, i) => [`款${i + 1}`, '美妆', 4, 4, 4, 4, 4, '通过'])],
  });
  await writeWorkbook(join(dir, '2024/四月/selection.xlsx'), {
    选品: [SELECTION_HEADER, ['敏感肌修护面膜(款1)', '美妆·面膜', '5(搜索量高,供给缺口)', '4', '4', '5', 4.55, '通过']],
    杂项: [['姓名', '部门'], ['*明', '运营']],
  });
  writeFileSync(join(dir, '2024/四月/~$selection.xlsx'), 'lock');
  writeFileSync(join(dir, '.~lock.good.xlsx#'), 'lock');
  writeFileSync(join(dir, 'broken.xlsx'), 'this is not a zip');
  writeFileSync(join(dir, '2024/orders-gbk.csv'), iconv.encode('订单号,收件地址,金额\n20240520001,浙江省杭州市西湖区文三路90号,258\n20240520002,新疆乌鲁木齐市天山区,\n', 'gbk'));
  return dir;
}

describe('ecsop check over a folder', () => {
  let dir: string;
  beforeAll(async () => { dir = await drive(); });

  it('reports every file in JSON, goes on past the broken one, and exits 1', async () => {
    const res = await ecsop(['check', '.', '--format', 'json'], { cwd: dir });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['2024/orders-gbk.csv', 'ok'],
      ['2024/四月/selection.xlsx', 'ok'],
      ['broken.xlsx', 'error'],
      ['good.xlsx', 'ok'],
    ]);
    expect(report.files[0]).toMatchObject({ encoding: 'gb18030', sheets: [{ name: 'orders-gbk', kind: 'orders', rows: 2 }] });
    expect(report.files[1].sheets).toEqual([{ name: '选品', kind: 'selection', rows: 1 }, { name: '杂项', kind: null, rows: 0 }]);
    const byRule = (id: string) => report.findings.filter((f: { ruleId: string }) => f.ruleId === id);
    expect(byRule('file/unreadable')).toEqual([expect.objectContaining({ file: 'broken.xlsx', severity: 'error', value: 'not-a-zip' })]);
    expect(byRule('schema/required')).toEqual([expect.objectContaining({ file: '2024/orders-gbk.csv', sheet: 'orders-gbk', row: 3, column: 'C', cell: 'C3', field: '金额', value: '' })]);
    expect(byRule('selection-score-mismatch')).toEqual([expect.objectContaining({ file: '2024/四月/selection.xlsx', sheet: '选品', row: 2, column: 'G', cell: 'G2', field: '综合得分', value: 4.55, expected: 4.5, severity: 'error' })]);
    expect(byRule('sheet/unknown-kind')).toEqual([expect.objectContaining({ sheet: '杂项', severity: 'info' })]);
    expect(report.summary).toEqual({ files: 4, sheets: 4, rows: 13, errors: 3, warnings: 2, infos: 1 });
    expect(byRule('order-manual-review')).toEqual([expect.objectContaining({ file: '2024/orders-gbk.csv', row: 3, cell: 'A3', value: '20240520002', reasons: ['amount-missing', 'remote-area', 'address-vague'], severity: 'warning' })]);
    for (const f of report.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'file', 'message']));
  });

  it('writes JUnit XML that parses back: a suite per file, a case per file and rule, a failing case per rule at or above --fail-on', async () => {
    const out = join(dir, '..', `report-${Date.now()}.xml`);
    const res = await ecsop(['check', '.', '--format', 'junit', '--output', out], { cwd: dir });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(out, 'utf8'));
    const suites = [xml.testsuites.testsuite].flat();
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['2024/orders-gbk.csv', '2024/四月/selection.xlsx', 'broken.xlsx', 'good.xlsx']);
    const good = suites.find((s: { name: string }) => s.name === 'good.xlsx');
    expect(good.failures).toBe('0');
    expect([good.testcase].flat()[0].failure).toBeUndefined(); // a clean file still yields a passing case
    const sel = suites.find((s: { name: string }) => s.name === '2024/四月/selection.xlsx');
    const cases = [sel.testcase].flat() as Array<{ name: string; failure?: { type: string }; 'system-out'?: string }>;
    expect(cases.find((c) => c.name === 'selection-score-mismatch')?.failure?.type).toBe('selection-score-mismatch');
    // the info about the sheet of no SOP kind is visible, and no failure
    expect(cases.find((c) => c.name === 'sheet/unknown-kind')?.failure).toBeUndefined();
    expect(cases.find((c) => c.name === 'sheet/unknown-kind')?.['system-out']).toMatch(/杂项/);
    const failing = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat() as Array<{ failure?: unknown }>).filter((c) => c.failure).length;
    expect(Number(xml.testsuites.failures)).toBe(failing);
    expect(Number(xml.testsuites.tests)).toBe(suites.reduce((a: number, s: { tests: string }) => a + Number(s.tests), 0));
  });

  it('writes GitHub annotations', async () => {
    const res = await ecsop(['check', 'broken.xlsx', '--format', 'github'], { cwd: dir });
    expect(res.stdout).toMatch(/^::error file=broken\.xlsx,title=file\/unreadable::/);
  });

  it('prints a readable report grouped by file and sheet, in English on request', async () => {
    const res = await ecsop(['check', '2024', '--lang', 'en'], { cwd: dir });
    expect(res.stdout).toContain('2024/四月/selection.xlsx');
    // not a terminal: one finding per line, file:row:column: as editors and grep read it
    expect(res.stdout).toContain('2024/四月/selection.xlsx:2:7: error 选品!G2 Total score says 4.55; the SOP weights give 4.50');
    expect(res.stdout).toMatch(/selection-score-mismatch +error +1 +1/); // the table per rule
    expect(res.stdout).toContain('Checked 2 files, 3 sheets, 3 rows: 2 errors, 2 warnings, 1 info');
    expect(res.stdout).not.toMatch(/\u001b\[/); // no colours when not a terminal
  });

  it('speaks Chinese in a Chinese locale', async () => {
    const res = await ecsop(['check', 'good.xlsx'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(res.stdout).toContain('共检查 1 个文件');
    expect(res.code).toBe(0);
  });

  it('shows progress on a terminal only: files done, and rows of a large file', async () => {
    const quiet = await ecsop(['check', '.'], { cwd: dir });
    expect(quiet.stderr).toBe('');
    const files = await ecsop(['check', '.', '--jobs', '1'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(files.stderr).toContain('4/4');
    expect(files.stderr.endsWith('\r\x1b[K')).toBe(true);
    const big = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(big, 'orders.csv'), `订单号,收件地址,金额\n${Array.from({ length: 60_000 }, (_, i) => `${i},浙江省杭州市西湖区文三路90号,99`).join('\n')}\n`);
    const rows = await ecsop(['check', 'orders.csv'], { cwd: big, tty: true, env: { NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    // the share of the sheet read, then cleared: nothing stale stays on the screen
    expect(rows.stderr).toMatch(/\d+% orders\.csv › orders/);
    expect(rows.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect((await ecsop(['check', 'orders.csv', '--no-progress'], { cwd: big, tty: true })).stderr).toBe('');
  });

  it('checks files in parallel with the same result', async () => {
    const one = await ecsop(['check', '.', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const four = await ecsop(['check', '.', '--format', 'json', '--jobs', '4'], { cwd: dir });
    expect(four.stdout).toBe(one.stdout);
  });

  it('reads a copy of a fixture written by LibreOffice in the same run', async () => {
    const d = tempDir();
    copyFileSync(join(__dirname, '../fixtures/libreoffice-orders.xlsx'), join(d, 'orders.xlsx'));
    const res = await ecsop(['check', '.', '--format', 'json'], { cwd: d });
    expect(JSON.parse(res.stdout).files[0].sheets[0]).toMatchObject({ kind: 'orders', rows: 3 });
  });
});

describe('large files in one folder, one at a time (outsider helper-98)', () => {
  it('three exports over 16 MB among small files: every file checked, the same with --jobs 2 as with --jobs 1, from the cache too', async () => {
    const dir = tempDir();
    const header = '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,商家备注,订单类型,外部编号';
    for (const name of ['a-big.csv', 'c-big.csv', 'e-big.csv']) {
      const lines = [header];
      for (let i = 1; i <= 140_000; i++) lines.push(`${name[0]}${String(i).padStart(12, '0')},2024-05-20 09:00,*先生,13800138000,浙江省杭州市西湖区文三路${i % 300}号${i % 7}幢,敏感肌修护面膜 补水保湿,1,${i % 5 ? 99 : 600},否,,,普通订单,EXT-${i}`);
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    }
    writeFileSync(join(dir, 'b-small.csv'), `${header}\nB1,2024-05-20 09:00,*先生,13800138000,浙江省杭州市西湖区文三路1号,面膜,1,600,否,,,普通订单,X\n`);
    writeFileSync(join(dir, 'd-small.csv'), `${header}\nD1,2024-05-20 09:00,*先生,13800138000,新疆乌鲁木齐市天山区解放北路8号,面膜,1,99,否,,,普通订单,X\n`);
    const cache = join(tempDir(), 'ecsop.cache');
    const run = async (...more: string[]) => (await ecsop(['check', '.', '--format', 'json', '--now', '2024-05-23T12:00', ...more], { cwd: dir })).stdout;
    const one = await run('--jobs', '1');
    const report = JSON.parse(one);
    expect(report.files.map((f: { path: string; sheets: Array<{ rows: number }> }) => `${f.path}:${f.sheets[0].rows}`)).toEqual(['a-big.csv:140000', 'b-small.csv:1', 'c-big.csv:140000', 'd-small.csv:1', 'e-big.csv:140000']);
    expect(await run('--jobs', '2')).toBe(one);
    expect(await run('--jobs', '2', '--cache', '--cache-location', cache)).toBe(one);
    expect(await run('--jobs', '2', '--cache', '--cache-location', cache)).toBe(one);
  }, 120_000);
});
