import type { RawRow } from '../../cells/raw.js';
import type { ReadLimits } from '../../config/limits.js';
import { UnreadableFileError } from '../types.js';
import { SheetScanner, type ScanContext } from './sheet-scanner.js';
import { entryChunks, utf8Chunks, type ReadCount, type ZipEntry, type ZipFile } from './zip.js';

/**
 * A sheet's rows in batches as its part inflates (one batch per inflated chunk), with every
 * limit of the read: merged cells, rows that never end. The same loop runs in the checking
 * thread (small sheets) and in a thread of its own (large ones, see sheet-thread.ts).
 */
export async function* scanSheet(zip: ZipFile, name: string, entry: ZipEntry, ctx: ScanContext, limits: ReadLimits, count: ReadCount): AsyncIterable<RawRow[]> {
  const scanner = new SheetScanner(ctx);
  let out: RawRow[] = [];
  for await (const chunk of utf8Chunks(entryChunks(zip, entry, limits, count))) {
    scanner.push(chunk, out);
    if (out.length) { yield out; out = []; }
    if (scanner.mergedCells > limits.maxMergedCells) break;
  }
  if (out.length) yield out;
  if (scanner.mergedCells > limits.maxMergedCells) {
    throw new UnreadableFileError('merged-cells', { detail: name, count: scanner.mergedCells, limit: limits.maxMergedCells }, 'file/unsafe');
  }
  if (scanner.incomplete) throw new UnreadableFileError('corrupt', { detail: `${entry.name} ends inside a row` });
}
