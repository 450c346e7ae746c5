import { extname } from 'node:path';

/**
 * The kinds of content ecsop writes (reports, copies, queues) and the file names that fit each:
 * one list for the safe write path (src/workbook/safe-write.ts), which refuses a name that says
 * another kind, and for the report formats (src/report/formats.ts), each of which names its kind.
 */

/** What a file's content is, for the check that its name says the same. */
export type ContentKind = 'xlsx' | 'csv' | 'json' | 'xml' | 'html' | 'text' | 'data';

/** Extensions that name a kind of content: a file named so must hold that kind. */
const KIND_OF_EXTENSION: Record<string, ContentKind> = {
  '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.csv': 'csv', '.json': 'json', '.xml': 'xml', '.html': 'html', '.htm': 'html',
  '.txt': 'text', '.log': 'text', '.md': 'text',
};

/** Spreadsheet formats ecsop never writes: a name like these never gets other content. */
const NEVER_WRITTEN = new Set(['.xls', '.xlsb', '.ods', '.et', '.ett', '.numbers', '.xltx', '.xltm']);

/** The extension a kind of content is written under, for messages. */
const EXTENSION_OF_KIND: Record<ContentKind, string> = { xlsx: '.xlsx', csv: '.csv', json: '.json', xml: '.xml', html: '.html', text: '.txt', data: '.cache' };
export const extensionOfKind = (kind: ContentKind): string => EXTENSION_OF_KIND[kind];

/** Whether `target`'s name fits `kind` (an unknown extension, or none, fits text-like kinds). */
export function extensionFits(target: string, kind: ContentKind): boolean {
  const ext = extname(target).toLowerCase();
  if (NEVER_WRITTEN.has(ext)) return false;
  const named = KIND_OF_EXTENSION[ext];
  // a binary cache of ecsop's (`.ecsop-cache`) goes under a name that says no other kind
  if (named === undefined) return kind === 'text' || kind === 'json' || kind === 'xml' || kind === 'html' || kind === 'data';
  return named === kind || (named === 'text' && (kind === 'json' || kind === 'xml'));
}
