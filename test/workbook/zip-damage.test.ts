import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, ROW, rowsXml, sheetXml, xlsxParts, zip } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../../src/workbook/open.js';
import { UnreadableFileError } from '../../src/workbook/types.js';

/**
 * One byte flipped in a sheet's deflated data (a download damaged on the way) is damage wherever it is:
 * file/unreadable, never the zip bomb's file/unsafe (outsider helper-94: at some places it inflated to a
 * little more than the directory says and was called a size that lies, "do not open the file").
 */
async function outcome(path: string): Promise<UnreadableFileError | undefined> {
  try {
    const wb = await openWorkbook(path);
    for await (const sheet of wb.sheets()) for await (const batch of sheet.batches()) void batch;
  } catch (err) {
    if (err instanceof UnreadableFileError) return err;
    throw err;
  }
  return undefined;
}

describe('a byte flipped in a sheet\'s deflated data', () => {
  const rows = Array.from({ length: 4000 }, (_, i) => [`2024052${String(i).padStart(6, '0')}`, ...ROW.slice(1)]);
  const good = zip(xlsxParts({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ...rows])) }] }));
  const at = good.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
  const dataStart = at + 'xl/worksheets/sheet1.xml'.length;
  const dataSize = good.readUInt32LE(at - 30 + 18);

  it('is file/unreadable (damaged) at every place, never file/unsafe', async () => {
    const dir = tempDir();
    const said: string[] = [];
    for (let p = 1; p < 40; p++) {
      for (const mask of [0x01, 0x5a, 0x80]) {
        const bad = Buffer.from(good);
        bad[dataStart + Math.floor((dataSize * p) / 40)] ^= mask;
        const path = join(dir, `flip-${p}-${mask}.xlsx`);
        writeFileSync(path, bad);
        const err = await outcome(path);
        expect(err, `${p}/40, ${mask}`).toBeInstanceOf(UnreadableFileError);
        said.push(`${p}/40 ${mask}: ${err!.ruleId} ${err!.reason}`);
      }
    }
    expect(said.filter((s) => !s.endsWith('file/unreadable corrupt'))).toEqual([]);
  });
});
