import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';
import { closeStart, findClose, MarkupNormalizer, sectionStart } from '../../src/workbook/xlsx/xml.js';
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

/** The next section's start as it was found: every `<` from `from` on, looked at one by one. */
function plainSectionStart(b: Buffer, from: number): number {
  for (let j = b.indexOf(60, from); j >= 0; j = b.indexOf(60, j + 1)) { const n = b[j + 1]; if (n === 33 || n === 63 || n === undefined) return j; }
  return -1;
}

describe('the next `<!` or `<?` after a section is looked for by its second byte (every part starts with `<?xml …?>`)', () => {
  it('finds what a walk over every `<` finds, from every start, on text made of near misses', () => {
    const bits = ['<', '!', '?', '<!', '<?', '!<', '?<', '<<', 'a', '<a>', '</a>', '中', '--', '>', ' '];
    fc.assert(fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 30 }), fc.nat(), (parts, f) => {
      const b = Buffer.from(parts.join(''), 'utf8');
      const from = f % (b.length + 1);
      expect(sectionStart(b, from), `${JSON.stringify(parts.join(''))} from ${from}`).toBe(plainSectionStart(b, from));
    }), { numRuns: 3000 });
  });

  it('a part with sections after its declaration, cut at every byte, normalised as whole', () => {
    const xml = '<?xml version="1.0"?>\n<a><!-- one --><b>x<![CDATA[<y>]]></b><?pi z?><c/>!?<d>?</d></a><!-- end -->';
    const whole = new MarkupNormalizer().push(Buffer.from(xml)).toString();
    expect(whole).toBe('\n<a><b>x&lt;y&gt;</b><c/>!?<d>?</d></a>');
    for (let cut = 1; cut < xml.length; cut++) {
      const m = new MarkupNormalizer();
      const parts = [m.push(Buffer.from(xml.slice(0, cut))), m.push(Buffer.from(xml.slice(cut))), m.push(Buffer.from(' '))];
      expect(Buffer.concat(parts).toString(), `cut at ${cut}`).toBe(`${whole} `);
    }
  });
});
