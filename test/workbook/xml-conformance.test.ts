import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { SharedStringsParser } from '../../src/workbook/xlsx/parts.js';
import { hasC0, SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { attr, normalizeMarkup, startTags } from '../../src/workbook/xlsx/xml.js';
import { NS, sheetXml, write, xlsxParts, zip, type XlsxSpec } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';
import { at, readAll } from '../helpers/read.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

/**
 * The reader against the XML 1.0 productions a conforming writer may use, not only against what
 * Excel and LibreOffice happen to write (issue #22): attribute values holding `>` and the other
 * quote (AttValue, §2.3), white space around `=` (Eq, §2.3), CDATA sections (§2.7), character and
 * entity references (§4.1), comments (§2.5) and processing instructions (§2.6) anywhere between
 * elements, and a cell reference that disagrees with its row (malformed SpreadsheetML).
 */
const dir = tempDir('xml-conformance');
let n = 0;

async function read(spec: XlsxSpec, edit: (name: string, xml: string) => string = (_n, x) => x): Promise<Record<string, RawRow[]>> {
  const parts = xlsxParts(spec).map((p) => ({ ...p, data: typeof p.data === 'string' ? edit(p.name, p.data) : p.data }));
  const file = join(dir, `case-${++n}.xlsx`);
  write(file, zip(parts));
  return readAll(file);
}

const sheet = (rows: string) => sheetXml(rows);
const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t></is></c><c r="B1"><v>800</v></c></row>';

describe('attribute values (AttValue): `>` and the other quote inside', () => {
  it('a sheet named 订单>1 is found, with its rows', async () => {
    const wb = await read({ sheets: [{ name: '订单>1', xml: sheet(ROWS) }] });
    expect(Object.keys(wb)).toEqual(['订单>1']);
    expect(at(wb['订单>1'], 'B1')?.value).toBe(800);
  });
  it('a relationship id with `>` and a cell attribute with `>` keep the sheet and the cell', async () => {
    const wb = await read({ sheets: [{ name: '订单', xml: sheet('<row r="1"><c r="A1" x:note="a>b" t="inlineStr" xmlns:x="urn:x"><is><t>订单号</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>') }] },
      (name, xml) => (name.endsWith('.rels') || name === 'xl/workbook.xml' ? xml.replace(/rId1"/g, 'rId>1"') : xml));
    expect(at(wb['订单'], 'A1')?.value).toBe('订单号');
    expect(at(wb['订单'], 'B1')?.value).toBe('金额');
  });
  it("single quotes, and a value holding the other quote: name='他说\"好\"'", async () => {
    const wb = await read({ sheets: [{ name: 'x', xml: sheet(ROWS) }] }, (name, xml) => (name === 'xl/workbook.xml' ? xml.replace('name="x"', `name='他说"好"'`) : xml));
    expect(Object.keys(wb)).toEqual(['他说"好"']);
  });
  it('startTags and attr follow the grammar, not the first `>`', () => {
    expect([...startTags('<a><sheet name="a>b" r:id="1"/><sheet name=\'c\'/></a>', 'sheet')].map((t) => attr(t, 'name'))).toEqual(['a>b', 'c']);
    expect(attr('<sheet xname="no" name="yes"/>', 'name')).toBe('yes');
    expect(attr('<sheet title="name=&quot;no&quot;" name="yes"/>', 'name')).toBe('yes');
  });
});

describe('white space around = (Eq)', () => {
  it('sheets and relationships with `name = "订单"` and `Id = "rId1"`', async () => {
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(ROWS) }] }, (name, xml) => (name.endsWith('.xml') || name.endsWith('.rels') ? xml.replace(/ (name|Id|Target|Type|r:id|sheetId)="/g, ' $1 =\n "') : xml));
    expect(Object.keys(wb)).toEqual(['订单']);
    expect(at(wb['订单'], 'A1')?.value).toBe('订单号');
  });
  it('cells and rows with `r = "A1"`, `t = "inlineStr"`, `s = "0"`: text stays text, numbers stay numbers', async () => {
    const rows = '<row r = "1"><c r = "A1" t\t=\t"inlineStr"><is><t>订单号</t></is></c><c r ="B1" s= "0"><v>800</v></c></row><row r="2"><c r="C2" t = "s"><v>0</v></c></row>';
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(rows) }], strings: `<sst xmlns="${NS}"><si><t>共享</t></si></sst>` });
    expect(at(wb['订单'], 'A1')?.value).toBe('订单号');
    expect(at(wb['订单'], 'B1')?.value).toBe(800);
    expect(at(wb['订单'], 'C2')?.value).toBe('共享');
  });
});

describe('CDATA sections', () => {
  it('in an inline string, a value and a shared string; one that holds </row> keeps its row', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[A&B <面膜>]]></t></is></c><c r="B1"><v><![CDATA[800]]></v></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[备注</row><row r="9">]]></t></is></c><c r="B2" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>';
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(rows) }], strings: `<sst xmlns="${NS}"><si><t><![CDATA[<共享>]]></t></si></sst>` });
    const rowsRead = wb['订单'];
    expect(rowsRead.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(at(rowsRead, 'A1')?.value).toBe('A&B <面膜>');
    expect(at(rowsRead, 'B1')?.value).toBe(800);
    expect(at(rowsRead, 'A2')?.value).toBe('备注</row><row r="9">');
    expect(at(rowsRead, 'B2')?.value).toBe('<共享>');
  });
  it('a section cut across chunks at every byte reads the same', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x<![CDATA[a</row>]]>y</t></is></c><!-- <row r="7"> --><?pi </row>?><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>');
    const bytes = Buffer.from(xml, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const s = new SheetScanner({ strings: StringTable.of([]), dateStyles: [], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
      const out: RawRow[] = [];
      s.push(bytes.subarray(0, cut), out);
      s.push(bytes.subarray(cut), out);
      expect(out.map((r) => r.row), `cut at ${cut}`).toEqual([1, 2]);
      expect(at(out, 'A1')?.value, `cut at ${cut}`).toBe('xa</row>y');
      expect(at(out, 'B1')?.value, `cut at ${cut}`).toBe(1);
    }
  });
  it('shared strings cut across chunks', () => {
    const xml = `<sst xmlns="${NS}"><!-- <si><t>no</t></si> --><si><t><![CDATA[</si>]]></t></si><?x ?><si><t>b</t></si></sst>`;
    const bytes = Buffer.from(xml, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const p = new SharedStringsParser();
      p.push(bytes.subarray(0, cut));
      p.push(bytes.subarray(cut));
      expect(p.strings.toArray(), `cut at ${cut}`).toEqual(['</si>', 'b']);
    }
  });
});

describe('references (§4.1) in values and attributes', () => {
  it('<v>&#56;00</v> is 800, &#x4e2d; is 中, r="&#65;2" is A2, t="&#115;" is a shared string', async () => {
    const rows = '<row r="1"><c r="A1"><v>&#56;00</v></c><c r="B1" t="inlineStr"><is><t>&#x4e2d;&#25991;&amp;</t></is></c></row><row r="2"><c r="&#65;2" t="&#115;"><v>&#48;</v></c><c r="B2" t="b"><v>&#49;</v></c></row>';
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(rows) }], strings: `<sst xmlns="${NS}"><si><t>共享</t></si></sst>` });
    expect(at(wb['订单'], 'A1')?.value).toBe(800);
    expect(at(wb['订单'], 'B1')?.value).toBe('中文&');
    expect(at(wb['订单'], 'A2')?.value).toBe('共享');
    expect(at(wb['订单'], 'B2')?.value).toBe(true);
  });
});

describe('comments and processing instructions anywhere between elements', () => {
  it('are not rows, cells or sheets', async () => {
    const rows = '<!-- <row r="5"><c r="A5"><v>5</v></c></row> --><row r="1"><?ecsop skip?><c r="A1"><v>1</v></c><!-- </row> --><c r="B1"><v>2</v></c></row>';
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(rows) }] }, (name, xml) => (name === 'xl/workbook.xml' ? xml.replace('<sheets>', '<sheets><!-- <sheet name="假" sheetId="9" r:id="rId9"/> -->') : xml));
    expect(Object.keys(wb)).toEqual(['订单']);
    expect(wb['订单'].map((r) => r.row)).toEqual([1]);
    expect(at(wb['订单'], 'B1')?.value).toBe(2);
  });
  it('normalizeMarkup leaves a part without sections as it is', () => {
    const x = '<a b="1">text &amp; more</a>';
    expect(normalizeMarkup(x)).toBe(x);
    expect(normalizeMarkup('<?xml version="1.0"?><a><![CDATA[<&>]]></a>')).toBe('<a>&lt;&amp;&gt;</a>');
  });
});

describe('a cell reference that disagrees with its row', () => {
  it('r="A0" inside <row r="5"> is reported as malformed, naming the cell and the row', async () => {
    await expect(read({ sheets: [{ name: '订单', xml: sheet('<row r="5"><c r="A0"><v>1</v></c></row>') }] })).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(/A0.*row 5/) } } });
    await expect(read({ sheets: [{ name: '订单', xml: sheet('<row r="5"><c r="B7"><v>1</v></c></row>') }] })).rejects.toMatchObject({ reason: 'corrupt' });
  });
  it('a row written without its number takes it from its first cell', async () => {
    const wb = await read({ sheets: [{ name: '订单', xml: sheet('<row><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row><row><c r="A4"><v>3</v></c></row>') }] });
    expect(wb['订单'].map((r) => r.row)).toEqual([3, 4]);
  });
});

describe('an annotated copy of such a workbook is well formed and reads back (issue #22)', () => {
  it('a > in cell and style attributes, CDATA and comments: the copy keeps every value and says wrote only when it reads', async () => {
    const { rowsXml, HEADER, ROW } = await import('../corpus/build.js');
    const { ecsop } = await import('../helpers/cli.js');
    const rows = rowsXml([HEADER, ROW, ROW.map((v, i) => (i === 0 ? '20240520002' : i === 9 ? '加急' : v))])
      .replace(/<c r="A2"/, '<c note="a>b" r="A2"')
      .replace('<t>面膜</t>', '<t><![CDATA[面膜 <礼盒>]]></t>')
      .replace('</row>', '</row><!-- </row><row r="9"> -->');
    const parts = xlsxParts({ sheets: [{ name: '订单', xml: sheetXml(rows) }], styles: `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="[>100]0.00;0"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>` });
    const input = join(dir, 'attr-gt.xlsx');
    write(input, zip(parts));
    const out = join(dir, 'attr-gt.annotated.xlsx');
    const r = await ecsop(['check', input, '--annotate', out], { cwd: dir });
    expect(r.stderr).toMatch(/已写入|wrote/);
    const before = await readAll(input);
    const after = await readAll(out);
    for (const row of [2, 3]) for (const col of ['A1', 'F', 'H', 'J'].map((c) => (c.length === 1 ? `${c}${row}` : c))) expect(at(after['订单'], col)?.value, col).toEqual(at(before['订单'], col)?.value);
    expect(at(after['订单'], 'F2')?.value).toBe('面膜 <礼盒>');
  });
});

describe('end tags with white space, a DOCTYPE with a subset, entities, a row written twice (issue #22, second outside run)', () => {
  it('</row >, </c\t>, </si\n> and </t > read as the plain tags, whole and cut at every byte', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>订单号</t ></is></c\t><c r="B1" t="s"><v>0</v></c></row ><row r="2"><c r="A2"><v>2</v></c ></row\n>';
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(rows) }], strings: `<sst xmlns="${NS}"><si><t>共享</t ></si\n></sst>` });
    expect(wb['订单'].map((r) => r.row)).toEqual([1, 2]);
    expect(at(wb['订单'], 'A1')?.value).toBe('订单号');
    expect(at(wb['订单'], 'B1')?.value).toBe('共享');
    const bytes = Buffer.from(sheet(rows), 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const s = new SheetScanner({ strings: StringTable.of(['共享']), dateStyles: [], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
      const out: RawRow[] = [];
      s.push(bytes.subarray(0, cut), out);
      s.push(bytes.subarray(cut), out);
      expect(out.map((r) => r.row), `cut at ${cut}`).toEqual([1, 2]);
    }
  });
  it('a DOCTYPE whose internal subset holds > is dropped whole; one that declares entities is refused (dtd-entities), never read without them', async () => {
    const doctype = '<!DOCTYPE worksheet [<!-- a > b --> <!ATTLIST x y CDATA "z>">]>';
    const ok = await read({ sheets: [{ name: '订单', xml: sheetXml(ROWS, { before: doctype }) }] });
    expect(at(ok['订单'], 'B1')?.value).toBe(800);
    await expect(read({ sheets: [{ name: '订单', xml: sheetXml(ROWS) }], strings: `<!DOCTYPE sst [<!ENTITY ji "加急">]><sst xmlns="${NS}"><si><t>&ji;</t></si></sst>` })).rejects.toMatchObject({ reason: 'dtd-entities' });
  });
  it('a row number written twice is malformed', async () => {
    await expect(read({ sheets: [{ name: '订单', xml: sheet('<row r="4"><c r="A4"><v>1</v></c></row><row r="4"><c r="O4"><v>2</v></c></row>') }] })).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(/row 4/) } } });
  });
  it('a row number written twice is malformed however far down, and rows far apart are read (the rows seen are held in a table that grows)', async () => {
    for (const far of [2047, 2048, 2049, 8193, 70_000, 1_048_575, 1_048_576]) {
      const twice = `<row r="3"><c r="A3"><v>1</v></c></row><row r="${far}"><c r="A${far}"><v>2</v></c></row><row r="${far}"><c r="B${far}"><v>3</v></c></row>`;
      await expect(read({ sheets: [{ name: '订单', xml: sheet(twice) }] }), `row ${far}`).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(new RegExp(`row ${far} `)) } } });
      const apart = `<row r="3"><c r="A3"><v>1</v></c></row><row r="${far}"><c r="A${far}"><v>2</v></c></row>`;
      expect((await read({ sheets: [{ name: '订单', xml: sheet(apart) }] }))['订单'].map((r) => r.row)).toEqual([3, far]);
    }
  });
});

describe('a copy of a workbook whose parts are UTF-16 (issue #22, second outside run)', () => {
  it('says UTF-8 in every part it writes as UTF-8: openpyxl opens it', async () => {
    const { readWithOpenpyxl, openpyxlTests } = await import('../helpers/openpyxl.js');
    if (!openpyxlTests) return;
    const { HEADER, ROW, rowsXml } = await import('../corpus/build.js');
    const { ecsop } = await import('../helpers/cli.js');
    const utf16 = (x: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x.replace(/encoding="UTF-8"/, 'encoding="UTF-16"'), 'utf16le')]);
    const parts = xlsxParts({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ROW.map((v, i) => (i === 9 ? '加急' : v))])) }] })
      .map((p) => (typeof p.data === 'string' && p.name !== 'xl/worksheets/sheet1.xml' ? { ...p, data: utf16(p.data) } : p));
    const input = join(dir, 'utf16.xlsx');
    write(input, zip(parts));
    const out = join(dir, 'utf16.reviewed.xlsx');
    expect((await ecsop(['review', input, '--write', out], { cwd: dir })).code).toBeLessThan(2);
    const book = readWithOpenpyxl(out);
    expect(book.sheetnames).toContain('订单');
  });
});

describe('namespaces, style references and the read-back gate (issue #22, third outside run)', () => {
  it('an element of another namespace called c or row is not a cell, wherever its prefix is bound', async () => {
    const own = '<row r="1"><c r="A1"><v>1</v></c><z:c r="B1" xmlns:z="urn:other"><z:v>5</z:v></z:c><c r="C1" xmlns="urn:other"><v>6</v></c></row>';
    const a = await read({ sheets: [{ name: '订单', xml: sheet(own) }] });
    expect(at(a['订单'], 'A1')?.value).toBe(1);
    expect(at(a['订单'], 'B1')).toBeUndefined();
    expect(at(a['订单'], 'C1')).toBeUndefined();
    // bound once on the worksheet element; a row of that namespace is skipped whole
    const rooted = `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:z="urn:other"><sheetData><row r="1"><c r="A1"><v>1</v></c><z:c r="B1"><v>5</v></z:c></row><z:row r="2"><z:c r="A2"><v>7</v></z:c></z:row><row r="3"><c r="A3"><v>3</v></c></row></sheetData></worksheet>`;
    const b = await read({ sheets: [{ name: '订单', xml: rooted }] });
    expect(b['订单'].map((r) => r.row)).toEqual([1, 3]);
    expect(at(b['订单'], 'B1')).toBeUndefined();
    // SpreadsheetML under a prefix of its own is still read, and a cell may bind it again
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><y:c r="B1" xmlns:y="${NS}"><y:v>2</y:v></y:c></x:row></x:sheetData></x:worksheet>`;
    const c = await read({ sheets: [{ name: '订单', xml: prefixed }] });
    expect(at(c['订单'], 'A1')?.value).toBe(1);
    expect(at(c['订单'], 'B1')?.value).toBe(2);
  });

  // style 1 is a date format; every form below names it: a reference, single quotes, spaces, xsd:unsignedInt's + and white space
  it.each([['s="&#49;"'], ["s = '1'"], ['s="+1"'], ['s=" 1 "'], ['s="01"']])('%s: a date stays a date, in the read and in a --write copy', async (style) => {
    const { rowsXml, HEADER, ROW } = await import('../corpus/build.js');
    const { ecsop } = await import('../helpers/cli.js');
    const urgent = ROW.map((v, i) => (i === 9 ? '加急' : v));
    const rows = rowsXml([HEADER, urgent]).replace(/<c r="B2" t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>/, `<c r="B2" ${style}><v>45432.5</v></c>`);
    const styles = `<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const input = join(dir, `style-${++n}.xlsx`);
    write(input, zip(xlsxParts({ sheets: [{ name: '订单', xml: sheetXml(rows) }], styles })));
    const when = new Date(Date.UTC(2024, 4, 20, 12));
    expect(at((await readAll(input))['订单'], 'B2')?.value).toEqual(when);
    const out = join(dir, `style-${n}.reviewed.xlsx`);
    const r = await ecsop(['review', input, '--write', out], { cwd: dir });
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(at((await readAll(out))['订单'], 'B2')?.value).toEqual(when);
  });

  it('a copy whose shared strings are its input\'s stored bytes reads them from the input; any other table is read on its own', async () => {
    const { openXlsx, stringsOf } = await import('../../src/workbook/read-xlsx.js');
    const { readsBack } = await import('../../src/workbook/read-back.js');
    const { DEFAULT_LIMITS } = await import('../../src/config/limits.js');
    const sst = (...t: string[]) => `<sst xmlns="${NS}">${t.map((x) => `<si><t>${x}</t></si>`).join('')}</sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>';
    const book = (name: string, strings: string, method?: 0 | 8) => {
      const file = join(dir, name);
      write(file, zip(xlsxParts({ sheets: [{ name: '订单', xml: sheet(rows) }], strings }).map((p) => (method !== undefined && p.name === 'xl/sharedStrings.xml' ? { ...p, method } : p))));
      return file;
    };
    const texts = async (file: string, from?: string) => {
      const given = from ? stringsOf(await openXlsx(from)) : undefined;
      const wb = await openXlsx(file, DEFAULT_LIMITS, { strings: given });
      const out: unknown[] = [];
      // cells are by column number, A = 1
      for await (const s of wb.sheets()) for await (const r of s.rows()) out.push(r.cells.slice(1).map((c) => c?.value));
      return { out, taken: stringsOf(wb)?.table === given?.table };
    };
    const input = book('sst-in.xlsx', sst('广东省', '20240501000001', '人民路1号'));
    // the same stored bytes: taken, and read as the file's own would be
    expect(await texts(book('sst-same.xlsx', sst('广东省', '20240501000001', '人民路1号')), input)).toEqual({ out: [['广东省', '20240501000001'], ['20240501000001', '人民路1号']], taken: true });
    // one text changed, the same length: another CRC, so the copy's own table is read, and its change is seen
    const changed = book('sst-changed.xlsx', sst('广东省', '20240501000009', '人民路1号'));
    expect(await texts(changed, input)).toEqual({ out: [['广东省', '20240501000009'], ['20240501000009', '人民路1号']], taken: false });
    await expect(readsBack({ input, tmp: changed, target: join(dir, 'sst-out.xlsx'), kind: 'patch', patches: new Map(), firstSheet: false, limits: DEFAULT_LIMITS })).rejects.toMatchObject({ problem: 'copy-differs' });
    // the same texts stored instead of deflated: not the same stored bytes, read on its own, and the same rows
    expect(await texts(book('sst-stored.xlsx', sst('广东省', '20240501000001', '人民路1号'), 0), input)).toEqual({ out: [['广东省', '20240501000001'], ['20240501000001', '人民路1号']], taken: false });
    await expect(readsBack({ input, tmp: book('sst-copy.xlsx', sst('广东省', '20240501000001', '人民路1号')), target: join(dir, 'sst-out.xlsx'), kind: 'patch', patches: new Map(), firstSheet: false, limits: DEFAULT_LIMITS })).resolves.toBeUndefined();
  });

  it('a copy that cannot be opened leaves its input closed (the read-back opens the input first)', async () => {
    const { readsBack } = await import('../../src/workbook/read-back.js');
    const { DEFAULT_LIMITS } = await import('../../src/config/limits.js');
    const { readdirSync, readlinkSync, statSync } = await import('node:fs');
    const input = join(dir, 'closed-in.xlsx');
    // over the 8 MB a reader takes whole: it holds the file open while it reads (the sheet stored, not deflated)
    const big = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    write(input, zip(xlsxParts({ sheets: [{ name: '订单', xml: sheet(big) }] }).map((p) => (p.name.startsWith('xl/worksheets/') ? { ...p, method: 0 } : p))));
    expect(statSync(input).size).toBeGreaterThan(8 << 20);
    const broken = join(dir, 'closed-copy.xlsx');
    // every part well-formed (the first gate passes), but no workbook part: the reader refuses it
    write(broken, zip(xlsxParts({ sheets: [{ name: '订单', xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] }).filter((p) => p.name !== 'xl/workbook.xml')));
    // the descriptors this process holds on the input (other test files may open theirs meanwhile)
    const onInput = () => readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`) === input; } catch { return false; } }).length;
    for (let i = 0; i < 3; i++) await expect(readsBack({ input, tmp: broken, target: join(dir, 'closed-out.xlsx'), kind: 'patch', patches: new Map(), firstSheet: false, limits: DEFAULT_LIMITS })).rejects.toMatchObject({ problem: 'copy-unreadable' });
    expect(onInput()).toBe(0);
  });

  it('a copy that lost a row, changed a cell or lost a sheet does not pass the read-back gate; the cells it was asked to set may differ', async () => {
    const { readsBack } = await import('../../src/workbook/read-back.js');
    const { MapPatch } = await import('../../src/workbook/xlsx/sheet-patch.js');
    const { DEFAULT_LIMITS } = await import('../../src/config/limits.js');
    const book = (name: string, rows: string, sheets = ['订单']) => {
      const file = join(dir, name);
      // the first sheet holds `rows`; the others one row that never changes
      write(file, zip(xlsxParts({ sheets: sheets.map((s, i) => ({ name: s, xml: sheet(i === 0 ? rows : '<row r="1"><c r="A1"><v>1</v></c></row>') })) })));
      return file;
    };
    const rows = (...r: number[]) => r.map((n) => `<row r="${n}"><c r="A${n}"><v>${n}</v></c><c r="B${n}" t="inlineStr"><is><t>行${n}</t></is></c></row>`).join('');
    const input = book('gate-in.xlsx', rows(1, 2, 3), ['订单', '说明']);
    const check = (tmp: string, patches = new Map()) => readsBack({ input, tmp, target: join(dir, 'gate-out.xlsx'), kind: 'patch', patches, firstSheet: false, limits: DEFAULT_LIMITS });
    await expect(check(book('gate-same.xlsx', rows(1, 2, 3), ['订单', '说明']))).resolves.toBeUndefined();
    // read as they stream: a sheet far bigger than one chunk, and a sheet after it
    const many = rows(...Array.from({ length: 30_000 }, (_, i) => i + 1));
    await expect(readsBack({ input: book('gate-big-in.xlsx', many, ['订单', '说明']), tmp: book('gate-big-copy.xlsx', many, ['订单', '说明']), target: join(dir, 'gate-big.xlsx'), kind: 'patch', patches: new Map(), firstSheet: false, limits: DEFAULT_LIMITS })).resolves.toBeUndefined();
    await expect(readsBack({ input: book('gate-big-in2.xlsx', many, ['订单', '说明']), tmp: book('gate-big-copy2.xlsx', many.replace('行29999<', '行二<'), ['订单', '说明']), target: join(dir, 'gate-big.xlsx'), kind: 'patch', patches: new Map(), firstSheet: false, limits: DEFAULT_LIMITS })).rejects.toMatchObject({ problem: 'copy-differs', data: { detail: { en: expect.stringMatching(/B29999/) } } });
    await expect(check(book('gate-lost-row.xlsx', rows(1, 3), ['订单', '说明']))).rejects.toMatchObject({ problem: 'copy-differs' });
    await expect(check(book('gate-lost-sheet.xlsx', rows(1, 2, 3)))).rejects.toMatchObject({ problem: 'copy-differs' });
    await expect(check(book('gate-changed.xlsx', rows(1, 2, 3).replace('行2', '行二'), ['订单', '说明']))).rejects.toMatchObject({ problem: 'copy-differs' });
    await expect(check(book('gate-extra.xlsx', rows(1, 2, 3, 4), ['订单', '说明']))).rejects.toMatchObject({ problem: 'copy-differs' });
    // the plan set B2 and wrote row 4: those may differ
    const patch = new MapPatch();
    patch.set(2, { column: 2, value: '行二' });
    patch.set(4, { column: 1, value: 4 });
    patch.set(4, { column: 2, value: '行4' });
    await expect(check(book('gate-planned.xlsx', rows(1, 2, 3, 4).replace('行2', '行二'), ['订单', '说明']), new Map([['订单', patch]]))).resolves.toBeUndefined();
  });
});

describe('rows without numbers and unsignedInt forms (issue #22, fourth outside run)', () => {
  it('check --annotate on rows without r and a missing row: the copy colours the rows the reader read, and adds no row', async () => {
    const { rowsXml, HEADER, ROW } = await import('../corpus/build.js');
    const { ecsop } = await import('../helpers/cli.js');
    const row = (n: number, urgent: boolean) => rowsXml([ROW.map((v, i) => (i === 0 ? `2024052000${n}` : i === 9 ? (urgent ? '加急' : '') : v))]).replace(/r="([A-Z]+)1"/g, `r="$1${n}"`).replace(/<row r="1">/, '<row>');
    const rows = `${rowsXml([HEADER])}${row(2, true)}${row(3, false)}${row(5, true)}${row(6, false)}${row(7, true)}`;
    const input = join(dir, 'rows-unnumbered.xlsx');
    write(input, zip(xlsxParts({ sheets: [{ name: '订单', xml: sheetXml(rows) }] })));
    const out = join(dir, 'rows-unnumbered.annotated.xlsx');
    const r = await ecsop(['check', input, '--annotate', out], { cwd: dir });
    expect(r.stderr).toMatch(/已写入|wrote/);
    const before = await readAll(input);
    const after = await readAll(out);
    expect(after['订单'].map((x) => x.row)).toEqual(before['订单'].map((x) => x.row));
    const { unzipAll } = await import('../helpers/zip.js');
    // the orders sheet (the copy puts 检查结果 in a part of its own)
    const text = (await unzipAll(out)).find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString();
    expect(text.match(/<row[\s>]/g)).toHaveLength(6);
    // the urgent orders (rows 5 and 7) are marked on their order number; the plain one in row 6 is not
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}"[^>]*\\bs="(\\d+)"`).exec(text)?.[1];
    expect(styleOf('A5')).toBeDefined();
    expect(styleOf('A7')).toBeDefined();
    expect(styleOf('A6')).toBeUndefined();
  });
});

describe('characters (Char, §2.2): what XML 1.0 allows as it is', () => {
  // DEL, the C1 controls and the line separator: XML 1.0 allows them raw, and LibreOffice writes them so
  // into its shared strings when a cell holds one (helper-44: such a workbook was refused whole)
  const RAW = ['\u007f', '\u0080', '\u0085', '\u009f', '\u2028'];

  it.each(RAW.map((c) => [JSON.stringify(c), c]))('%s in a shared string, an inline string, a sheet name and a comment: read, and kept as written', async (_, c) => {
    const wb = await read({
      strings: `<sst xmlns="${NS}"><si><t>张${c}三</t></si><si><r><t>备注${c}</t></r></si></sst>`,
      sheets: [{ name: `订单${c}`, xml: sheet(`<!-- ${c} --><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>地址${c}</t></is></c></row>`) }],
    });
    expect(Object.keys(wb)).toEqual([`订单${c}`]);
    expect(at(wb[`订单${c}`], 'A1')?.value).toBe(`张${c}三`);
    expect(at(wb[`订单${c}`], 'B1')?.value).toBe(`备注${c}`);
    expect(at(wb[`订单${c}`], 'C1')?.value).toBe(`地址${c}`);
  });

  it.each(RAW.map((c) => [JSON.stringify(c), c]))('%s inside an element name is still not well-formed (1.0 allows it in text, not in names)', async (_, c) => {
    await expect(read({ strings: `<sst xmlns="${NS}"><si${c}><t>张三</t></si${c}></sst>`, sheets: [{ name: '订单', xml: sheet(ROWS) }] })).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('a raw C0 control is still refused, and one written as a reference (&#x1;) still read', async () => {
    await expect(read({ strings: `<sst xmlns="${NS}"><si><t>张\u0001三</t></si></sst>`, sheets: [{ name: '订单', xml: sheet(ROWS) }] })).rejects.toMatchObject({ reason: 'corrupt' });
    const wb = await read({ strings: `<sst xmlns="${NS}"><si><t>张&#x1;三</t></si></sst>`, sheets: [{ name: '订单', xml: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }] });
    expect(at(wb['订单'], 'A1')?.value).toBe('张\u0001三');
  });

  it.each([['\u0001'], ['\u0008'], ['\u000b'], ['\u001b'], ['\u001f'], ['\u0000']])('a raw %j in a sheet (in text, a comment, an attribute value) is refused as in every other part; written as a reference it is read', async (c) => {
    for (const rows of [
      `<row r="1"><c r="A1" t="inlineStr"><is><t>9${c}9</t></is></c></row>`,
      `<row r="1"><!-- ${c} --><c r="A1"><v>1</v></c></row>`,
      `<row r="1"><c r="A1" t="inlineStr" x:a="${c}" xmlns:x="urn:x"><is><t>9</t></is></c></row>`,
    ]) await expect(read({ sheets: [{ name: '订单', xml: sheet(rows) }] })).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(/control character/) } } });
    if (c === '\u0000') return;
    const ref = `&#x${c.charCodeAt(0).toString(16)};`;
    const wb = await read({ sheets: [{ name: '订单', xml: sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>9${ref}9</t></is></c></row>`) }] });
    expect(at(wb['订单'], 'A1')?.value).toBe(`9${c}9`);
  });

  it('the orders LibreOffice saved with DEL, C1 controls and a line separator in their cells are read and reviewed', async () => {
    const wb = await readAll(join(__dirname, '..', 'fixtures', 'libreoffice-orders-controls.xlsx'));
    expect(at(wb['订单'], 'C2')?.value).toBe('*女士\u007f');
    expect(at(wb['订单'], 'E2')?.value).toBe('浙江省杭州市西湖区文三路90号\u0085');
    expect(at(wb['订单'], 'J2')?.value).toBe('放门口\u2028谢谢');
    expect(at(wb['订单'], 'J3')?.value).toBe('\u0080加急');
  });
});

describe('hasC0, the sheets\' check for a raw C0 control character', () => {
  it('answers as a byte-by-byte look would, at any offset and length, with tabs and line ends about', () => {
    const slow = (b: Uint8Array) => b.some((c) => c < 0x20 && c !== 9 && c !== 10 && c !== 13);
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 31 }), fc.constantFrom(9, 10, 13, 0x20, 0x3c, 0x7f, 0x80, 0xe4, 0xff), fc.integer({ min: 32, max: 255 })), { maxLength: 70 }), fc.nat(7), (bytes, offset) => {
      const whole = new Uint8Array(bytes.length + 8);
      const b = whole.subarray(offset, offset + bytes.length);
      b.set(bytes);
      expect(hasC0(b)).toBe(slow(b));
    }), { numRuns: 20_000 });
  });
});
