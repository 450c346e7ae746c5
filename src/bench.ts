import { openWorkbook } from './workbook/open.js';

/** Reads every row of every sheet and does nothing else: the floor for any command. */
export async function readRowsOnly(path: string): Promise<number> {
  let rows = 0;
  const wb = await openWorkbook(path);
  for await (const sheet of wb.sheets()) for await (const batch of sheet.batches()) rows += batch.length;
  return rows;
}
