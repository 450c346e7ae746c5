import type { ReadLimits } from '../config/limits.js';
import { exactDateText, excelShowsDate } from '../cells/date.js';
import { csvText } from '../encode/csv-line.js';
import type { CellValue, RawCell, RawRow } from '../cells/raw.js';
import { columnLetter } from '../cells/address.js';
import { localized } from '../i18n/catalog.js';
import { format, inEvery, type Localized } from '../i18n/format.js';
import { openWorkbook } from './open.js';
import { openCsv, type CsvEncoding } from './read-csv.js';
import { openXlsx, stringsOf } from './read-xlsx.js';
import { READ_REASONS } from './reasons.js';
import { RowDigest, sameDigest, type SheetDigest } from './row-digest.js';
import { WriteError } from './safe-write.js';
import { type SheetSource, UnreadableFileError, type WorkbookSource } from './types.js';
import type { SheetPatch } from './xlsx/sheet-patch.js';
import { WellFormed } from './xlsx/well-formed.js';
import { closeZip, entryChunks, openZip, utf8Chunks } from './xlsx/zip.js';
import { stat } from 'node:fs/promises';

/** How a copy was made: its input's package patched, a new package, or a CSV. */
export type CopyKind = 'patch' | 'new' | 'csv';

export interface ReadBack {
  input: string;
  /** the temporary file just written */
  tmp: string;
  /** the name it will have (a CSV is read as a CSV whatever the temporary name) */
  target: string;
  kind: CopyKind;
  /** the changes the copy was asked for, by sheet: only these cells may differ from the input */
  patches: ReadonlyMap<string, SheetPatch>;
  /** the copy has a sheet of its own in front of the input's */
  firstSheet: boolean;
  encoding?: CsvEncoding;
  limits: ReadLimits;
  /** each sheet of the input as the run read it (row-digest.ts), when it was read through */
  read?: readonly SheetDigest[];
}

/** How the copies were read back this process: against the run's digests alone, or beside the input (for the tests). */
export const readBackCount = { digests: 0, input: 0 };

/**
 * Reads a copy just written (its temporary file) next to its input, row by row: the copy must
 * read, and every cell of the input must be in it with the same value, except the cells the copy
 * was asked to set. A copy that loses a row, a cell or a sheet is a failed write, never "wrote".
 * A copy that sets no cell (an annotated copy colours them) is first read against the digests of
 * its input's sheets as the run read them (row-digest.ts): when they agree the input is not read
 * again; when they do not, the comparison row by row decides and names what differs.
 */
export async function readsBack(r: ReadBack): Promise<void> {
  try {
    // every other XML part of the copy is well formed: the ones it patched and the ones it copied from the input
    if (!/\.csv$/i.test(r.target)) await partsWellFormed(r.tmp, r.limits);
    // a copy that only colours its input's cells, against what the run read of the input: when every
    // sheet agrees the input need not be read a second time (at a million rows, a reading of 550 MB of XML)
    if (r.kind === 'patch' && r.read && ![...r.patches.values()].some((p) => p.setsCells()) && await agrees(r.tmp, r.read, r).catch(() => false)) {
      readBackCount.digests++;
      return;
    }
    readBackCount.input++;
    // the input in this thread, the copy in a thread of its own when it is large: a third thread was no
    // faster on two cores, and holds a heap (--annotate at a million rows: 397 → 383 MB, 3 runs each)
    const input = r.kind === 'patch' ? await openXlsx(r.input, r.limits, { threads: false }) : await openWorkbook(r.input, { encoding: r.encoding, limits: r.limits });
    // a patched copy keeps its input's shared strings as they were stored: they are read once (at a
    // million rows, 35 MB and half a second); partsWellFormed has read the copy's part through
    const copy = await (/\.csv$/i.test(r.target) ? openCsv(r.tmp, undefined, r.limits)
      : openXlsx(r.tmp, r.limits, { strings: r.kind === 'patch' ? stringsOf(input) : undefined, partsChecked: true })).catch(async (err: unknown) => {
      await closeUnread(input);
      throw err;
    });
    // both read as they stream, side by side
    const inputs = input.sheets()[Symbol.asyncIterator]();
    try {
      await sameSheets(copy.sheets(), inputs, r);
    } finally {
      // a reader closes its file when its sheets end, or are left
      await inputs.return?.(undefined);
    }
  } catch (err) {
    if (err instanceof Differs) throw new WriteError('copy-differs', r.target, { detail: err.detail });
    const detail = err instanceof UnreadableFileError
      ? inEvery((lang) => format(READ_REASONS[err.reason][lang], err.data, lang))
      : (err as Error).message;
    throw new WriteError('copy-unreadable', r.target, { detail });
  }
}

/**
 * Whether every sheet of the copy holds the rows its input's digest says, after the copy's own
 * sheet in front (read through: it must read too). Anything else — a sheet that does not read,
 * another name, another digest — is false: the comparison beside the input then says what
 * differs, or finds that nothing does. (The copy's own sheet read at the same time by a second
 * reader was ~1 s sooner at 300,000 rows and held 40–100 MB more: not kept.)
 */
async function agrees(tmp: string, read: readonly SheetDigest[], r: ReadBack): Promise<boolean> {
  // its parts were found well-formed just before (partsWellFormed): its shared strings are not checked again
  const copy = await openXlsx(tmp, r.limits, { partsChecked: true });
  const sheets = copy.sheets()[Symbol.asyncIterator]();
  let own = r.firstSheet;
  let i = 0;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      const to = next.value;
      if (to.problem) return false;
      const want = own ? undefined : read[i++];
      if (!own && (!want || want.name !== to.name)) return false;
      own = false;
      if (!want || want.skip) { for await (const batch of to.batches()) void batch; continue; }
      const digest = new RowDigest();
      for await (const batch of to.batches()) digest.add(batch);
      if (!sameDigest(digest.value(to.name), want)) return false;
    }
    return i === read.length;
  } finally {
    // a reader closes its file when its sheets end, or are left
    await sheets.return?.(undefined);
  }
}

/** Closes a workbook opened and not read (a reader closes its file when its sheets are begun and left). */
async function closeUnread(wb: WorkbookSource): Promise<void> {
  const sheets = wb.sheets()[Symbol.asyncIterator]();
  await sheets.next().catch(() => undefined);
  await sheets.return?.(undefined).catch(() => undefined);
}

/** Streams every XML part of a package but its worksheets through a conforming parser (WellFormed). */
async function partsWellFormed(path: string, limits: ReadLimits): Promise<void> {
  const zip = await openZip(path, (await stat(path)).size, limits);
  try {
    for (const entry of zip.entries.values()) {
      // the sheets are read below by the reader, with its own checks, as any later run will read them
      if (!/\.(xml|rels|vml)$/i.test(entry.name) || /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
      // through the conforming parser as it streams, not the quick check first (WellFormed's `again`): ~0.5 s
      // sooner at a million rows, but the copy was then read while the writing's garbage was still held, and
      // --annotate's peak went over 400 MB (397–406 against 371–388 MB, three paired rounds)
      const xml = new WellFormed(entry.name);
      for await (const chunk of utf8Chunks(entryChunks(zip, entry, limits))) xml.push(chunk);
      await xml.end();
    }
  } finally {
    await closeZip(zip);
  }
}

/** The copy's sheets against the input's: the same, in order, after a sheet of the copy's own put in front. */
async function sameSheets(copySheets: AsyncIterable<SheetSource>, inputs: AsyncIterator<SheetSource>, r: ReadBack): Promise<void> {
  let own = r.firstSheet;
  for await (const to of copySheets) {
    if (to.problem) throw to.problem;
    if (own) { own = false; for await (const batch of to.batches()) void batch; continue; }
    const next = await inputs.next();
    if (next.done) throw new Differs(localized('piece.copy-sheet-extra', { sheet: to.name }));
    const from = next.value;
    if (r.kind === 'patch' && from.name !== to.name) throw new Differs(localized('piece.copy-sheet-missing', { sheet: from.name }));
    if (from.chart || from.problem) { for await (const batch of to.batches()) void batch; continue; }
    await sameRows(from, to, r.patches.get(from.name), r.kind === 'csv');
  }
  const left = await inputs.next();
  if (!left.done) throw new Differs(localized('piece.copy-sheet-missing', { sheet: left.value.name }));
}

/** A difference between a copy and its input, said in both languages. */
class Differs extends Error {
  constructor(readonly detail: Localized) {
    super(detail.en);
  }
}

/** Every row of `from` is in `to` with the same values, but for the cells `patch` sets; `to` has no other rows. */
async function sameRows(from: SheetSource, to: SheetSource, patch: SheetPatch | undefined, csv: boolean): Promise<void> {
  const copyRows = rowsIn(to);
  let next = await copyRows.next();
  const changed = (row: number) => patch?.cellsAt(row);
  for await (const batch of from.batches()) {
    for (const row of batch) {
      // rows only the copy has: each must be one the plan writes to
      while (!next.done && next.value.row < row.row) {
        if (!changed(next.value.row)) throw new Differs(localized('piece.copy-row-extra', { sheet: from.name, row: next.value.row }));
        next = await copyRows.next();
      }
      const copied = !next.done && next.value.row === row.row ? next.value : undefined;
      if (!copied) {
        if (hasValues(row)) throw new Differs(localized('piece.copy-row-missing', { sheet: from.name, row: row.row }));
        continue;
      }
      sameCells(from.name, row, copied, changed(row.row), csv);
      next = await copyRows.next();
    }
  }
  while (!next.done) {
    if (!changed(next.value.row)) throw new Differs(localized('piece.copy-row-extra', { sheet: from.name, row: next.value.row }));
    next = await copyRows.next();
  }
}

async function* rowsIn(sheet: SheetSource): AsyncGenerator<RawRow> {
  for await (const batch of sheet.batches()) yield* batch;
}

function hasValues(row: RawRow): boolean {
  return row.cells.some((c) => c !== undefined && !isEmpty(c));
}

function sameCells(sheet: string, a: RawRow, b: RawRow, set: ReadonlyArray<{ column: number }> | undefined, csv: boolean): void {
  const n = Math.max(a.cells.length, b.cells.length);
  for (let c = 1; c < n; c++) {
    if (set?.some((x) => x.column === c)) continue;
    if (!sameCell(a.cells[c], b.cells[c], csv)) throw new Differs(localized('piece.copy-cell-differs', { sheet, cell: `${columnLetter(c)}${a.row}` }));
  }
}

function isEmpty(c: RawCell | undefined): boolean {
  return !c || ((c.value === null || c.value === '') && !c.error);
}

/**
 * The same value as read from both files. A CSV's text may come back from a new package as the
 * number it spells (`1.50` as 1.5), an export's date as the same instant (one Excel cannot show, before
 * 1900-03-01, as its text: exactDateText); a copy as CSV holds each
 * value as csvText writes it (long digits as `="…"`, text a spreadsheet would run as a formula
 * behind `'`, a date as its text); nothing else may change.
 */
function sameCell(a: RawCell | undefined, b: RawCell | undefined, csv: boolean): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  // a cell under a merged one is written empty (its value is the merged cell's)
  if (a?.covered && isEmpty(b)) return true;
  if (!a || !b) return false;
  if ((a.error ?? '') !== (b.error ?? '')) return false;
  return sameValue(a.value, b.value, csv);
}

function sameValue(a: CellValue, b: CellValue, csv: boolean): boolean {
  if (a === b) return true;
  if (csv) return typeof b === 'string' && b === csvText(a);
  // a date Excel would show wrong is written as its text (newPackage)
  if (a instanceof Date && typeof b === 'string' && !excelShowsDate(a)) return b === exactDateText(a);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return String(a).trim() !== '' && String(b).trim() !== '' && x === y;
  }
  return String(a) === String(b);
}
