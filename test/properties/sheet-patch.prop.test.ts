import fc from 'fast-check';
import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { xmlText } from '../../src/encode/xml-text.js';
import { CellMarks } from '../../src/workbook/xlsx/cell-marks.js';
import { MapPatch, SheetPatcher } from '../../src/workbook/xlsx/sheet-patch.js';
import { StylesEditor } from '../../src/workbook/xlsx/styles-editor.js';

/** Text a shop's cell holds: Chinese, emoji, entities. */
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\ufffe\uffff]/g, ''));
const sheet = fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 });
const marks = fc.array(fc.record({ row: fc.integer({ min: 1, max: 12 }), column: fc.integer({ min: 1, max: 5 }), level: fc.integer({ min: 0, max: 2 }) }), { maxLength: 12 });
const cuts = fc.array(fc.nat(), { maxLength: 8 });

function sheetXml(rows: string[][]): string {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The part's bytes cut at the given points (through a character too), decoded as the copy does, patched. */
function patch(xml: string, at: number[], m: Array<{ row: number; column: number; level: number }>): string {
  const p = new MapPatch();
  p.marks = new CellMarks(['FFDDEBF7', 'FFFFEB9C', 'FFFFC7CE']);
  for (const x of m) p.marks.add(x.row, x.column, x.level);
  p.set(2, { column: 6, value: '待人工审核' });
  const patcher = new SheetPatcher(p, StylesEditor.minimal());
  const bytes = Buffer.from(xml);
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new StringDecoder('utf8');
  let out = '';
  let last = 0;
  for (const q of [...points, bytes.length]) { out += patcher.push(decoder.write(bytes.subarray(last, q))); last = q; }
  return out + patcher.push(decoder.end()) + patcher.end();
}

describe('a sheet is patched the same however its text arrives', () => {
  it('cut anywhere, even inside a Chinese character: the same copy as from one piece', () => {
    fc.assert(fc.property(sheet, marks, cuts, (rows, m, at) => {
      const xml = sheetXml(rows);
      const whole = patch(xml, [], m);
      expect(patch(xml, at, m)).toBe(whole);
      // every text of the shop's survives
      for (const row of rows) for (const v of row) expect(whole).toContain(xmlText(v));
    }), { numRuns: 500 });
  });
});
