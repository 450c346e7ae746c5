import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../corpus/build.js';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * A sheet whose reading stops part-way (an .xlsx damaged inside its sheet, a CSV with bytes its encoding has
 * not: csv-bad-bytes.test.ts): every row whole before the damage is read and checked, and the order on the
 * last rows read goes to a person — its lines may go on past the stop (outsider helper-93: it was neither
 * approved nor listed, and an .xlsx lost the rows of the piece the damage was in).
 */
const HEAD = ['订单号', '金额', '收货地址', '订单状态'];
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (r: number, id: string, status: string) =>
  `<row r="${r}">${inline(`A${r}`, id)}<c r="B${r}"><v>${90 + (r % 9)}</v></c>${inline(`C${r}`, '浙江省杭州市西湖区文三路90号')}${inline(`D${r}`, status)}</row>`;

/**
 * Orders on rows 2…last (the last two rows one order of two lines), then a row cut off by a raw `<`;
 * `afterRows`: the rows whole, and the raw `<` in the page margins after them
 */
function damaged(last: number, status: (r: number) => string, afterRows = false): Buffer {
  return cut(last, status, afterRows ? 'margins' : 'raw-lt');
}

/**
 * How a sheet's XML is damaged after row `last`: a raw `<` in the next row, in the page margins after the rows,
 * the part cut right after a `</row>` (a crashed writer, a download cut at a row's end; helper-94), a cell left
 * open before the next row, or the part ending after `</sheetData>` with no `</worksheet>`
 */
type Damage = 'raw-lt' | 'margins' | 'cut-at-row' | 'open-cell' | 'no-end';
function cut(last: number, status: (r: number) => string, how: Damage): Buffer {
  const rows = [`<row r="1">${HEAD.map((h, c) => inline(`${'ABCD'[c]}1`, h)).join('')}</row>`];
  for (let r = 2; r <= last; r++) rows.push(row(r, String(20240520000000 + Math.min(r, last - 1)), status(r)));
  const next = last + 1;
  const data = {
    'raw-lt': `<sheetData>${rows.join('')}<row r="${next}"><c r="A${next}" <<</sheetData></worksheet>`,
    margins: `<sheetData>${rows.join('')}</sheetData><pageMargins left="0.7" x="a<b"/></worksheet>`,
    'cut-at-row': `<sheetData>${rows.join('')}`,
    'open-cell': `<sheetData>${rows.join('')}<row r="${next}">${inline(`A${next}`, 'abc').replace('</c>', '')}${row(next, '20240520999999', status(next)).replace(/^<row r="\d+">/, '')}</sheetData></worksheet>`,
    'no-end': `<sheetData>${rows.join('')}</sheetData><pageSetup orientation="portrait"`,
  }[how];
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${data}`;
  return xlsx({ sheets: [{ name: '订单', xml: sheet }] });
}

interface Report {
  summary: { rows: number };
  review: { orders: number; manual: number; skipped: number; byStatus: Record<string, number> };
  orders: Array<{ row: number; decision: string; reasons: string[]; lines?: number[]; status?: string; statusText?: string }>;
  findings: Array<{ ruleId: string; message: string }>;
}

describe('an .xlsx whose sheet is damaged part-way', () => {
  // 40 rows: the sheet one piece; 45,000: over 8 MB of XML, read in a thread of its own, the damage in its last piece (whose rows were lost with it)
  it.each([40, 45_000])('%i rows: every row before the damage is checked; the last order, read on two lines, goes to a person', async (last) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), damaged(last, () => '待发货'));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as Report;
    expect(report.findings.map((f) => f.ruleId)).toContain('file/unreadable');
    expect(report.summary.rows).toBe(last - 1);
    expect(report.review.orders).toBe(last - 2);
    const cut = report.orders.filter((o) => o.reasons.includes('order-cut-short'));
    expect(cut).toEqual([expect.objectContaining({ row: last - 1, lines: [last - 1, last], decision: 'manual' })]);
    expect(res.code).toBe(1);
  });

  it.each([40, 45_000])('%i rows, damaged after them (in the page margins): every order is whole, none cut short; the file is still unreadable', async (last) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), damaged(last, () => '待发货', true));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as Report;
    expect(report.findings.map((f) => f.ruleId)).toContain('file/unreadable');
    expect(report.summary.rows).toBe(last - 1);
    expect(report.review.orders).toBe(last - 2);
    expect(report.orders.filter((o) => o.reasons.includes('order-cut-short'))).toEqual([]);
    expect(report.orders.find((o) => o.row === last - 1)).toMatchObject({ lines: [last - 1, last], decision: 'auto' });
  });

  it.each([40, 45_000])('%i rows, the part cut right after a row, or a cell left open: unreadable, naming the sheet; the rows before checked, the last order cut short', async (last) => {
    for (const how of ['cut-at-row', 'open-cell'] as const) {
      const dir = tempDir();
      writeFileSync(join(dir, 'o.xlsx'), cut(last, () => '待发货', how));
      const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
      const report = JSON.parse(res.stdout) as Report;
      expect(report.findings.filter((f) => f.ruleId === 'file/unreadable').map((f) => f.message), how).toEqual([expect.stringContaining('工作表「订单」:第')]);
      expect(report.findings.find((f) => f.ruleId === 'file/unreadable')!.message, how).toContain(`第 ${how === 'open-cell' ? last + 1 : last} 行`);
      expect(report.summary.rows, how).toBe(last - 1);
      expect(report.orders.filter((o) => o.reasons.includes('order-cut-short')).map((o) => o.lines), how).toEqual([[last - 1, last]]);
      // no order numbered by what the open cell ran into (a shared string's index, another cell's value)
      expect(report.orders.map((o) => o.row).filter((r) => r > last), how).toEqual([]);
      expect(res.code, how).toBe(1);
    }
  });

  it('the part ending after its rows with no </worksheet>: unreadable, every order whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), cut(40, () => '待发货', 'no-end'));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as Report;
    expect(report.findings.map((f) => f.ruleId)).toContain('file/unreadable');
    expect(report.orders.filter((o) => o.reasons.includes('order-cut-short'))).toEqual([]);
    expect(report.review.orders).toBe(38);
  });

  it('says where the damage is: the sheet and the row near it, in the run\'s language', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), cut(40, () => '待发货', 'raw-lt'));
    const zh = await ecsop(['check', 'o.xlsx', '--now', '2024-05-21T12:00'], { cwd: dir });
    expect(zh.stdout).toContain('工作表「订单」:第 41 行附近:标签、属性值或文本里有未转义的 <');
    const en = await ecsop(['check', 'o.xlsx', '--now', '2024-05-21T12:00', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('sheet “订单”: near row 41: a raw < in a tag, an attribute value or text');
  });

  it('an empty sheet (<sheetData/>) is whole', async () => {
    const dir = tempDir();
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData/><pageMargins left="0.7"/></worksheet>`;
    writeFileSync(join(dir, 'o.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheet }, { name: '空', xml: sheet }] }));
    const res = await ecsop(['check', 'o.xlsx', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(res.stdout) as Report).findings.filter((f) => f.ruleId.startsWith('file/'))).toEqual([]);
  });

  it('an order cut short is not skipped on the lines read (one below may not be shipped), and the skipped count adds up', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), damaged(40, () => '已发货'));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as Report;
    expect(report.review).toMatchObject({ orders: 38, manual: 1, skipped: 37, byStatus: { shipped: 37 } });
    expect(report.orders.find((o) => o.row === 39)).toMatchObject({ decision: 'manual', reasons: ['order-cut-short'], statusText: '已发货' });
    expect(report.orders.find((o) => o.row === 39)?.status).toBeUndefined();
    for (const [lang, words, skipped] of [['zh', '读取中断', '另有 37 单'], ['en', 'reading stopped', '37 more orders']] as const) {
      const text = await ecsop(['review', 'o.xlsx', '--now', '2024-05-21T12:00', '--lang', lang], { cwd: dir });
      expect(text.stdout).toContain(words);
      expect(text.stdout).toContain(skipped);
    }
  });
});

describe('a review whose files could not be read', () => {
  it('says no orders were read and to look at the error, not that the orders sheet lacks columns (outsider helper-94)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.xlsx'), xlsx().subarray(0, 200));
    for (const [lang, said, not] of [['zh', '没有读到订单:文件读不出来', '没有找到订单表'], ['en', 'No orders were read', 'no orders sheet']] as const) {
      const res = await ecsop(['review', 'cut.xlsx', '--lang', lang], { cwd: dir });
      expect(res.stdout).toContain(said);
      expect(res.stdout).not.toContain(not);
    }
    // a file read that holds no orders sheet: its columns are what to look at
    writeFileSync(join(dir, 'notes.csv'), '备注,日期\r\n你好,2024-05-20\r\n');
    const both = await ecsop(['review', 'cut.xlsx', 'notes.csv'], { cwd: dir });
    expect(both.stdout).toContain('没有找到订单表');
  });
});

describe('a raw < between the cells of a row (outsider helper-95: read around, a cell dropped and its order approved)', () => {
  const forms: Array<[string, string]> = [['<b before a cell', '<b'], ['<! before a cell', '<!'], ['text and < between cells', 'a<b'], ['an end tag cut by <', '</x<']];
  it.each(forms)('%s: unreadable near its row, the rows before checked', async (_name, junk) => {
    const rows = [`<row r="1">${HEAD.map((h, c) => inline(`${'ABCD'[c]}1`, h)).join('')}</row>`];
    for (let r = 2; r <= 40; r++) rows.push(row(r, String(20240520000000 + r), '待发货'));
    // in row 30, before its status cell
    rows[29] = rows[29].replace('<c r="D30"', `${junk}<c r="D30"`);
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheet }] }));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as Report;
    expect(report.findings.filter((f) => f.ruleId === 'file/unreadable').map((f) => f.message)).toEqual([expect.stringContaining('第 30 行附近')]);
    expect(report.summary.rows).toBe(28);
    expect(report.orders.filter((o) => o.reasons.includes('order-cut-short')).map((o) => o.row)).toEqual([29]);
  });
});

describe('a file that could not be read, on the HTML page', () => {
  it('shows why in words, not the reader\'s code (corrupt, encoding-at) as its value (outsider helper-94, helper-95)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.xlsx'), cut(40, () => '待发货', 'raw-lt'));
    writeFileSync(join(dir, 'bad.csv'), Buffer.concat([Buffer.from('订单号,实付金额,收货地址\r\n20240520000001,66,浙江省杭州市西湖区文三路90号\r\n20240520000002,66,'), Buffer.from([0xff, 0xfe]), Buffer.from('\r\n')]));
    const res = await ecsop(['check', '.', '--format', 'html'], { cwd: dir });
    expect(res.stdout).toContain('第 41 行附近');
    expect(res.stdout).not.toMatch(/<td>(corrupt|encoding-at|encoding)<\/td>/);
    const json = JSON.parse((await ecsop(['check', '.', '--format', 'json'], { cwd: dir })).stdout) as Report;
    // the JSON keeps the code for a machine
    expect(json.findings.filter((f) => f.ruleId === 'file/unreadable').map((f) => (f as { value?: string }).value).sort()).toEqual(['corrupt', expect.stringMatching(/^encoding/)]);
  });
});
