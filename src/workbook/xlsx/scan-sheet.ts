import type { Localized } from '../../i18n/format.js';
import { localized } from '../../i18n/catalog.js';
import type { RawRow } from '../../cells/raw.js';
import type { ReadLimits } from '../../config/limits.js';
import { UnreadableFileError } from '../types.js';
import { MergeFill, mergeRangesOf, type UnfilledMerges } from './merge-ranges.js';
import { SheetScanner, type ScanContext } from './sheet-scanner.js';
import { entryChunks, utf8Chunks, type ReadCount, type ZipEntry, type ZipFile } from './zip.js';

/**
 * A sheet whose XML is at most this size (about 100,000 rows of an order export) is inflated before
 * its rows are read, so that its merged ranges, which come after its rows, are known first
 * (MergeFill). A larger sheet streams, and its merges are not filled in (cells a merge covers read
 * empty, as Excel shows them): holding it would cost memory in proportion to its size.
 */
export const HELD_SHEET_BYTES = 64 << 20;

/** What a sheet's reading found besides its rows, known when its rows end. */
export interface SheetNotes {
  /** merged ranges the rows were not given (the sheet says so: sheet/merges-unread) */
  unfilled?: UnfilledMerges;
}

/**
 * A sheet's rows in batches as its part inflates (one batch per inflated chunk), with every
 * limit of the read: merged cells, rows that never end. The same loop runs in the checking
 * thread (small sheets) and in a thread of its own (large ones, see sheet-thread.ts). `notes`
 * is filled in as the rows end.
 */
export async function* scanSheet(zip: ZipFile, name: string, entry: ZipEntry, ctx: ScanContext, limits: ReadLimits, count: ReadCount, notes: SheetNotes = {}): AsyncIterable<RawRow[]> {
  const scanner = new SheetScanner(ctx);
  // (ECSOP_HELD_SHEET_BYTES: tests try a smaller limit, as ECSOP_SHEET_THREAD_BYTES)
  const limit = Number(process.env.ECSOP_HELD_SHEET_BYTES ?? HELD_SHEET_BYTES);
  const held = entry.uncompressedSize <= limit;
  let chunks = utf8Chunks(entryChunks(zip, entry, limits, count));
  let fill: MergeFill | undefined;
  if (held) {
    // inflated as it streams (in pieces of 64 KB: at once into one buffer of the sheet's size took twice as long), and kept
    const pieces: Buffer[] = [];
    for await (const c of chunks) pieces.push(c);
    const { ranges, unfilled } = mergeRangesOf(pieces, limits.maxMergedCells);
    if (ranges.length) fill = new MergeFill(ranges);
    notes.unfilled = unfilled;
    chunks = heldPieces(pieces);
  }
  let out: RawRow[] = [];
  for await (const chunk of chunks) {
    try {
      scanner.push(chunk, out);
    } catch (err) {
      // the rows whole before the damage are given, as a CSV's are (then the error: the sheet stops part-way, or after its rows)
      if (out.length) { fill?.fill(out); yield out; }
      throw inSheet(err, name, scanner.rowsEnded);
    }
    if (out.length) { fill?.fill(out); yield out; out = []; }
    if (scanner.mergedCells > limits.maxMergedCells) break;
  }
  if (out.length) { fill?.fill(out); yield out; }
  if (scanner.mergedCells > limits.maxMergedCells) {
    throw new UnreadableFileError('merged-cells', { detail: name, count: scanner.mergedCells, limit: limits.maxMergedCells }, 'file/unsafe');
  }
  const ending = scanner.ending;
  if (ending !== 'whole') {
    // cut among the rows: said with the row it was cut in or after (outsider helper-95)
    const detail = localized(`corrupt.ends-${ending}`, { part: entry.name });
    const row = scanner.lastRowBegun;
    const near = (ending === 'in-row' || ending === 'in-rows') && row > 0 ? localized('corrupt.near-row', { row, detail }) : detail;
    throw inSheet(new UnreadableFileError('corrupt', { detail: near }), name, ending === 'after-rows');
  }
  // a sheet too large to be held: its merges were met after its rows, too late to give them
  if (!held && scanner.merges) notes.unfilled = { count: scanner.merges, why: 'large', limit: Math.round(limit / 2 ** 20) };
}

/** The held pieces, each let go once it is given to the scanner. */
async function* heldPieces(pieces: Buffer[]): AsyncIterable<Buffer> {
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    pieces[i] = EMPTY;
    yield piece;
  }
}
const EMPTY = Buffer.alloc(0);

/** A sheet's damage with the sheet's name (the part's, xl/worksheets/sheet1.xml, is no name a person knows); `afterRows`: its rows were whole. */
function inSheet(err: unknown, sheet: string, afterRows: boolean): unknown {
  if (!(err instanceof UnreadableFileError)) return err;
  const out = err.reason === 'corrupt' ? new UnreadableFileError('corrupt', { ...err.data, detail: localized('corrupt.in-sheet', { sheet, detail: err.data.detail as Localized }) }, err.ruleId) : err;
  if (afterRows) out.afterRows = true;
  return out;
}
