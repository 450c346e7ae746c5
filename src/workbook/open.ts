import { extname } from 'node:path';
import { openMarkup, markupKind } from './read-markup.js';
import { openCsv, type CsvEncoding } from './read-csv.js';
import { DEFAULT_LIMITS, openXlsx, type ReadLimits } from './read-xlsx.js';
import { oleError, sniff } from './sniff.js';
import { UnreadableFileError, type WorkbookSource } from './types.js';

/**
 * Opens a workbook by what its bytes are, not only by its name: a real .xlsx (also when named
 * .xls, as some exports are), an HTML table or an XML Spreadsheet 2003 saved as `.xls` by an ERP
 * (read), a legacy or encrypted OLE file (said exactly), a CSV.
 */
export async function openWorkbook(path: string, opts: { encoding?: CsvEncoding; limits?: Partial<ReadLimits> } = {}): Promise<WorkbookSource> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return openCsv(path, opts.encoding, limits);
  if (ext === '.ods') throw new UnreadableFileError('ods');
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.xls' && ext !== '.xml') throw new UnreadableFileError('unsupported', { detail: ext || '(none)' });
  // `.xml` is Excel's own name for an XML Spreadsheet 2003: read when named, and only as one (a folder's .xml files are not walked)
  if (ext === '.xls' || ext === '.xml') {
    const { kind, head, size } = await sniff(path);
    if (kind === 'empty') throw new UnreadableFileError('empty');
    if (size > limits.maxFileBytes) throw new UnreadableFileError('too-large', { size: (size / 1048576).toFixed(1), limit: (limits.maxFileBytes / 1048576).toFixed(1) }, 'file/too-large');
    if (kind === 'ole') throw await oleError(path);
    if (kind === 'text') {
      const markup = markupKind(head);
      if (markup && (ext === '.xls' || markup === 'spreadsheetml')) return openMarkup(path, markup, head, limits);
      throw new UnreadableFileError('not-a-workbook', { detail: ext });
    }
    // a zip named .xls: an .xlsx under the wrong name, read as what it is
  }
  return openXlsx(path, limits);
}
