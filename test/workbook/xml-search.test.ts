import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';
import { closeStart, findClose, MarkupNormalizer } from '../../src/workbook/xlsx/xml.js';
import { NS } from '../corpus/build.js';
import { at } from '../helpers/read.js';

/**
 * The reader's searches made cheaper (issue #25): a sheet's `<!`/`<?` looked for by their second
 * byte, a long closing tag's name by its last bytes. They must find what the plain searches find,
 * wherever the bytes fall, however near a miss is.
 */

/** findClose as it was: every occurrence of the whole name, from the start. */
function plainFirst(b: Buffer, name: Buffer, from = 0, end = b.length): number {
  for (let i = b.indexOf(name, from); i >= 0 && i + name.length <= end; i = b.indexOf(name, i + 1)) { const s = closeStart(b, i); if (s >= 0) return s; }
  return -1;
}

const pieces = ['sheetData>', 'Data>', 'heetData>', 'eetData>', 'xsheetData>', '</sheetData>', '</x:sheetData>', '</sheetData >', '<sheetData>', 'row>', '</row>', '</c>', '<', '/', ':', ' ', 'a', '中', 'D', '>', 'sheetDat'];

describe('findClose looks for a long name by its tail and finds what a search for all of it finds', () => {
  it('on text made of near misses, from every start', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), (parts, f) => {
      const b = Buffer.from(parts.join(''), 'utf8');
      const from = b.length ? f % (b.length + 1) : 0;
      for (const name of ['sheetData>', 'row>']) {
        const n = Buffer.from(name, 'latin1');
        expect(findClose(b, n, 'first', from)).toBe(plainFirst(b, n, from));
        expect(findClose(b, n, 'after', from, Math.max(0, b.length - 3))).toBe(plainFirst(b, n, from, Math.max(0, b.length - 3)));
      }
    }), { numRuns: 3000 });
  });
  it('the end of the rows at the first byte, at the last, and under a prefix', () => {
    const name = Buffer.from('sheetData>', 'latin1');
    expect(findClose(Buffer.from('</sheetData>'), name, 'first')).toBe(0);
    expect(findClose(Buffer.from('<row></row></x:sheetData>'), name, 'first')).toBe(11);
    expect(findClose(Buffer.from('Data></sheetData'), name, 'first')).toBe(-1);
    expect(findClose(Buffer.from('<sheetData></sheetData>'), name, 'first', 1)).toBe(11);
    // the same tail under another name is not it
    expect(findClose(Buffer.from('</aheetData></xsheetData></sheetData>'), name, 'first')).toBe(25);
  });
});

describe('a sheet with `!` and `?` in its text', () => {
  const scan = (xml: string, cut: number): RawRow[] => {
    const bytes = Buffer.from(xml, 'utf8');
    const s = new SheetScanner({ strings: StringTable.of([]), dateStyles: [], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
    const out: RawRow[] = [];
    s.push(bytes.subarray(0, cut), out);
    s.push(bytes.subarray(cut), out);
    return out;
  };
  it('keeps them, and still drops a comment or an instruction that follows them, cut at every byte', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>好!吗?</t></is></c><c r="B1"><f>Sheet1!A1</f><v>3</v></c></row>'
      + '<!--<row r="7"><c r="A7"><v>7</v></c></row>--><row r="2"><?pi ?!<?><c r="A2" t="inlineStr"><is><t>!?<![CDATA[<!--x-->]]></t></is></c></row>';
    const xml = `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
    for (let cut = 1; cut < Buffer.byteLength(xml); cut++) {
      const out = scan(xml, cut);
      expect(out.map((r) => r.row), `cut at ${cut}`).toEqual([1, 2]);
      expect(at(out, 'A1')?.value, `cut at ${cut}`).toBe('好!吗?');
      expect(at(out, 'B1')?.formula, `cut at ${cut}`).toBe('Sheet1!A1');
      expect(at(out, 'A2')?.value, `cut at ${cut}`).toBe('!?<!--x-->');
    }
  });
  it('an instruction alone (no `<!` anywhere), after text with `?`, cut at every byte', () => {
    const xml = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>why?</t></is></c></row><?pi <row r="8"></row>?><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    for (let cut = 1; cut < Buffer.byteLength(xml); cut++) {
      const out = scan(xml, cut);
      expect(out.map((r) => r.row), `cut at ${cut}`).toEqual([1, 2]);
      expect(at(out, 'A1')?.value, `cut at ${cut}`).toBe('why?');
    }
  });
  it('a chunk that begins with `!` after one that ended with `<` is a section', () => {
    const m = new MarkupNormalizer();
    const first = m.push(Buffer.from('<a>x<'));
    const second = m.push(Buffer.from('!-- c --><b/> '));
    expect(Buffer.concat([first, second]).toString()).toBe('<a>x<b/> ');
  });
});
