import type { Cell, Workbook, Worksheet } from 'exceljs';
import { oleError, sniff } from './sniff.js';
import { UnreadableFileError, type RawCell, type RawRow, type SheetSource, type WorkbookSource } from './types.js';

/**
 * Reads an .xlsx through exceljs's full loader, behind the streaming interface that a faster
 * reader of our own will implement (issue 8). exceljs is imported lazily so commands that never
 * read a workbook start fast.
 */
export interface ReadLimits {
  /** refuse larger files before reading them */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 512 * 1024 * 1024 };

export async function openXlsx(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookSource> {
  const { kind, head, size } = await sniff(path);
  if (kind === 'empty') throw new UnreadableFileError('empty');
  if (kind === 'ole') throw await oleError(path);
  if (kind !== 'zip') throw new UnreadableFileError('not-a-zip');
  if (head.includes(Buffer.from('application/vnd.oasis.opendocument'))) {
    throw new UnreadableFileError('ods');
  }
  if (size > limits.maxFileBytes) {
    throw new UnreadableFileError('too-large', { size: (size / 1048576).toFixed(1), limit: (limits.maxFileBytes / 1048576).toFixed(1) }, 'file/too-large');
  }
  const ExcelJS = (await import('exceljs')).default;
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new UnreadableFileError('corrupt', { detail: (err as Error).message });
  }
  if (wb.worksheets.length === 0) throw new UnreadableFileError('no-sheets');
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  return {
    path,
    format: 'xlsx',
    date1904,
    async *sheets() {
      for (const ws of wb.worksheets) yield sheetOf(ws);
    },
  };
}

function sheetOf(ws: Worksheet): SheetSource {
  return {
    name: ws.name,
    async *rows(): AsyncIterable<RawRow> {
      const rows: RawRow[] = [];
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Array<RawCell | undefined> = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const raw = rawCell(cell);
          if (raw) cells[col] = raw;
        });
        if (cells.length) rows.push({ row: rowNumber, cells });
      });
      yield* rows;
    },
  };
}

type ExcelValue = Cell['value'];

/** exceljs's many value shapes → one RawCell; merged-range followers are empty, as in the file. */
export function rawCell(cell: Cell): RawCell | undefined {
  if (cell.isMerged && cell.master !== cell) return undefined;
  return fromValue(cell.value);
}

function fromValue(v: ExcelValue): RawCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    if ('error' in v && v.error) return { value: null, error: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((r) => r.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
      const formula = String(f.formula ?? f.sharedFormula ?? '');
      const res = f.result;
      if (res === undefined || res === null) return { value: null, formula };
      if (typeof res === 'object' && res !== null && 'error' in res) return { value: null, formula, error: String((res as { error: string }).error) };
      return { value: res as RawCell['value'], formula };
    }
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return { value: t };
      if (t && typeof t === 'object' && 'richText' in t) return { value: (t as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('') };
    }
  }
  return { value: String(v) };
}
