import { SHEET_ENDS, SHEETS } from '../report/records.js';
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

registerCollectors([sheetPlaces]);
