import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/workbook/open.js';
import { sheetThreads } from '../../src/workbook/xlsx/sheet-thread.js';
import { NS, xlsx } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';

/**
 * The thread reading a large sheet is asked to end, never torn down: node 20 ends the whole process
 * (a native assertion, exit 134) when a worker is terminated as it makes a zlib stream, and a
 * clean-clone CI run died so once. Asked, it ends by itself (exit 0) whether its rows were all read
 * or the reader stopped taking them after the first batch (a closed pipe, a sheet given up on).
 */
describe('the sheet thread ends by itself when asked', () => {
  const dir = tempDir('ecsop-sheet-thread-stop-');
  const file = join(dir, 'orders.xlsx');
  const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>订单${i}</t></is></c></row>`).join('');
  writeFileSync(file, xlsx({ sheets: [{ name: '订单', xml: `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>` }] }));
  afterEach(() => { delete process.env.ECSOP_SHEET_THREAD_BYTES; });

  const read = async (firstBatchOnly: boolean) => {
    process.env.ECSOP_SHEET_THREAD_BYTES = '0';
    const started = sheetThreads.started;
    const asked = sheetThreads.endedWhenAsked;
    let n = 0;
    const wb = await openWorkbook(file);
    for await (const sheet of wb.sheets()) {
      for await (const batch of sheet.batches()) { n += batch.length; if (firstBatchOnly) break; }
    }
    // the thread's exit event comes after the stop resolves: waited for (a loaded machine gives it its turn late), at most 10 s
    for (const until = Date.now() + 10_000; sheetThreads.endedWhenAsked === asked && sheetThreads.started > started && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
    return { threads: sheetThreads.started - started, asked: sheetThreads.endedWhenAsked - asked, n };
  };

  it('after all its rows', async () => {
    const r = await read(false);
    expect(r).toEqual({ threads: 1, asked: 1, n: 40_000 });
  });

  it('stopped after the first batch, 20 times over', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await read(true);
      expect(r.threads).toBe(1);
      expect(r.asked, `round ${i}`).toBe(1);
      expect(r.n).toBeLessThan(40_000);
    }
  });
});
