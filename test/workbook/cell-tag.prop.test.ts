import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/cells/raw.js';
import { SheetScanner } from '../../src/workbook/xlsx/sheet-scanner.js';
import { StringTable } from '../../src/workbook/xlsx/string-table.js';

/**
 * A cell's start tag as writers write it (` r="B2" s="3" t="s"`) is read in one pass (plainCellTag);
 * any other form by the general reading. Both must read every tag alike: a tag read here is read
 * again with one more attribute nobody reads (` x="0"`), which sends it down the general path.
 */
type Read = { rows: RawRow[] } | { error: string };

function scan(cells: string): Read {
  const s = new SheetScanner({ strings: StringTable.of(['甲', '乙', '丙']), dateStyles: [false, true, false], date1904: false, maxStringChars: Infinity, maxRowBytes: Infinity });
  const out: RawRow[] = [];
  try {
    s.push(Buffer.from(`<worksheet><sheetData><row r="2">${cells}</row><row r="3"><c r="A3"><v>1</v></c></row></sheetData></worksheet>`), out);
    return { rows: out };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const REFS = ['A2', 'B2', 'b2', '$C$2', 'AB2', 'A3', 'A1', '2', 'Ｂ2', '#2', '', ' B2', 'B2 ', '+B2', 'XFD2', 'XFE2', 'B&#50;', 'B2>'];
const STYLES = ['0', '1', '2', ' 1', '+1', '1 ', '', 'x', '07', '&#49;'];
const TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', '', 'S', 'x'];
const VALUES = ['<v>0</v>', '<v>2</v>', '<v>45383.5</v>', '<v>1</v>', '<v>#N/A</v>', '<v>2024-05-20T14:30:00</v>', '<f>A1</f><v>3</v>', '<is><t>内联</t></is>', ''];

const attribute = fc.oneof(
  fc.constantFrom(...REFS).map((v) => ` r="${v}"`),
  fc.constantFrom(...STYLES).map((v) => ` s="${v}"`),
  fc.constantFrom(...TYPES).map((v) => ` t="${v}"`),
  // near misses of the one-pass form: another quote, white space around =, two spaces, another attribute
  fc.constantFrom(` r='B2'`, ` r = "B2"`, `  s="1"`, ` cm="1"`, ` t="s" `, `\tr="B2"`, ` r="B2"s="1"`, ` vm="1"`),
);
const cell = fc.tuple(fc.array(attribute, { maxLength: 4 }), fc.constantFrom(...VALUES), fc.boolean()).map(([attrs, value, selfClosing]) => ({ attrs: attrs.join(''), value, selfClosing }));

const write = (c: { attrs: string; value: string; selfClosing: boolean }, extra: string) => (c.selfClosing ? `<c${c.attrs}${extra}/>` : `<c${c.attrs}${extra}>${c.value}</c>`);

describe('a cell start tag read in one pass', () => {
  it('reads as the general reading reads the same tag, for any r, s and t, in any order and form', () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
      const fast = scan(cells.map((c) => write(c, '')).join(''));
      const general = scan(cells.map((c) => write(c, ' x="0"')).join(''));
      expect(fast).toEqual(general);
    }), { numRuns: 5000 });
  });

  it('reads the usual tags as before: column, style (a date), type', () => {
    const read = scan('<c r="B2" s="1"><v>45383</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" s="2" t="n"><v>4.5</v></c><c r="F2"/>');
    expect('rows' in read && read.rows[0].cells.flatMap((c, i) => (c ? [[i, c.value]] : []))).toEqual([[2, new Date(Date.UTC(2024, 3, 1))], [4, '乙'], [5, 4.5]]);
  });
});

describe('a number read from its bytes', () => {
  const read = (text: string): unknown => {
    const r = scan(`<c r="B2"><v>${text}</v></c>`);
    return 'rows' in r ? r.rows[0]?.cells[2]?.value : r.error;
  };

  it('is the number Number() reads from the same text, for any decimal of up to 17 digits and either sign', () => {
    const decimal = fc.tuple(fc.constantFrom('', '-'), fc.stringMatching(/^[0-9]{0,9}$/), fc.constantFrom('.', ''), fc.stringMatching(/^[0-9]{0,9}$/)).map(([sign, int, point, frac]) => `${sign}${int}${point}${frac}`);
    fc.assert(fc.property(decimal, (text) => {
      const expected = Number(text);
      if (text === '' || Number.isNaN(expected)) return;
      expect(Object.is(read(text), expected), `${text}: ${String(read(text))} against ${expected}`).toBe(true);
    }), { numRuns: 20000 });
  });

  it('reads amounts, a time of day, -0 and the edges of the fast reading as Number() does', () => {
    for (const text of ['1299.00', '0.1', '0.3', '45383.604166666664', '45383.60416666667', '-0.0', '-.5', '.5', '5.', '123456789012345', '1234567890123456', '12345678.1234567', '12345678.12345678', '0.000000000000001', '9007199254740993', '-12.50', '1e3', '1E-3', '+1.5'])
      expect(Object.is(read(text), Number(text)), text).toBe(true);
  });
});
