import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { openpyxlTests, PYTHON } from '../helpers/openpyxl.js';
import { t } from '../../src/i18n/catalog.js';

const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ps = ws.page_setup
row = int(ws.print_title_rows.split(':')[0].lstrip('$')) if ws.print_title_rows else None
print(json.dumps({"title": ws.title, "titles": ws.print_title_rows, "orientation": ps.orientation, "paper": str(ps.paperSize), "fitWidth": ps.fitToWidth, "fitHeight": ps.fitToHeight, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage, "head": [c.value for c in ws[row]] if row else None}, ensure_ascii=False))
`;

/** Issue #24: the annotated copy's 检查结果 prints on A4 landscape, fitted to the page's width, its findings' header row on every page. */
describe.skipIf(!openpyxlTests)('the results sheet prints', () => {
  it.each([
    ['an xlsx from LibreOffice', 'libreoffice-orders.xlsx'],
    ['a CSV export', 'orders-utf8-bom.csv'],
  ])('%s', async (_name, fixture) => {
    const dir = tempDir();
    copyFileSync(join(__dirname, '../fixtures', fixture), join(dir, fixture));
    await ecsop(['check', fixture, '--annotate', 'copy.xlsx', '--now', '2024-05-21T12:00'], { cwd: dir });
    const got = JSON.parse(execFileSync(PYTHON, ['-c', READ, join(dir, 'copy.xlsx')], { encoding: 'utf8' }));
    expect(got).toMatchObject({ title: '检查结果', orientation: 'landscape', paper: '9', fitWidth: 1, fitHeight: 0, fitToPage: true });
    expect(got.titles).toMatch(/^\$\d+:\$\d+$/);
    // the row repeated is the findings' header
    expect(got.head).toEqual(t('zh', 'annotate.columns').split('|'));
  });
});
