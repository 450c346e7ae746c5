import type { ScoreResult, SheetPlace } from '../report/records.js';
import { selection } from '../sheets/kinds/selection.js';
import type { CellEdit } from '../workbook/write-copy.js';

const headerOf = (key: string) => selection.columns.find((c) => c.key === key)!.header;

/**
 * The cells `--write` fills: the computed 综合得分 (two decimals) and 选品建议 (the verdict word,
 * keeping a reason the user wrote after it). Missing columns are added after the header's last one.
 */
export function scoreEdits(results: ScoreResult[], sheets: SheetPlace[]): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const info of sheets) {
    if (info.kind !== 'selection') continue;
    let next = info.lastColumn + 1;
    const columns = new Map(info.columns);
    const columnOf = (key: 'score' | 'recommendation', header: string) => {
      const have = columns.get(key);
      if (have) return have;
      const col = next++;
      edits.push({ sheet: info.sheet, row: info.headerRow, column: col, value: header, bold: true });
      return col;
    };
    const mine = results.filter((r) => r.file === info.file && r.sheet === info.sheet && r.score !== null);
    if (!mine.length) continue;
    const scoreCol = columnOf('score', headerOf('score'));
    const verdictCol = columnOf('recommendation', headerOf('recommendation'));
    for (const r of mine) {
      edits.push({ sheet: r.sheet, row: r.row, column: scoreCol, value: r.score, numFmt: '0.00' });
      edits.push({ sheet: r.sheet, row: r.row, column: verdictCol, value: r.stated.reason ? `${r.recommendation}(${r.stated.reason})` : r.recommendation });
    }
  }
  return edits;
}

