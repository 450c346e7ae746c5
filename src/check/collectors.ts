import type { ParsedRow } from '../domain/row-model.js';
import { OWNERS, SHEET_ENDS, SHEETS } from '../report/records.js';
import { KINDS } from '../sheets/registry.js';
import { defineCollector, registerCollectors } from './collector.js';

const KIND_IDS = KINDS.map((k) => k.id);

/**
 * Each checked sheet's place, header row and columns, when the sheet begins (before its rows'
 * records), and when it has been read the last column its rows use: for the commands that write
 * a copy (the columns they add go after it). The pass's own collector: it knows no command.
 */
export const sheetPlaces = defineCollector('sheets', () => ({
  kinds: KIND_IDS,
  sheet(info, ctx) {
    ctx.emit(SHEETS, { file: info.file, sheet: info.name, kind: info.kind.id, headerRow: info.headerRow, lastColumn: info.lastColumn, columns: [...info.columns] });
    return { end: () => ctx.emit(SHEET_ENDS, { file: info.file, sheet: info.name, usedColumn: info.usedColumn }) };
  },
}));

/** The columns that name the person responsible for a row: 负责人, 评估人, 分析人. */
export const PERSON_KEYS = ['owner', 'evaluator', 'analyst'] as const;

/**
 * A column a sheet kind does not have, headed as the person responsible for the row, as the issue
 * names them (负责人 / 评估人 / 分析人: `运营负责人`, `负责人(姓名)`) or in English: a team adds one to
 * its orders export or its listing sheet (outsider helper-83: an orders sheet's 负责人 was not read).
 */
export function isPersonHeader(text: string): boolean {
  const head = text.replace(/\s+/g, '').replace(/[（(【[].*$/, '');
  return /(?:负责人|评估人|分析人)$/.test(head) || /^(?:owner|evaluator|analyst)$/i.test(head);
}

/**
 * Who is responsible for each row of a sheet that has a person column (its kind's, or one it does
 * not know headed as one: isPersonHeader), sent once the sheet is read as runs of rows (a sheet's
 * rows mostly share an owner): the dashboard counts findings by person with it. Rows without a name
 * are nobody's (left out).
 */
export const rowOwners = defineCollector('owners', () => ({
  kinds: KIND_IDS,
  sheet(info, ctx) {
    const key = PERSON_KEYS.find((k) => info.columns.has(k));
    const extra = key ? undefined : info.extraHeaders.find((h) => isPersonHeader(h.text))?.column;
    if (!key && extra === undefined) return undefined;
    const nameOf = (row: ParsedRow) => (key ? row.cells.get(key as never)?.text : row.extraText?.(extra!))?.trim();
    const names: string[] = [];
    const index = new Map<string, number>();
    const runs: number[] = [];
    return {
      row(row) {
        const name = nameOf(row);
        if (!name) return;
        let i = index.get(name);
        if (i === undefined) { i = names.length; names.push(name); index.set(name, i); }
        const n = runs.length;
        if (n && runs[n - 1] === i && runs[n - 2] === row.row - 1) runs[n - 2] = row.row;
        else runs.push(row.row, row.row, i);
      },
      end() {
        if (names.length) ctx.emit(OWNERS, { file: info.file, sheet: info.name, names, runs });
      },
    };
  },
}));

registerCollectors([sheetPlaces, rowOwners]);
