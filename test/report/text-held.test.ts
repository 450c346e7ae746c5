import { describe, expect, it } from 'vitest';
import { TextWriter } from '../../src/report/text.js';
import { Totals } from '../../src/report/totals.js';
import type { Finding } from '../../src/rules/types.js';
import type { FileSummary } from '../../src/report/types.js';

/**
 * A file a join may still report on is held to the end; the text report writes its section when
 * the file is done all the same (while the run waits for its workers) and writes it again at the
 * end only when a join found something in it. What is written is what the section is at the end.
 */
function run(late: Finding[]): string {
  let text = '';
  const w = new TextWriter({ write: (s) => { text += String(s); } }, { lang: 'en', color: false, maxFindings: 2, quiet: false });
  const summary = (path: string): FileSummary => ({ path, status: 'ok', sheets: [{ name: '订单', kind: 'orders', rows: 3 }, { name: '物流发货管理表', kind: 'shipments', rows: 2 }] });
  const f = (file: string, sheet: string, row: number, severity: Finding['severity'], message: string): Finding => ({ ruleId: 'order-manual-review', severity, file, sheet, row, column: 'A', cell: `A${row}`, message });
  for (const file of ['a.xlsx', 'b.xlsx', 'c.xlsx']) {
    w.finding(f(file, '订单', 3, 'warning', `${file} own finding`));
    w.fileDone(summary(file), file !== 'c.xlsx');
  }
  w.filesDone();
  for (const x of late) w.finding(x);
  void w.end(new Totals());
  return text;
}

const section = (text: string, file: string) => text.slice(text.indexOf(file), text.indexOf('\n\n', text.indexOf(file)));

describe('text report: sections held for a join', () => {
  it('a held file a join reports on shows the late finding in its section, its status from it, its order by row', () => {
    const late: Finding = { ruleId: 'ship-late', severity: 'error', file: 'b.xlsx', sheet: '订单', row: 2, column: 'A', cell: 'A2', message: 'late shipment' };
    const text = run([late]);
    const b = section(text, 'b.xlsx');
    expect(b).toContain('late shipment');
    // the late finding's row comes before the file's own
    expect(b.indexOf('late shipment')).toBeLessThan(b.indexOf('b.xlsx own finding'));
    // an error now: its status is the error's
    expect(text).toMatch(/✖ b\.xlsx/);
    // the files around it are as they were, in their order
    expect(text).toMatch(/! a\.xlsx/);
    expect(text.indexOf('a.xlsx')).toBeLessThan(text.indexOf('b.xlsx'));
    expect(text.indexOf('b.xlsx')).toBeLessThan(text.indexOf('c.xlsx'));
    expect(section(text, 'a.xlsx')).not.toContain('late shipment');
  });

  it('a late finding past the sheet\'s shown findings is counted with the rest', () => {
    const late = [4, 5].map((row): Finding => ({ ruleId: 'ship-late', severity: 'warning', file: 'a.xlsx', sheet: '订单', row, column: 'A', cell: `A${row}`, message: `late ${row}` }));
    const a = section(run(late), 'a.xlsx');
    expect(a).toContain('late 4');
    expect(a).not.toContain('late 5');
    expect(a).toMatch(/1 more.*ship-late|ship-late.*1 more/);
  });

  it('without late findings, the held sections are written as they were when their files were done', () => {
    const text = run([]);
    for (const file of ['a.xlsx', 'b.xlsx', 'c.xlsx']) expect(section(text, file)).toContain(`${file} own finding`);
    expect(text.match(/own finding/g)).toHaveLength(3);
  });
});
