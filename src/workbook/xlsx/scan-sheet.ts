import type { RawRow } from '../../cells/raw.js';
import type { ReadLimits } from '../../config/limits.js';
import { UnreadableFileError } from '../types.js';
import { MergeFill, mergeRangesOf } from './merge-ranges.js';
import { SheetScanner, type ScanContext } from './sheet-scanner.js';
import { entryChunks, utf8Chunks, type ReadCount, type ZipEntry, type ZipFile } from './zip.js';

/**
 * A sheet whose XML is at most this size (about 100,000 rows of an order export) is inflated before
 * its rows are read, so that its merged ranges, which come after its rows, are known first
 * (MergeFill). A larger sheet streams, and its merges are not filled in (cells a merge covers read
 * empty, as Excel shows them): holding it would cost memory in proportion to its size.
 */
export const HELD_SHEET_BYTES = 64 << 20;

/**
 * A sheet's rows in batches as its part inflates (one batch per inflated chunk), with every
 * limit of the read: merged cells, rows that never end. The same loop runs in the checking
 * thread (small sheets) and in a thread of its own (large ones, see sheet-thread.ts).
 */
export async function* scanSheet(zip: ZipFile, name: string, entry: ZipEntry, ctx: ScanContext, limits: ReadLimits, count: ReadCount): AsyncIterable<RawRow[]> {
  const scanner = new SheetScanner(ctx);
  const held = entry.uncompressedSize <= HELD_SHEET_BYTES;
  let chunks = utf8Chunks(entryChunks(zip, entry, limits, count));
  let fill: MergeFill | undefined;
  if (held) {
    // inflated as it streams (in pieces of 64 KB: at once into one buffer of the sheet's size took twice as long), and kept
    const pieces: Buffer[] = [];
    for await (const c of chunks) pieces.push(c);
    const ranges = mergeRangesOf(pieces, limits.maxMergedCells);
    if (ranges.length) fill = new MergeFill(ranges);
    chunks = heldPieces(pieces);
  }
  let out: RawRow[] = [];
  for await (const chunk of chunks) {
    scanner.push(chunk, out);
    if (out.length) { fill?.fill(out); yield out; out = []; }
    if (scanner.mergedCells > limits.maxMergedCells) break;
  }
  if (out.length) { fill?.fill(out); yield out; }
  if (scanner.mergedCells > limits.maxMergedCells) {
    throw new UnreadableFileError('merged-cells', { detail: name, count: scanner.mergedCells, limit: limits.maxMergedCells }, 'file/unsafe');
  }
  if (scanner.incomplete) throw new UnreadableFileError('corrupt', { detail: `${entry.name} ends inside a row` });
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
