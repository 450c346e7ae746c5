import { dirname, isAbsolute, resolve } from 'node:path';
import { displayText } from '../cells/parse.js';
import { readHeader } from '../sheets/detect.js';
import { openWorkbook } from './open.js';

/** The media files a listing sheet names, by column: 主图 (main), 详情图 (detail), 主图视频 (video). */
export interface NamedMedia {
  path: string;
  role: 'main' | 'detail' | 'video';
  /** where it is named: `商品信息 第2行` */
  sheet: string;
  row: number;
}

const COLUMNS = { mainImage: 'main', detailImages: 'detail', video: 'video' } as const;
const FILE = /\.(jpe?g|png|webp|gif|bmp|mp4|mov|m4v)$/i;

/**
 * The image and video files a workbook's listing sheets name in their 主图, 详情图 and 主图视频
 * columns (several per cell, separated by line breaks, 、 , ; or |), resolved against the
 * workbook's folder. Cells that hold a size or a note (800×800px) are not files and are skipped.
 */
export async function mediaNamedIn(workbook: string): Promise<NamedMedia[]> {
  const out: NamedMedia[] = [];
  const wb = await openWorkbook(workbook);
  for await (const sheet of wb.sheets()) {
    if (sheet.chart || sheet.problem) continue;
    const it = sheet.batches()[Symbol.asyncIterator]();
    const { head, match, rest } = await readHeader(it);
    const rows = [...head];
    if (match?.kind.id !== 'listing') { while (!(await rest.next()).done) { /* drain */ } continue; }
    for (let b = await rest.next(); !b.done; b = await rest.next()) for (const r of b.value) rows.push(r);
    for (const row of rows) {
      if (row.row <= match.headerRow) continue;
      for (const [key, role] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, NamedMedia['role']]>) {
        const col = match.columns.get(key);
        const cell = col === undefined ? undefined : row.cells[col];
        if (!cell || cell.value === null) continue;
        for (const name of displayText(cell.value).split(/[\r\n、,，;；|]+/).map((s) => s.trim()).filter((s) => FILE.test(s))) {
          out.push({ path: isAbsolute(name) ? name : resolve(dirname(workbook), name), role, sheet: sheet.name, row: row.row });
        }
      }
    }
  }
  return out;
}
