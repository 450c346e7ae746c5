import { format, type Lang, type Localized } from '../i18n/format.js';
import { localized } from '../i18n/catalog.js';
import { READ_REASONS, type ReadReason } from './reasons.js';

import type { RawRow } from '../cells/raw.js';
import type { UnfilledMerges } from './xlsx/merge-ranges.js';
import type { SharedText } from './xlsx/string-table.js';

/** What every workbook reader yields, whatever the file format: sheets, each a stream of rows. */
export interface SheetSource {
  name: string;
  /** rows in order; empty rows may be skipped */
  rows(): AsyncIterable<RawRow>;
  /** the same rows in batches as they are read: one await per batch, not per row (the fast path) */
  batches(): AsyncIterable<RawRow[]>;
  /** the share of the sheet read so far, 0–1, from the bytes read (for a progress bar) */
  progress?(): number;
  /** a chart sheet: listed, no cells */
  chart?: boolean;
  /** the workbook lists the sheet but it cannot be read (its part is missing): said, not silently left out */
  problem?: UnreadableFileError;
  /** once its rows have ended: merged ranges its rows were not given (an .xlsx sheet too large, references not understood) */
  unfilledMerges?(): UnfilledMerges | undefined;
  /** an .xlsx workbook's shared strings by index (what a cell's `sst` names); none for a CSV */
  sharedStrings?: SharedText;
}

/** `rows()` for a source that reads in batches. */
export async function* rowsOf(batches: AsyncIterable<RawRow[]>): AsyncIterable<RawRow> {
  for await (const batch of batches) yield* batch;
}

export interface WorkbookSource {
  path: string;
  format: 'xlsx' | 'csv';
  /** true when the workbook counts dates from 1904 (old Mac Excel) */
  date1904: boolean;
  sheets(): AsyncIterable<SheetSource>;
}

/** The findings a file the readers refuse becomes. */
export type FileRuleId = 'file/unreadable' | 'file/too-large' | 'file/unsafe' | 'file/timeout';

/** A file the readers refuse, with the reason a person can act on. */
export class UnreadableFileError extends Error {
  constructor(
    /** machine-readable reason; its message is in src/workbook/reasons.ts */
    readonly reason: ReadReason,
    /** placeholders of the reason's message */
    readonly data: Record<string, unknown> = {},
    /** finding id this becomes: `file/unreadable`, `file/too-large`, `file/unsafe` or `file/timeout` */
    readonly ruleId: FileRuleId = 'file/unreadable',
  ) {
    super(format(READ_REASONS[reason].en, data, 'en'));
  }

  /** a sheet's damage found after its rows ended (`</sheetData>`): every row was read, and none goes on past it */
  afterRows?: boolean;

  /** The reason in the user's language. */
  text(lang: Lang): string {
    return format(READ_REASONS[this.reason][lang], this.data, lang);
  }
}

/** An error of the file system as a reason a person can act on (a permission, a file gone). */
export function fileSystemError(err: unknown): UnreadableFileError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableFileError('permission', { detail: code });
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EIO' || code === 'EBUSY') return new UnreadableFileError('gone', { detail: code });
  return undefined;
}

/** Anything that escaped a reader (a bug in ecsop, a limit of the runtime) as a finding for that file only. */
export function asFileError(err: unknown): UnreadableFileError {
  if (err instanceof UnreadableFileError) return err;
  const fs = fileSystemError(err);
  if (fs) return fs;
  if (err instanceof RangeError && /string length|Array buffer allocation|Invalid array length|too large/i.test(err.message)) {
    return new UnreadableFileError('runtime-limit', { detail: err.message.split('\n')[0].slice(0, 200) }, 'file/too-large');
  }
  const first = String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200);
  return new UnreadableFileError('internal', { detail: first });
}

/** How a limit reads in a message: characters for strings, MB for bytes. */
function limitText(n: number, unit: 'chars' | 'bytes'): Localized | string {
  if (unit === 'chars') return localized('piece.chars', { n: n });
  const mb = n >= 1024 ** 2 ? `${Math.round(n / 1024 ** 2)} MB` : `${Math.round(n / 1024)} KB`;
  return mb;
}

/** A string or a row over its limit (limits.maxStringChars / maxRowBytes): file/too-large, saying which and where. */
export function tooLong(what: Localized, limit: number, key: 'maxStringChars' | 'maxRowBytes'): UnreadableFileError {
  return new UnreadableFileError('part-too-large', { detail: what, limit: limitText(limit, key === 'maxStringChars' ? 'chars' : 'bytes'), key }, 'file/too-large');
}
