import { describe, expect, it } from 'vitest';
import { CellMarks } from '../../src/workbook/xlsx/cell-marks.js';
import { MapPatch, SheetPatcher, type SheetPatch } from '../../src/workbook/xlsx/sheet-patch.js';
import { StylesEditor } from '../../src/workbook/xlsx/styles-editor.js';

/**
 * An annotated copy colours cells and changes nothing else: a coloured row's cells are read by their
 * references, through the attribute grammar (a character reference in a reference's letters included).
 */
/** A one-row sheet of `row`'s XML coloured at `column`, patched. */
function colouredAt(rowXml: string, row: number, column: number): string {
  const p = new MapPatch();
  p.marks = new CellMarks(['FFFFC7CE']);
  p.marks.add(row, column, 0);
  return patched(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml}</sheetData></worksheet>`, p);
}

function patched(xml: string, patch: SheetPatch): string {
  const patcher = new SheetPatcher(patch, StylesEditor.minimal());
  return patcher.push(xml) + patcher.end();
}

describe('an annotated copy colours a row\'s cells by their references', () => {
  it('rows of the usual form with coloured cells: the colours land, every other byte as it came', () => {
    const out = colouredAt('<row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>5</v></c><c r="C2"/></row>', 2, 2);
    expect(out).toMatch(/<row r="2"><c r="A2" t="s"><v>0<\/v><\/c><c r="B2" s="\d+"><v>5<\/v><\/c><c r="C2"\/><\/row>/);
    expect(out).not.toContain('<c r="B2">');
  });

  it('a reference written with a character reference is read whole: r="A&#66;7" is AB7, not A7', () => {
    // column A has no cell: a new one, coloured, before AB's, which keeps its style
    expect(colouredAt('<row r="7"><c r="A&#66;7"><v>1</v></c></row>', 7, 1)).toMatch(/<row r="7"><c r="A7" s="\d+"\/><c r="A&#66;7"><v>1<\/v><\/c><\/row>/);
  });

  it('an element in a row whose name begins with the cell\'s is passed over, not read forever', () => {
    const out = colouredAt('<row r="3"><cx/><c r="A3"><v>1</v></c></row>', 3, 1);
    expect(out).toContain('<cx/>');
    expect(out).toMatch(/<c r="A3" s="\d+"><v>1<\/v><\/c>/);
  });
});
