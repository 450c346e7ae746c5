import { spawnSync } from 'node:child_process';

/**
 * Reads a workbook with openpyxl (Debian's python3-openpyxl), the way another program sees an
 * ecsop copy: sheet names and the open one, every cell's value or formula, fill, note and link,
 * the validations, conditional formats, names and print areas. `.ci/run` installs openpyxl; a
 * developer's machine without it skips these tests (CI never does: `CI` makes them required).
 */

export const PYTHON = '/usr/bin/python3';

export const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
/** run the tests that need openpyxl: it is there, or CI requires it (and fails without it) */
export const openpyxlTests = hasOpenpyxl || Boolean(process.env.CI);

export interface OpenpyxlCell { value: unknown; fill?: string; note?: string; noteAuthor?: string; link?: string }
export interface OpenpyxlSheet {
  title: string;
  selected: boolean;
  cells: Record<string, OpenpyxlCell>;
  validations: string[];
  conditionalFormats: string[];
  printArea: string | null;
  maxRow: number;
  autoFilter: string | null;
}
export interface OpenpyxlBook { sheetnames: string[]; active: string; sheets: OpenpyxlSheet[]; names: Record<string, string> }

const SCRIPT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'sheetnames': wb.sheetnames, 'active': wb.active.title, 'sheets': [], 'names': {}}
try:
    items = wb.defined_names.items()
except AttributeError:
    items = [(d.name, d) for d in wb.defined_names.definedName]
for name, d in items:
    out['names'][name] = d.attr_text
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' and isinstance(c.fill.fgColor.rgb, str) else None
            if c.value is None and fill is None and c.comment is None and c.hyperlink is None:
                continue
            v = c.value
            if not isinstance(v, (str, int, float, bool)) and v is not None:
                v = str(v)
            e = {'value': v}
            if fill: e['fill'] = fill
            if c.comment is not None:
                e['note'] = c.comment.text
                e['noteAuthor'] = c.comment.author
            if c.hyperlink is not None:
                e['link'] = c.hyperlink.location or c.hyperlink.target
            cells[c.coordinate] = e
    out['sheets'].append({
        'title': ws.title,
        'selected': bool(ws.sheet_view.tabSelected),
        'cells': cells,
        'validations': [str(v.sqref) for v in ws.data_validations.dataValidation],
        'conditionalFormats': [str(r.sqref) for r in ws.conditional_formatting],
        'printArea': str(ws.print_area) if ws.print_area else None,
        'maxRow': ws.max_row,
        'autoFilter': ws.auto_filter.ref,
    })
json.dump(out, sys.stdout, ensure_ascii=False)
`;

/** The workbook as openpyxl reads it; throws with openpyxl's own error when it cannot. */
export function readWithOpenpyxl(path: string): OpenpyxlBook {
  const r = spawnSync(PYTHON, ['-c', SCRIPT, path], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${path}: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as OpenpyxlBook;
}
