import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { isDateFormat, parseRels, parseStyles, parseWorkbook, SharedStringsParser } from '../../src/workbook/xlsx/parts.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

const day = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh, mm));

const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>订单号</t></si><si><t xml:space="preserve">  前后空格  </t></si>
<si><r><rPr><b/></rPr><t>敏感肌</t></r><r><t>面膜</t></r></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si/><si><t>A &amp; B &lt;C&gt; &#x4e2d;&#20013;</t></si></sst>`;

/** Feeds the shared strings as bytes cut at the given byte offsets. */
function scanStrings(xml: string, cuts: number[]): string[] {
  const p = new SharedStringsParser();
  const bytes = Buffer.from(xml, 'utf8');
  let last = 0;
  for (const c of [...cuts, bytes.length]) { p.push(bytes.subarray(last, c)); last = c; }
  return p.strings.toArray();
}

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:r><x:t>内联</x:t></x:r><x:r><x:t xml:space="preserve"> 富文本</x:t></x:r></x:is></x:c></x:row>
<x:row r="3" spans="1:6"><x:c r='A3' s='1'><x:v>45383</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c r="D3" t="d"><x:v>2024-05-20T14:30:00</x:v></x:c><x:c r="E3" s="0"><x:v>4.55</x:v></x:c><x:c r="F3" s="2"/></x:row>
<x:row r="4"><x:c r="A4"><x:f>B4*2</x:f><x:v>9</x:v></x:c><x:c r="B4"><x:f t="shared" ref="B4:B5" si="0">A4&amp;"x"</x:f></x:c><x:c r="C4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="D4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E4" t="s"><x:v>5</x:v></x:c></x:row>
<x:row r="5"/><x:row><x:c><x:v>7</x:v></x:c><x:c><x:v>8</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A10:C12"/><x:mergeCell ref="E1:E2"/></x:mergeCells></x:worksheet>`;

/** Feeds the sheet as bytes, cut at the given byte offsets (so multi-byte characters get split too). */
function scanSheet(xml: string, cuts: number[]): { rows: RawRow[]; merged: number } {
  const strings = scanStrings(SST, []);
  const s = new SheetScanner({ strings: StringTable.of(strings), dateStyles: [false, true, false], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
  const out: RawRow[] = [];
  const bytes = Buffer.from(xml, 'utf8');
  let last = 0;
  for (const c of [...cuts, bytes.length]) { s.push(bytes.subarray(last, c), out); last = c; }
  return { rows: out, merged: s.mergedCells };
}

describe('shared strings', () => {
  it('joins rich text runs, leaves out phonetic runs, keeps spaces, decodes entities', () => {
    expect(scanStrings(SST, [])).toEqual(['订单号', '  前后空格  ', '敏感肌面膜', '東京', '', 'A & B <C> 中中']);
  });
  it('gives the same strings however the stream is cut', () => {
    const whole = scanStrings(SST, []);
    for (let i = 1; i < Buffer.byteLength(SST); i++) expect(scanStrings(SST, [i]), `cut at byte ${i}`).toEqual(whole);
  });
});

describe('SheetScanner', () => {
  const { rows, merged } = scanSheet(SHEET, []);
  const cell = (r: number, c: number) => rows.find((x) => x.row === r)?.cells[c];

  it('reads every cell shape with a namespace prefix', () => {
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 6]);
    expect(cell(1, 1)).toEqual({ value: '订单号', sst: 0 });
    expect(cell(1, 2)).toEqual({ value: '敏感肌面膜', sst: 2 });
    expect(cell(1, 4)).toEqual({ value: '内联 富文本' });
    expect(cell(3, 1)).toEqual({ value: day(2024, 4, 1) }); // date style
    expect(cell(3, 2)).toEqual({ value: true }); // no r: the column after A
    expect(cell(3, 3)).toEqual({ value: null, error: '#N/A' });
    expect(cell(3, 4)).toEqual({ value: day(2024, 5, 20, 14, 30) });
    expect(cell(3, 5)).toEqual({ value: 4.55 });
    expect(cell(3, 6)).toBeUndefined(); // styled, empty
    expect(cell(4, 1)).toEqual({ value: 9, formula: 'B4*2' });
    expect(cell(4, 2)).toEqual({ value: null, formula: 'A4&"x"' });
    expect(cell(4, 3)).toEqual({ value: 'ab', formula: '"a"&"b"' });
    expect(cell(4, 4)).toEqual({ value: null, error: '#DIV/0!', formula: '1/0' });
    expect(cell(4, 5)).toEqual({ value: 'A & B <C> 中中', sst: 5 });
    expect(rows.find((r) => r.row === 6)?.cells.slice(1)).toEqual([{ value: 7 }, { value: 8 }]); // <row> without r follows 5
    expect(merged).toBe(9 + 2);
  });

  it('gives the same rows however the stream is cut (every single cut, and many double cuts)', () => {
    const n = Buffer.byteLength(SHEET);
    for (let i = 1; i < n; i++) expect(scanSheet(SHEET, [i]), `cut at byte ${i}`).toEqual({ rows, merged });
    for (let i = 1; i < n; i += 7) for (let j = i + 1; j < n; j += 13) expect(scanSheet(SHEET, [i, j])).toEqual({ rows, merged });
  });

  it('reads the 1904 date system', () => {
    const s = new SheetScanner({ strings: StringTable.of([]), dateStyles: [true], date1904: true, maxStringChars: Infinity, maxRowBytes: Infinity });
    const out: RawRow[] = [];
    s.push('<worksheet><sheetData><row r="1"><c r="A1" s="0"><v>43921</v></c></row></sheetData></worksheet>', out);
    expect(out[0].cells[1]).toEqual({ value: day(2024, 4, 1) });
  });
});

describe('workbook parts', () => {
  it('reads sheets in order with any relationship prefix, the date system and defined names', () => {
    const wb = parseWorkbook(`<workbook xmlns:r="rel"><workbookPr date1904="1"/><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="A &amp; B" sheetId="2" ns9:id="rId2"/></sheets><definedNames><definedName name="x">说明!$A$1</definedName></definedNames></workbook>`);
    expect(wb).toEqual({ sheets: [{ name: '说明', relId: 'rId1' }, { name: 'A & B', relId: 'rId2' }], date1904: true, definedNames: 1 });
  });
  it('resolves relationship targets, relative and absolute', () => {
    const rels = parseRels('<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="t/x" Target="../docProps/app.xml"/><Relationship Id="rId4" Type="t/hyperlink" Target="https://x" TargetMode="External"/></Relationships>', 'xl/workbook.xml');
    expect([...rels.entries()]).toEqual([['rId1', { target: 'xl/worksheets/sheet1.xml', type: 't/worksheet' }], ['rId2', { target: 'xl/worksheets/sheet2.xml', type: 't/worksheet' }], ['rId3', { target: 'docProps/app.xml', type: 't/x' }]]);
  });
  it('knows which styles are dates: built-in ids (also the Chinese ones) and custom codes', () => {
    const styles = parseStyles(`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;元&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/></cellXfs></styleSheet>`);
    expect(styles).toEqual([false, true, true, true, false, false, false]);
    expect(isDateFormat('yyyy-mm-dd hh:mm')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
  });
});

describe('the shared strings read in pieces: an item left open at a seam', () => {
  /** The strings, or the error, of `xml` given whole, and cut at `at` (then at `at2`, when given). */
  const outcome = (xml: string, cuts: number[], limits?: { maxStringChars: number; maxRowBytes: number }): string => {
    const p = new SharedStringsParser(limits);
    const bytes = Buffer.from(xml, 'utf8');
    try {
      let last = 0;
      for (const c of [...cuts, bytes.length]) { p.push(bytes.subarray(last, c)); last = c; }
      p.end();
      return JSON.stringify(p.strings.toArray());
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('reads what the whole table reads, cut at every byte and at every two', () => {
    const tables = [
      '<sst><si><t>订单</t></si><si><t xml:space="preserve"> a </t></si><x:si><x:t>b</x:t></x:si><si><r><t>c</t></r><r><t>d</t></r></si><si/></sst>',
      '<sst><si><t>x</t></si ><si a="b"><t>y</t></si><si><t>&amp;&#x4e2d;</t><rPh><t>z</t></rPh></si></sst>',
    ];
    for (const limits of [undefined, { maxStringChars: 3, maxRowBytes: Infinity }]) {
      for (const xml of tables) {
        const whole = outcome(xml, [], limits);
        const n = Buffer.byteLength(xml);
        for (let a = 1; a < n; a++) {
          expect([xml, a, outcome(xml, [a], limits)]).toEqual([xml, a, whole]);
          for (let b = a + 1; b < n; b += 3) expect([xml, a, b, outcome(xml, [a, b], limits)]).toEqual([xml, a, b, whole]);
        }
      }
    }
  });

  it('reads a start tag that runs past the first close after a seam (not XML) as the reading before did (helper-82)', () => {
    // what the build before read of each (it joined each piece whole to the bytes kept)
    const limited = { maxStringChars: 3, maxRowBytes: Infinity };
    expect(outcome('<sst><si a</si></si></sst>', [5])).toBe('[""]');
    expect(outcome('<sst><si a</si>abcdef</si></sst>', [5], limited)).toBe('[""]');
    expect(outcome('<sst><si a</si><t>abcdef</t></si></sst>', [5], limited)).toBe('a string of the shared-string table is over the limit of 3 characters (limits.maxStringChars)');
    expect(outcome('<sst><si </x:si><si><t>q</t></si></sst>', [5])).toBe('["q"]');
    expect(outcome('<sst><si><t>a</t></si><si><t>b</t></si><si a</si></si></sst>', [28])).toBe('["a","b",""]');
  });
});
