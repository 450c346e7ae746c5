import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { unzipAll } from '../helpers/zip.js';
import { xlsx } from '../corpus/build.js';
import { CopyPlan, writeCopy } from '../../src/workbook/write-copy.js';

/**
 * An annotated copy's first sheet and notes are what only the writing needs: at a million rows they
 * hold 65,000 findings, and the copy is then read back beside its input by two readers (the peak of
 * `--annotate`, issue #25). They are let go once the copy is written, and are in the copy.
 */
describe('a copy plan after its copy is written', () => {
  it('keeps the patched cells, lets the first sheet\'s rows and the notes go, and the copy has them all', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, xlsx());
    const plan = new CopyPlan();
    let rowsMade = 0;
    const rows = function* () { for (let i = 1; i <= 300; i++) { rowsMade++; yield [{ value: `第 ${i} 条 finding` }]; } };
    plan.firstSheet = { name: '检查结果', rows: { [Symbol.iterator]: rows }, widths: [20] };
    plan.note('订单', { row: 2, column: 1, text: '金额超过 500 元' });
    plan.fill('订单', 2, 'FFFFEB9C', 2);
    await writeCopy(input, join(dir, 'out.xlsx'), plan);
    expect(rowsMade).toBe(300);
    expect(plan.notes.size).toBe(0);
    // the rows are gone, not made again
    expect([...plan.firstSheet!.rows]).toEqual([]);
    expect(rowsMade).toBe(300);
    expect(plan.sheets.has('订单')).toBe(true);
    const parts = new Map((await unzipAll(join(dir, 'out.xlsx'))).map((e) => [e.name, e.data.toString('utf8')]));
    const text = [...parts.values()].join('');
    expect(text).toContain('第 300 条 finding');
    expect(text).toContain('金额超过 500 元');
  });
});
