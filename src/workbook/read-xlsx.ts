import { stat } from 'node:fs/promises';
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
  if (kind === 'empty') throw new UnreadableFileError('文件为空(0 字节)', 'empty');
  if (kind === 'ole') throw await oleError(path);
  if (kind !== 'zip') throw new UnreadableFileError('不是 .xlsx 文件(不是 zip 格式),可能是改了扩展名的其他文件', 'not-a-zip');
  if (head.includes(Buffer.from('application/vnd.oasis.opendocument'))) {
    throw new UnreadableFileError('这是 OpenDocument (.ods) 文件;请另存为 .xlsx', 'ods');
  }
  if (size > limits.maxFileBytes) {
    throw new UnreadableFileError(`文件 ${(size / 1048576).toFixed(0)} MB,超过上限 ${(limits.maxFileBytes / 1048576).toFixed(0)} MB`, 'too-large', 'file/too-large');
  }
  const ExcelJS = (await import('exceljs')).default;
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new UnreadableFileError(`无法解析 .xlsx(文件可能不完整或已损坏):${(err as Error).message}`, 'corrupt');
  }
  if (wb.worksheets.length === 0) throw new UnreadableFileError('工作簿中没有工作表', 'no-sheets');
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

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
