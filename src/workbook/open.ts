import { extname } from 'node:path';
import { openCsv, type CsvEncoding } from './read-csv.js';
import { DEFAULT_LIMITS, openXlsx, type ReadLimits } from './read-xlsx.js';
import { UnreadableFileError, type WorkbookSource } from './types.js';

/** Opens a workbook by its extension; the content is sniffed before any parser sees it. */
export async function openWorkbook(path: string, opts: { encoding?: CsvEncoding; limits?: Partial<ReadLimits> } = {}): Promise<WorkbookSource> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return openCsv(path, opts.encoding);
  if (ext === '.xls') throw new UnreadableFileError('legacy-xls');
  if (ext === '.ods') throw new UnreadableFileError('ods');
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new UnreadableFileError('unsupported', { detail: ext || '(none)' });
  return openXlsx(path, { ...DEFAULT_LIMITS, ...opts.limits });
}
